using System.Globalization;
using DatRules.Internal;

namespace DatRules.Outflows;

/// <summary>The distribution of forced selling over probability-weighted scenarios, and its expected value.</summary>
/// <remarks>
/// Immutable. Two analyses are equal when the ticker, the outcomes (one by one, in order) and the expected values are
/// equal: an analysis is made of values only (scenarios and estimates compare by value too).
/// </remarks>
public sealed class ScenarioAnalysis : IEquatable<ScenarioAnalysis>
{
    /// <summary>Initializes an analysis.</summary>
    /// <param name="ticker">The issuer.</param>
    /// <param name="distribution">Every scenario's outcome, sorted by forced-selling USD (ascending), with cumulative probabilities (copied).</param>
    /// <param name="expectedUsd">Sum of probability x USD.</param>
    /// <param name="expectedShares">Sum of probability x shares.</param>
    /// <exception cref="ArgumentNullException"><paramref name="ticker"/> or <paramref name="distribution"/> is null.</exception>
    public ScenarioAnalysis(string ticker, IReadOnlyList<ScenarioOutcome> distribution, decimal expectedUsd, decimal expectedShares)
    {
        ArgumentNullException.ThrowIfNull(ticker);
        Ticker = ticker;
        Distribution = ReadOnly.Copy(distribution);
        ExpectedUsd = expectedUsd;
        ExpectedShares = expectedShares;
    }

    /// <summary>Gets the issuer.</summary>
    public string Ticker { get; }

    /// <summary>Gets every scenario's outcome, sorted by forced-selling USD (ascending), with cumulative probabilities.</summary>
    /// <remarks>A read-only copy of what was passed in.</remarks>
    public IReadOnlyList<ScenarioOutcome> Distribution { get; }

    /// <summary>Gets the sum of probability x USD.</summary>
    public decimal ExpectedUsd { get; }

    /// <summary>Gets the sum of probability x shares.</summary>
    public decimal ExpectedShares { get; }

    /// <summary>Compares two analyses by value.</summary>
    /// <param name="left">The first analysis.</param>
    /// <param name="right">The second analysis.</param>
    /// <returns><see langword="true"/> if both are null or equal.</returns>
    public static bool operator ==(ScenarioAnalysis? left, ScenarioAnalysis? right) => Equals(left, right);

    /// <summary>Compares two analyses by value.</summary>
    /// <param name="left">The first analysis.</param>
    /// <param name="right">The second analysis.</param>
    /// <returns><see langword="true"/> if they differ.</returns>
    public static bool operator !=(ScenarioAnalysis? left, ScenarioAnalysis? right) => !Equals(left, right);

    /// <summary>Whether <paramref name="other"/> has the same ticker, outcomes (in order) and expected values.</summary>
    /// <param name="other">The other analysis.</param>
    /// <returns><see langword="true"/> if equal.</returns>
    public bool Equals(ScenarioAnalysis? other) =>
        other is not null && (ReferenceEquals(this, other) || (Ticker == other.Ticker && ExpectedUsd == other.ExpectedUsd
            && ExpectedShares == other.ExpectedShares && ReadOnly.SameItems(Distribution, other.Distribution)));

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as ScenarioAnalysis);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Ticker, ExpectedUsd, ExpectedShares, ReadOnly.HashItems(Distribution));

    /// <summary>
    /// Describes the analysis, e.g. <c>MSTR: expected 1,400,000,000 USD (8,216,444 shares) over 2 scenarios: Nobody 50% 0 USD; MSCI only 50% 2,800,000,000 USD</c>
    /// (outcomes in distribution order, each with its probability and forced-selling USD).
    /// </summary>
    /// <returns>The description.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Ticker}: expected {ExpectedUsd:N0} USD ({ExpectedShares:N0} shares) over {Distribution.Count} scenario{(Distribution.Count == 1 ? "" : "s")}: ")
        + string.Join("; ", Distribution.Select(o => string.Create(CultureInfo.InvariantCulture,
            $"{o.Scenario.Name} {o.Scenario.Probability * 100m:0.##}% {o.Estimate.Total.ForcedSellingUsd:N0} USD")));
}
