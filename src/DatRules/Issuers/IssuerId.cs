using DatRules.Internal;

namespace DatRules.Issuers;

/// <summary>Identifies a listed company: its ticker, and optionally its name and country.</summary>
/// <remarks>Two identifiers are equal when their tickers are equal (ordinal, case-insensitive).</remarks>
public sealed class IssuerId : IEquatable<IssuerId>
{
    /// <summary>Initializes an identifier.</summary>
    /// <param name="ticker">The exchange ticker, e.g. <c>MSTR</c> or <c>3350.T</c>.</param>
    /// <param name="name">The company name, if known.</param>
    /// <param name="country">The ISO 3166 country code of the listing, if known.</param>
    /// <exception cref="ArgumentException"><paramref name="ticker"/> is empty.</exception>
    public IssuerId(string ticker, string? name = null, string? country = null)
    {
        Ticker = Guard.NotBlank(ticker);
        Name = string.IsNullOrWhiteSpace(name) ? null : name.Trim();
        Country = string.IsNullOrWhiteSpace(country) ? null : country.Trim();
    }

    /// <summary>Gets the exchange ticker.</summary>
    public string Ticker { get; }

    /// <summary>Gets the company name, or <see langword="null"/> if unknown.</summary>
    public string? Name { get; }

    /// <summary>Gets the country of the listing, or <see langword="null"/> if unknown.</summary>
    public string? Country { get; }

    /// <inheritdoc />
    public bool Equals(IssuerId? other) => other is not null && string.Equals(Ticker, other.Ticker, StringComparison.OrdinalIgnoreCase);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as IssuerId);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.OrdinalIgnoreCase.GetHashCode(Ticker);

    /// <inheritdoc />
    public override string ToString() => Ticker;
}
