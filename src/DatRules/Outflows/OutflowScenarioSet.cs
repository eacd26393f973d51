using System.Globalization;
using DatRules.Internal;

namespace DatRules.Outflows;

/// <summary>Scenarios and impact options read from a scenario file.</summary>
/// <remarks>
/// Two sets are equal when their scenarios (one by one, in order), their daily volatility and their impact settings
/// (<see cref="ImpactOptions.ImpactCoefficient"/> and <see cref="ImpactOptions.ExecutionDays"/>, compared when asked)
/// are equal. <see cref="ImpactOptions"/> is a mutable options class, so the hash code leaves it out.
/// </remarks>
public sealed class OutflowScenarioSet : IEquatable<OutflowScenarioSet>
{
    /// <summary>Initializes a set.</summary>
    /// <param name="scenarios">The mutually exclusive scenarios (copied).</param>
    /// <param name="impact">The impact options.</param>
    /// <param name="dailyVolatility">Daily volatility to use when the market data has none, or <see langword="null"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="scenarios"/> or <paramref name="impact"/> is null.</exception>
    public OutflowScenarioSet(IReadOnlyList<OutflowScenario> scenarios, ImpactOptions impact, decimal? dailyVolatility)
    {
        ArgumentNullException.ThrowIfNull(impact);
        Scenarios = ReadOnly.Copy(scenarios);
        Impact = impact;
        DailyVolatility = dailyVolatility;
    }

    /// <summary>Gets the mutually exclusive scenarios.</summary>
    /// <remarks>A read-only copy of what was passed in.</remarks>
    public IReadOnlyList<OutflowScenario> Scenarios { get; }

    /// <summary>Gets the impact options.</summary>
    public ImpactOptions Impact { get; }

    /// <summary>Gets the daily volatility to use when the market data has none, or <see langword="null"/>.</summary>
    public decimal? DailyVolatility { get; }

    /// <summary>Compares two sets by value.</summary>
    /// <param name="left">The first set.</param>
    /// <param name="right">The second set.</param>
    /// <returns><see langword="true"/> if both are null or equal.</returns>
    public static bool operator ==(OutflowScenarioSet? left, OutflowScenarioSet? right) => Equals(left, right);

    /// <summary>Compares two sets by value.</summary>
    /// <param name="left">The first set.</param>
    /// <param name="right">The second set.</param>
    /// <returns><see langword="true"/> if they differ.</returns>
    public static bool operator !=(OutflowScenarioSet? left, OutflowScenarioSet? right) => !Equals(left, right);

    /// <summary>Whether <paramref name="other"/> has the same scenarios (in order), daily volatility and impact settings.</summary>
    /// <param name="other">The other set.</param>
    /// <returns><see langword="true"/> if equal.</returns>
    public bool Equals(OutflowScenarioSet? other) =>
        other is not null && (ReferenceEquals(this, other) || (DailyVolatility == other.DailyVolatility
            && Impact.ImpactCoefficient == other.Impact.ImpactCoefficient && Impact.ExecutionDays == other.Impact.ExecutionDays
            && ReadOnly.SameItems(Scenarios, other.Scenarios)));

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as OutflowScenarioSet);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(DailyVolatility, ReadOnly.HashItems(Scenarios));

    /// <summary>
    /// Describes the set, e.g. <c>2 scenarios (Nobody 50%; MSCI only 50%: MSCI), impact coefficient 1 over 1 day, daily volatility 5%</c>
    /// (<c>daily volatility from the market data</c> when none is given).
    /// </summary>
    /// <returns>The description.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Scenarios.Count} scenario{(Scenarios.Count == 1 ? "" : "s")} ({string.Join("; ", Scenarios)}), impact coefficient {Impact.ImpactCoefficient:0.####} over {Impact.ExecutionDays} day{(Impact.ExecutionDays == 1 ? "" : "s")}, daily volatility {(DailyVolatility is { } v ? (v * 100m).ToString("0.####", CultureInfo.InvariantCulture) + "%" : "from the market data")}");
}
