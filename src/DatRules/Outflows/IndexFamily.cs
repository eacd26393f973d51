using DatRules.Internal;
using DatRules.Policies;

namespace DatRules.Outflows;

/// <summary>A family of indexes tracked by passive funds, e.g. MSCI USA / World / ACWI, Nasdaq-100, Russell 1000.</summary>
public sealed record IndexFamily
{
    /// <summary>Initializes a family.</summary>
    /// <param name="name">The family's name; families compare by name (case-insensitive).</param>
    /// <param name="provider">The provider whose policy decides for this family.</param>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="provider"/> is null.</exception>
    public IndexFamily(string name, IndexProvider provider)
    {
        Name = Guard.NotBlank(name);
        ArgumentNullException.ThrowIfNull(provider);
        Provider = provider;
    }

    /// <summary>Gets the name.</summary>
    public string Name { get; }

    /// <summary>Gets the provider.</summary>
    public IndexProvider Provider { get; }

    /// <inheritdoc />
    public bool Equals(IndexFamily? other) => other is not null && string.Equals(Name, other.Name, StringComparison.OrdinalIgnoreCase);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.OrdinalIgnoreCase.GetHashCode(Name);

    /// <inheritdoc />
    public override string ToString() => Name;
}
