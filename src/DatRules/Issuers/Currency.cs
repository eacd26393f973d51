using System.Globalization;

namespace DatRules.Issuers;

/// <summary>
/// An ISO 4217 currency code such as <c>USD</c>. All amounts of one <see cref="IssuerSnapshot"/>
/// must be in one currency: the library never converts between currencies.
/// </summary>
/// <remarks>The default value of this struct is <see cref="Usd"/>.</remarks>
public readonly struct Currency : IEquatable<Currency>
{
    private readonly string? _code;

    /// <summary>Initializes a currency from a three-letter code.</summary>
    /// <param name="code">Three ASCII letters; lower case is accepted and upper-cased.</param>
    /// <exception cref="ArgumentException"><paramref name="code"/> is not three ASCII letters.</exception>
    public Currency(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        if (code.Length != 3 || !code.All(char.IsAsciiLetter))
        {
            throw new ArgumentException($"A currency code must be three ASCII letters (ISO 4217); was '{code}'.", nameof(code));
        }

        _code = code.ToUpperInvariant();
    }

    /// <summary>Gets the United States dollar, the library's default currency.</summary>
    public static Currency Usd => default;

    /// <summary>Gets the upper-case three-letter code.</summary>
    public string Code => _code ?? "USD";

    /// <inheritdoc />
    public bool Equals(Currency other) => string.Equals(Code, other.Code, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Currency other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Code);

    /// <inheritdoc />
    public override string ToString() => Code;

    /// <summary>Compares two currencies for equality.</summary>
    /// <param name="left">The first currency.</param>
    /// <param name="right">The second currency.</param>
    /// <returns><see langword="true"/> if the codes are equal.</returns>
    public static bool operator ==(Currency left, Currency right) => left.Equals(right);

    /// <summary>Compares two currencies for inequality.</summary>
    /// <param name="left">The first currency.</param>
    /// <param name="right">The second currency.</param>
    /// <returns><see langword="true"/> if the codes differ.</returns>
    public static bool operator !=(Currency left, Currency right) => !left.Equals(right);

    internal string Format(decimal amount) => string.Create(CultureInfo.InvariantCulture, $"{amount:#,0.##} {Code}");
}
