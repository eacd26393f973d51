using System.Globalization;

namespace DatRules.Issuers;

/// <summary>
/// The name of a financial-statement line item, e.g. <see cref="CashAndEquivalents"/> or <see cref="Revenue"/>:
/// a lower-case identifier (<c>cash_and_equivalents</c>) and whether it is a balance or a flow.
/// </summary>
/// <remarks>
/// <para>Immutable; equality is by name (ordinal) and kind. The well-known items are the
/// ones policy JSON and CSV input accept; code may name others with the constructor.</para>
/// <para><see cref="DigitalAssets"/> and <see cref="TotalAssets"/> are read from the snapshot's holdings and total assets;
/// every other item from <see cref="IssuerSnapshot.LineItems"/>.</para>
/// </remarks>
public sealed class LineItem : IEquatable<LineItem>
{
    /// <summary>Initializes a line item.</summary>
    /// <param name="name">The name: lower-case ASCII letters, digits and underscores, starting with a letter, at most 64 characters.</param>
    /// <param name="kind">Balance (at the balance-sheet date) or flow (over a period).</param>
    /// <exception cref="ArgumentException"><paramref name="name"/> is null or not such an identifier.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="kind"/> is not defined.</exception>
    public LineItem(string name, LineItemKind kind)
    {
        if (!IsValidName(name))
        {
            throw new ArgumentException($"A line item name is lower-case ASCII letters, digits and underscores, starting with a letter, at most 64 characters (e.g. cash_and_equivalents); was '{name}'.", nameof(name));
        }

        if (!Enum.IsDefined(kind))
        {
            throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown line item kind.");
        }

        Name = name;
        Kind = kind;
    }

    /// <summary>Gets cash and cash equivalents (balance; us-gaap <c>CashAndCashEquivalentsAtCarryingValue</c>).</summary>
    public static LineItem CashAndEquivalents { get; } = new("cash_and_equivalents", LineItemKind.Balance);

    /// <summary>Gets marketable securities and short-term investments (balance; us-gaap <c>MarketableSecuritiesCurrent</c>, <c>ShortTermInvestments</c>).</summary>
    public static LineItem MarketableSecurities { get; } = new("marketable_securities", LineItemKind.Balance);

    /// <summary>Gets long-term investments (balance; us-gaap <c>LongTermInvestments</c>).</summary>
    public static LineItem LongTermInvestments { get; } = new("long_term_investments", LineItemKind.Balance);

    /// <summary>Gets the fair value of digital assets held (balance), read from <see cref="IssuerSnapshot.Holdings"/>.</summary>
    public static LineItem DigitalAssets { get; } = new("digital_assets", LineItemKind.Balance);

    /// <summary>Gets total assets (balance), read from <see cref="IssuerSnapshot.TotalAssets"/>.</summary>
    public static LineItem TotalAssets { get; } = new("total_assets", LineItemKind.Balance);

    /// <summary>Gets total liabilities (balance; us-gaap <c>Liabilities</c>).</summary>
    public static LineItem TotalLiabilities { get; } = new("total_liabilities", LineItemKind.Balance);

    /// <summary>Gets revenue (flow; us-gaap <c>Revenues</c>, <c>RevenueFromContractWithCustomerExcludingAssessedTax</c>).</summary>
    public static LineItem Revenue { get; } = new("revenue", LineItemKind.Flow);

    /// <summary>Gets operating income or loss (flow, may be negative; us-gaap <c>OperatingIncomeLoss</c>).</summary>
    public static LineItem OperatingIncome { get; } = new("operating_income", LineItemKind.Flow);

    /// <summary>Gets the well-known line items, in a fixed order (the names policy JSON and CSV input accept).</summary>
    public static IReadOnlyList<LineItem> WellKnown { get; } =
        [CashAndEquivalents, MarketableSecurities, LongTermInvestments, DigitalAssets, TotalAssets, TotalLiabilities, Revenue, OperatingIncome];

    /// <summary>Gets the name, e.g. <c>cash_and_equivalents</c>.</summary>
    public string Name { get; }

    /// <summary>Gets whether the item is a balance or a flow.</summary>
    public LineItemKind Kind { get; }

    /// <summary>Gets a value indicating whether the item is read from the snapshot's holdings or total assets rather than its line items.</summary>
    public bool IsIntrinsic => Name is "digital_assets" or "total_assets";

    /// <summary>Finds a well-known line item by name (ordinal, lower case).</summary>
    /// <param name="name">The name.</param>
    /// <param name="item">The item, if found.</param>
    /// <returns>Whether <paramref name="name"/> is a well-known item.</returns>
    public static bool TryGetWellKnown(string? name, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out LineItem? item)
    {
        foreach (var w in WellKnown)
        {
            if (string.Equals(w.Name, name, StringComparison.Ordinal))
            {
                item = w;
                return true;
            }
        }

        item = null;
        return false;
    }

    /// <summary>Compares two items by name.</summary>
    /// <param name="left">The first item.</param>
    /// <param name="right">The second item.</param>
    /// <returns>Whether the names are equal.</returns>
    public static bool operator ==(LineItem? left, LineItem? right) => left is null ? right is null : left.Equals(right);

    /// <summary>Compares two items by name.</summary>
    /// <param name="left">The first item.</param>
    /// <param name="right">The second item.</param>
    /// <returns>Whether the names differ.</returns>
    public static bool operator !=(LineItem? left, LineItem? right) => !(left == right);

    /// <inheritdoc />
    public bool Equals(LineItem? other) => other is not null && Kind == other.Kind && string.Equals(Name, other.Name, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is LineItem other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Name);

    /// <summary>Returns the name.</summary>
    /// <returns>The name.</returns>
    public override string ToString() => Name;

    /// <summary>The name with spaces for reasons: <c>cash and equivalents</c>.</summary>
    internal string Display => Name.Replace('_', ' ');

    private static bool IsValidName(string? name)
    {
        if (string.IsNullOrEmpty(name) || name.Length > 64 || !char.IsAsciiLetterLower(name[0]))
        {
            return false;
        }

        foreach (char c in name)
        {
            if (!(char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '_'))
            {
                return false;
            }
        }

        return true;
    }

    internal static string Format(decimal v) => v.ToString("#,0.##", CultureInfo.InvariantCulture);
}
