using DatRules.Internal;

namespace DatRules.Outflows;

/// <summary>The distribution of forced selling over probability-weighted scenarios, and its expected value.</summary>
/// <param name="Ticker">The issuer.</param>
/// <param name="Distribution">Every scenario's outcome, sorted by forced-selling USD (ascending), with cumulative probabilities.</param>
/// <param name="ExpectedUsd">Sum of probability x USD.</param>
/// <param name="ExpectedShares">Sum of probability x shares.</param>
public sealed record ScenarioAnalysis(string Ticker, IReadOnlyList<ScenarioOutcome> Distribution, decimal ExpectedUsd, decimal ExpectedShares)
{
    /// <summary>Gets every scenario's outcome, sorted by forced-selling USD (ascending), with cumulative probabilities.</summary>
    /// <remarks>A read-only copy of what was passed in.</remarks>
    public IReadOnlyList<ScenarioOutcome> Distribution { get; init => field = ReadOnly.Copy(value); } = ReadOnly.Copy(Distribution);
}

