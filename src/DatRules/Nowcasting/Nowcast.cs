using System.Globalization;
using DatRules.Issuers;

namespace DatRules.Nowcasting;

/// <summary>
/// Carries a balance sheet forward to a decision day with what the issuer announced since and the coin price of that
/// day: the ratio as an index provider could estimate it, labelled an estimate, every input cited.
/// </summary>
/// <remarks>
/// <para>The arithmetic (one holding, amounts in USD):</para>
/// <list type="bullet">
/// <item>coins = units on the balance sheet + units announced after it and on or before the day (sales negative);</item>
/// <item>digital assets = coins x the last price on or before the day;</item>
/// <item>other assets = total assets - digital assets on the balance sheet, minus the cost of cash-funded purchases, plus
/// sale proceeds, plus cash raised (minus cash spent) by currency announcements; capital- and debt-funded purchases
/// leave them unchanged;</item>
/// <item>total assets = other assets + digital assets.</item>
/// </list>
/// <para>Which balance sheet to start from is the caller's choice; point in time, it is the latest filed by the day.</para>
/// </remarks>
public static class Nowcast
{
    /// <summary>The estimated fields every nowcast names.</summary>
    public static IReadOnlyList<string> EstimatedFields { get; } = ["digital_assets_usd", "total_assets_usd"];

    /// <summary>Estimates a balance sheet on <paramref name="on"/>.</summary>
    /// <param name="balanceSheet">The balance sheet (USD, total assets reported, at most one holding).</param>
    /// <param name="announcements">Announcements of any issuers and days: those of this issuer after the balance sheet and on or before the day are used.</param>
    /// <param name="prices">The price history.</param>
    /// <param name="on">The decision day.</param>
    /// <returns>The estimate.</returns>
    /// <exception cref="NowcastException">The balance sheet cannot be carried forward: not in USD, no total assets, several holdings or units unknown, an announcement in another asset, more coins sold than held, other assets below zero, or no price on or before the day.</exception>
    public static NowcastEstimate Estimate(IssuerSnapshot balanceSheet, IEnumerable<Announcement> announcements, PriceHistory prices, LocalDate on)
    {
        ArgumentNullException.ThrowIfNull(balanceSheet);
        ArgumentNullException.ThrowIfNull(announcements);
        ArgumentNullException.ThrowIfNull(prices);
        var b = balanceSheet;
        string who = string.Create(CultureInfo.InvariantCulture, $"{b.Issuer.Ticker} ({b.AsOf:yyyy-MM-dd})");
        if (b.Currency != Currency.Usd)
        {
            throw new NowcastException($"{who}: the balance sheet is in {b.Currency}; prices and announcements are in USD.", field: "currency");
        }

        if (b.TotalAssets is not { } total)
        {
            throw new NowcastException($"{who}: total assets are not reported, so other assets are not known.", field: "total_assets_usd");
        }

        if (b.Holdings.Count > 1)
        {
            throw new NowcastException($"{who}: {b.Holdings.Count} holdings; a nowcast carries one asset per balance sheet.", field: "asset");
        }

        var used = announcements
            .Where(a => string.Equals(a.Ticker, b.Issuer.Ticker, StringComparison.OrdinalIgnoreCase) && a.Announced > b.AsOf && a.Announced <= on)
            .OrderBy(a => a.Announced)
            .ToList();
        var holding = b.Holdings.Count == 1 ? b.Holdings[0] : null;
        string? asset = holding?.Asset;
        decimal coins = holding?.Units ?? 0m;
        if (holding is not null && holding.Units <= 0m && holding.FairValue != 0m)
        {
            throw new NowcastException($"{who}: the units of {holding.Asset} are not known, so the coins cannot be priced.", field: "units");
        }

        decimal other = total - b.DigitalAssets;
        foreach (var a in used)
        {
            if (a.IsCash)
            {
                if (!string.Equals(a.Asset, b.Currency.Code, StringComparison.OrdinalIgnoreCase))
                {
                    throw new NowcastException($"{who}: cash in {a.Asset} on a balance sheet in {b.Currency}.", a, field: "asset");
                }
            }
            else
            {
                asset ??= a.Asset;
                if (!string.Equals(a.Asset, asset, StringComparison.OrdinalIgnoreCase))
                {
                    throw new NowcastException($"{who}: an announcement in {a.Asset} on a balance sheet holding {asset}; a nowcast carries one asset.", a, field: "asset");
                }

                coins += a.Units;
                if (coins < 0m)
                {
                    throw new NowcastException(string.Create(CultureInfo.InvariantCulture, $"{who}: sells more {a.Asset} than held ({coins + -a.Units:#,0.########} held before this sale of {-a.Units:#,0.########})."), a, field: "units");
                }
            }

            other += a.OtherAssetsChange;
            if (other < 0m)
            {
                throw new NowcastException($"{who}: other assets fall below zero after this announcement (cash-funded purchases exceed the cash the balance sheet had).", a, field: a.IsCash ? "units" : "cost");
            }
        }

        PricePoint? price = null;
        decimal digital = 0m;
        var holdings = new List<DigitalAssetHolding>();
        if (asset is not null && (coins > 0m || holding is not null))
        {
            if (!prices.TryGetPrice(asset, on, out var p))
            {
                throw new NowcastException(string.Create(CultureInfo.InvariantCulture, $"{who}: no price of {asset} on or before {on:yyyy-MM-dd}."), missingPriceOf: asset);
            }

            price = p;
            digital = coins * p.Price;
            holdings.Add(new DigitalAssetHolding(holding?.Asset ?? asset, coins, digital, b.Currency));
        }

        var draft = new NowcastEstimate(b, b, on, coins, price, other, used);
        var snapshot = b.AsEstimate(other + digital, holdings, on, [], []);
        draft = draft with { Snapshot = snapshot };
        var notes = new List<string> { NowcastText.Start(draft) };
        notes.AddRange(used.Select(a => NowcastText.Announcement(a, b.Currency)));
        notes.Add(NowcastText.Priced(draft));
        notes.Add(NowcastText.Totals(draft));
        string[] estimated = [.. b.EstimatedFields.Concat(EstimatedFields).Distinct(StringComparer.Ordinal)];
        return draft with { Snapshot = b.AsEstimate(other + digital, holdings, on, notes, estimated) };
    }
}
