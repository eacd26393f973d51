using System.Globalization;
using DatRules.Issuers;

namespace DatRules.Nowcasting;

/// <summary>
/// A purchase, sale or cash movement an issuer announced after a balance sheet (an 8-K, a release): one row of an
/// events file. Units are signed: positive for a purchase, negative for a sale. For a coin, <see cref="Cost"/> is what a
/// purchase cost or what a sale brought in. For a currency (<see cref="IsCash"/>, e.g. <c>USD</c>), <see cref="Units"/>
/// is the cash raised (positive) or spent (negative) outside coin trades, e.g. a reserve funded by share sales.
/// </summary>
public sealed class Announcement
{
    /// <summary>Initializes an announcement and checks that its figures fit together.</summary>
    /// <param name="ticker">The issuer's ticker.</param>
    /// <param name="announced">The day it was announced.</param>
    /// <param name="asset">The coin (e.g. <c>BTC</c>) or a currency code (e.g. <c>USD</c>).</param>
    /// <param name="units">Coins bought (positive) or sold (negative); for a currency, cash raised (positive) or spent (negative).</param>
    /// <param name="cost">For a coin: the cost of a purchase, or the proceeds of a sale (never negative). For a currency: none.</param>
    /// <param name="fundedBy">How a purchase or cash raised was paid for; none for a sale or cash spent.</param>
    /// <param name="source">Where it was announced (accession number, URL).</param>
    /// <param name="isCash">Whether <paramref name="asset"/> is a currency.</param>
    /// <exception cref="ArgumentException">A figure does not fit (see <see cref="Problems"/>).</exception>
    public Announcement(string ticker, LocalDate announced, string asset, decimal units, decimal? cost, FundingSource? fundedBy, string source, bool isCash = false)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(ticker);
        ArgumentException.ThrowIfNullOrWhiteSpace(asset);
        ArgumentException.ThrowIfNullOrWhiteSpace(source);
        var problems = Problems(units, cost, fundedBy, isCash);
        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join("; ", problems.Select(p => $"{p.Field}: {p.Message}")) + ".", nameof(units));
        }

        Ticker = ticker.Trim();
        Announced = announced;
        Asset = asset.Trim();
        Units = units;
        Cost = cost;
        FundedBy = fundedBy;
        Source = source.Trim();
        IsCash = isCash;
    }

    /// <summary>Gets the issuer's ticker.</summary>
    public string Ticker { get; }

    /// <summary>Gets the day it was announced.</summary>
    public LocalDate Announced { get; }

    /// <summary>Gets the coin or currency code.</summary>
    public string Asset { get; }

    /// <summary>Gets the signed units: coins bought (positive) or sold (negative), or cash raised or spent.</summary>
    public decimal Units { get; }

    /// <summary>Gets the cost of a purchase or the proceeds of a sale (null for a currency).</summary>
    public decimal? Cost { get; }

    /// <summary>Gets how a purchase or cash raised was paid for (null for a sale or cash spent).</summary>
    public FundingSource? FundedBy { get; }

    /// <summary>Gets where it was announced.</summary>
    public string Source { get; }

    /// <summary>Gets whether the asset is a currency: cash raised or spent outside coin trades.</summary>
    public bool IsCash { get; }

    /// <summary>Gets whether it is a coin purchase.</summary>
    public bool IsPurchase => !IsCash && Units > 0m;

    /// <summary>Gets whether it is a coin sale.</summary>
    public bool IsSale => !IsCash && Units < 0m;

    /// <summary>Gets the change to the issuer's other assets (everything but its coins): minus the cost of a cash-funded purchase, plus the proceeds of a sale, plus cash raised (minus cash spent).</summary>
    public decimal OtherAssetsChange => IsCash ? Units : IsSale ? Cost!.Value : FundedBy == FundingSource.Cash ? -Cost!.Value : 0m;

    /// <summary>
    /// Lists what does not fit in an announcement's figures, field by field (the readers name each with its line).
    /// </summary>
    /// <param name="units">The signed units.</param>
    /// <param name="cost">The cost or proceeds.</param>
    /// <param name="fundedBy">The funding.</param>
    /// <param name="isCash">Whether the asset is a currency.</param>
    /// <returns>Each problem: the field (<c>units</c>, <c>cost</c>, <c>funded_by</c>) and what is wrong; empty when it fits.</returns>
    public static IReadOnlyList<(string Field, string Message)> Problems(decimal units, decimal? cost, FundingSource? fundedBy, bool isCash)
    {
        var problems = new List<(string, string)>();
        if (units == 0m)
        {
            problems.Add(("units", "0 is no purchase or sale: leave the row out"));
            return problems;
        }

        if (isCash)
        {
            if (cost is not null)
            {
                problems.Add(("cost", "a currency row has no cost: its units are the cash raised (positive) or spent (negative)"));
            }

            if (units > 0m && fundedBy is not (FundingSource.Capital or FundingSource.Debt))
            {
                problems.Add(("funded_by", "cash raised must say capital or debt"));
            }
            else if (units < 0m && fundedBy is not null)
            {
                problems.Add(("funded_by", "cash spent (negative units) has no funding: leave it blank"));
            }

            return problems;
        }

        if (cost is null)
        {
            problems.Add(("cost", units > 0m ? "a purchase needs its cost" : "a sale needs its proceeds"));
        }
        else if (cost < 0m)
        {
            problems.Add(("cost", string.Create(CultureInfo.InvariantCulture, $"must not be negative (a sale has negative units and positive proceeds); was {cost}")));
        }

        if (units > 0m && fundedBy is null)
        {
            problems.Add(("funded_by", "a purchase must say capital, debt or cash"));
        }
        else if (units < 0m && fundedBy is not null)
        {
            problems.Add(("funded_by", "a sale (negative units) is not funded: leave it blank (its proceeds add to other assets)"));
        }

        return problems;
    }

    /// <inheritdoc />
    public override string ToString() => NowcastText.Announcement(this, Currency.Usd);
}
