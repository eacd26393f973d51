using System.Globalization;
using DatRules.Internal;

namespace DatRules.Outflows;

/// <summary>One mutually exclusive outcome with its probability: which index families delete the issuer.</summary>
/// <remarks>
/// Immutable. Two scenarios are equal when the names (ordinal), the probabilities and the acting families (one by one,
/// in order; families compare by name) are equal.
/// </remarks>
public sealed class OutflowScenario : IEquatable<OutflowScenario>
{
    /// <summary>Initializes a scenario.</summary>
    /// <param name="name">A name, e.g. <c>MSCI excludes, others follow</c>.</param>
    /// <param name="probability">The probability in [0, 1]; a set of scenarios must add up to exactly 1.</param>
    /// <param name="actingFamilies">The families that delete the issuer (empty: nobody acts).</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="probability"/> is outside [0, 1].</exception>
    public OutflowScenario(string name, decimal probability, IEnumerable<IndexFamily> actingFamilies)
    {
        Name = Guard.NotBlank(name);
        Probability = probability is >= 0m and <= 1m
            ? probability
            : throw new ArgumentOutOfRangeException(nameof(probability), probability, $"Value should be in range [0-1]; was {probability}.");
        ArgumentNullException.ThrowIfNull(actingFamilies);
        ActingFamilies = ReadOnly.Copy(actingFamilies.Distinct());
    }

    /// <summary>Gets the name.</summary>
    public string Name { get; }

    /// <summary>Gets the probability.</summary>
    public decimal Probability { get; }

    /// <summary>Gets the families that delete the issuer.</summary>
    public IReadOnlyList<IndexFamily> ActingFamilies { get; }

    /// <summary>Compares two scenarios by value.</summary>
    /// <param name="left">The first scenario.</param>
    /// <param name="right">The second scenario.</param>
    /// <returns><see langword="true"/> if both are null or equal.</returns>
    public static bool operator ==(OutflowScenario? left, OutflowScenario? right) => Equals(left, right);

    /// <summary>Compares two scenarios by value.</summary>
    /// <param name="left">The first scenario.</param>
    /// <param name="right">The second scenario.</param>
    /// <returns><see langword="true"/> if they differ.</returns>
    public static bool operator !=(OutflowScenario? left, OutflowScenario? right) => !Equals(left, right);

    /// <summary>Whether <paramref name="other"/> has the same name, probability and acting families (in order).</summary>
    /// <param name="other">The other scenario.</param>
    /// <returns><see langword="true"/> if equal.</returns>
    public bool Equals(OutflowScenario? other) =>
        other is not null && (ReferenceEquals(this, other) || (Name == other.Name && Probability == other.Probability
            && ReadOnly.SameItems(ActingFamilies, other.ActingFamilies)));

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as OutflowScenario);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Name, Probability, ReadOnly.HashItems(ActingFamilies));

    /// <summary>Describes the scenario, e.g. <c>MSCI only 50%: MSCI (USA, World, ACWI, ...)</c> or <c>Nobody 25%: nobody acts</c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Name} {Probability * 100m:0.##}%: {(ActingFamilies.Count == 0 ? "nobody acts" : string.Join(", ", ActingFamilies))}");
}
