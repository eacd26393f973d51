using DatRules.Internal;

namespace DatRules.Policies;

/// <summary>An index provider such as MSCI. Names compare case-insensitively.</summary>
public sealed class IndexProvider : IEquatable<IndexProvider>
{
    /// <summary>Initializes a provider.</summary>
    /// <param name="name">The provider's short name, e.g. <c>MSCI</c>.</param>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty.</exception>
    public IndexProvider(string name) => Name = Guard.NotBlank(name);

    /// <summary>Gets MSCI.</summary>
    public static IndexProvider Msci { get; } = new("MSCI");

    /// <summary>Gets Nasdaq (Nasdaq-100 and other Nasdaq indexes).</summary>
    public static IndexProvider Nasdaq { get; } = new("Nasdaq");

    /// <summary>Gets FTSE Russell.</summary>
    public static IndexProvider FtseRussell { get; } = new("FTSE Russell");

    /// <summary>Gets S&amp;P Dow Jones Indices.</summary>
    public static IndexProvider SpDji { get; } = new("S&P DJI");

    /// <summary>Gets the provider's name.</summary>
    public string Name { get; }

    /// <inheritdoc />
    public bool Equals(IndexProvider? other) => other is not null && string.Equals(Name, other.Name, StringComparison.OrdinalIgnoreCase);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as IndexProvider);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.OrdinalIgnoreCase.GetHashCode(Name);

    /// <inheritdoc />
    public override string ToString() => Name;
}
