using System.Globalization;
using DatRules.Issuers;

namespace DatRules.Nowcasting;

/// <summary>The texts of a nowcast (reasons, headings): the one place they are written.</summary>
public static class NowcastText
{
    /// <summary>Gets the first reason of a nowcast row: what it starts from and that it is an estimate.</summary>
    /// <param name="estimate">The estimate.</param>
    /// <returns>The text.</returns>
    public static string Start(NowcastEstimate estimate)
    {
        ArgumentNullException.ThrowIfNull(estimate);
        var b = estimate.BalanceSheet;
        var holding = b.Holdings.Count == 1 ? b.Holdings[0] : null;
        string coins = holding is null ? "no coins" : Invariant($"{holding.Units:#,0.########} {holding.Asset}");
        return Invariant($"Nowcast on {estimate.On:yyyy-MM-dd} (an estimate, not a filing): the balance sheet of {b.AsOf:yyyy-MM-dd} ({coins}, other assets {b.Currency.Format(b.TotalAssets!.Value - b.DigitalAssets)}) plus {estimate.Announcements.Count} announcement{(estimate.Announcements.Count == 1 ? string.Empty : "s")} after it.");
    }

    /// <summary>Gets the reason citing one announcement.</summary>
    /// <param name="announcement">The announcement.</param>
    /// <param name="currency">The issuer's currency.</param>
    /// <returns>The text.</returns>
    public static string Announcement(Announcement announcement, Currency currency)
    {
        ArgumentNullException.ThrowIfNull(announcement);
        var a = announcement;
        string what = a.IsCash
            ? a.Units > 0m
                ? Invariant($"raised {currency.Format(a.Units)} cash ({Funding(a.FundedBy)}): other assets +{currency.Format(a.Units)}")
                : Invariant($"spent {currency.Format(-a.Units)} cash: other assets -{currency.Format(-a.Units)}")
            : a.IsSale
                ? Invariant($"sold {-a.Units:#,0.########} {a.Asset} for {currency.Format(a.Cost!.Value)}: other assets +{currency.Format(a.Cost!.Value)}")
                : a.FundedBy == FundingSource.Cash
                    ? Invariant($"bought {a.Units:#,0.########} {a.Asset} for {currency.Format(a.Cost!.Value)} (paid in cash): other assets -{currency.Format(a.Cost!.Value)}")
                    : Invariant($"bought {a.Units:#,0.########} {a.Asset} for {currency.Format(a.Cost!.Value)} ({Funding(a.FundedBy)}): other assets unchanged");
        return Invariant($"Announced {a.Announced:yyyy-MM-dd} by {a.Ticker}: {what} [{a.Source}].");
    }

    /// <summary>Gets the reason naming the price used and the coins it values.</summary>
    /// <param name="estimate">The estimate.</param>
    /// <returns>The text.</returns>
    public static string Priced(NowcastEstimate estimate)
    {
        ArgumentNullException.ThrowIfNull(estimate);
        var c = estimate.Snapshot.Currency;
        if (estimate.Price is not { } p)
        {
            return "No coins held on the day: digital assets 0.";
        }

        return Invariant($"{p.Asset} priced at {p.Price:#,0.########} USD, the price of {p.Date:yyyy-MM-dd} (the last on or before {estimate.On:yyyy-MM-dd}): {estimate.Units:#,0.########} {p.Asset} x {p.Price:#,0.########} = {c.Format(estimate.Snapshot.DigitalAssets)}.");
    }

    /// <summary>Gets the reason summing other and total assets.</summary>
    /// <param name="estimate">The estimate.</param>
    /// <returns>The text.</returns>
    public static string Totals(NowcastEstimate estimate)
    {
        ArgumentNullException.ThrowIfNull(estimate);
        var c = estimate.Snapshot.Currency;
        return Invariant($"Other assets {c.Format(estimate.OtherAssets)} + digital assets {c.Format(estimate.Snapshot.DigitalAssets)} = total assets {c.Format(estimate.Snapshot.TotalAssets!.Value)}.");
    }

    /// <summary>Gets the note of a balance sheet left as filed: its amounts are in another currency than the prices.</summary>
    /// <param name="currency">The balance sheet's currency.</param>
    /// <returns>The text.</returns>
    public static string NotNowcastCurrency(Currency currency) => $"Not nowcast: the balance sheet is in {currency}, the prices in USD; balance-sheet figures.";

    /// <summary>Gets the note of a balance sheet left as filed because it cannot be carried forward and nothing was announced after it.</summary>
    /// <param name="why">Why it cannot be carried forward.</param>
    /// <returns>The text.</returns>
    public static string NotNowcast(string why)
    {
        ArgumentNullException.ThrowIfNull(why);
        return $"Not nowcast, balance-sheet figures: {why}";
    }

    /// <summary>Gets the heading suffix of a nowcast screen.</summary>
    /// <param name="on">The decision day.</param>
    /// <param name="announcements">The number of announcements read.</param>
    /// <returns>The text, e.g. <c>, nowcast on 2026-01-06 from 14 announcements and prices on or before it (estimates)</c>.</returns>
    public static string Heading(LocalDate on, int announcements) =>
        Invariant($", nowcast on {on:yyyy-MM-dd} from {announcements} announcement{(announcements == 1 ? string.Empty : "s")} and prices on or before it (estimates)");

    private static string Funding(FundingSource? source) => source switch
    {
        FundingSource.Capital => "funded by capital",
        FundingSource.Debt => "funded by debt",
        _ => "paid in cash",
    };

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
