using DatRules.Internal;

namespace DatRules.Outflows;

/// <summary>Scenarios and impact options read from a scenario file.</summary>
/// <param name="Scenarios">The mutually exclusive scenarios.</param>
/// <param name="Impact">The impact options.</param>
/// <param name="DailyVolatility">Daily volatility to use when the market data has none, or <see langword="null"/>.</param>
public sealed record OutflowScenarioSet(IReadOnlyList<OutflowScenario> Scenarios, ImpactOptions Impact, decimal? DailyVolatility)
{
    /// <summary>Gets the mutually exclusive scenarios.</summary>
    /// <remarks>A read-only copy of what was passed in.</remarks>
    public IReadOnlyList<OutflowScenario> Scenarios { get; init => field = ReadOnly.Copy(value); } = ReadOnly.Copy(Scenarios);
}

