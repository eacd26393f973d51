using DatRules.Internal;

namespace DatRules.Outflows;

/// <summary>One tranche of new shares in an issuance plan (e.g. an at-the-market programme).</summary>
public sealed record ShareIssuance
{
    /// <summary>Initializes a tranche.</summary>
    /// <param name="date">When the shares are issued.</param>
    /// <param name="shares">New shares, &gt;= 0.</param>
    /// <param name="price">Issue price in USD, &gt; 0.</param>
    /// <exception cref="ArgumentOutOfRangeException">Shares negative or price not positive.</exception>
    public ShareIssuance(LocalDate date, decimal shares, decimal price)
    {
        Date = date;
        Shares = Guard.NotNegative(shares);
        Price = Guard.Positive(price);
    }

    /// <summary>Gets the issue date.</summary>
    public LocalDate Date { get; }

    /// <summary>Gets the new shares.</summary>
    public decimal Shares { get; }

    /// <summary>Gets the price.</summary>
    public decimal Price { get; }
}
