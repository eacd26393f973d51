using DatRules.Internal;

namespace DatRules.Outflows;

/// <summary>One mutually exclusive outcome with its probability: which index families delete the issuer.</summary>
public sealed record OutflowScenario
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
}
