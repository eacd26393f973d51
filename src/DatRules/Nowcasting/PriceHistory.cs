using System.Collections.Frozen;
using DatRules.Issuers;
using System.Globalization;

namespace DatRules.Nowcasting;

/// <summary>
/// Daily prices of assets in USD (e.g. the closes of BTC, ETH and SOL): the price used on a day is the last one on or
/// before it. Immutable; symbols match ignoring case.
/// </summary>
public sealed class PriceHistory
{
    private readonly FrozenDictionary<string, PricePoint[]> _byAsset;

    /// <summary>Initializes the history.</summary>
    /// <param name="prices">The prices, in any order. The same asset and day twice is allowed only with the same price.</param>
    /// <exception cref="ArgumentException">A symbol is blank, a price is not positive, or one asset has two prices on one day.</exception>
    public PriceHistory(IEnumerable<PricePoint> prices)
    {
        ArgumentNullException.ThrowIfNull(prices);
        var map = new Dictionary<string, SortedDictionary<LocalDate, decimal>>(StringComparer.OrdinalIgnoreCase);
        var failures = new List<string>();
        foreach (var p in prices)
        {
            if (string.IsNullOrWhiteSpace(p.Asset))
            {
                failures.Add("an asset symbol is blank");
                continue;
            }

            if (p.Price <= 0m)
            {
                failures.Add(string.Create(CultureInfo.InvariantCulture, $"the price of {p.Asset} on {p.Date:yyyy-MM-dd} must be positive; was {p.Price}"));
                continue;
            }

            if (!map.TryGetValue(p.Asset.Trim(), out var days))
            {
                map[p.Asset.Trim()] = days = [];
            }

            if (days.TryGetValue(p.Date, out decimal first) && first != p.Price)
            {
                failures.Add(string.Create(CultureInfo.InvariantCulture, $"{p.Asset} has two prices on {p.Date:yyyy-MM-dd}: {first} and {p.Price}"));
                continue;
            }

            days[p.Date] = p.Price;
        }

        if (failures.Count > 0)
        {
            throw new ArgumentException("Invalid price history: " + string.Join("; ", failures) + ".", nameof(prices));
        }

        _byAsset = map.ToFrozenDictionary(kv => kv.Key, kv => kv.Value.Select(d => new PricePoint(kv.Key, d.Key, d.Value)).ToArray(), StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Gets the assets priced.</summary>
    public IReadOnlyCollection<string> Assets => _byAsset.Keys;

    /// <summary>Gets every price of an asset, oldest first (empty when it has none).</summary>
    /// <param name="asset">The symbol.</param>
    /// <returns>The prices.</returns>
    public IReadOnlyList<PricePoint> PricesOf(string asset) => _byAsset.TryGetValue(asset, out var p) ? p : [];

    /// <summary>Gets the price of <paramref name="asset"/> used on <paramref name="on"/>: the last one on or before it.</summary>
    /// <param name="asset">The symbol (any case).</param>
    /// <param name="on">The day.</param>
    /// <param name="price">The price and its own date.</param>
    /// <returns>Whether there is a price on or before that day.</returns>
    public bool TryGetPrice(string asset, LocalDate on, out PricePoint price)
    {
        ArgumentNullException.ThrowIfNull(asset);
        price = default;
        if (!_byAsset.TryGetValue(asset, out var points))
        {
            return false;
        }

        int lo = 0, hi = points.Length - 1, found = -1;
        while (lo <= hi)
        {
            int mid = (lo + hi) / 2;
            if (points[mid].Date <= on)
            {
                found = mid;
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }

        if (found < 0)
        {
            return false;
        }

        price = points[found];
        return true;
    }

    /// <summary>Gets the prices used on <paramref name="on"/> (the last on or before it) of every asset priced by then, for <see cref="Issuers.IssuerSnapshot.MarkToMarket"/>.</summary>
    /// <param name="on">The day.</param>
    /// <returns>The prices, or <see langword="null"/> when no asset has a price on or before that day.</returns>
    public MarketPrices? On(LocalDate on)
    {
        var picked = new List<KeyValuePair<string, decimal>>();
        foreach (string asset in _byAsset.Keys)
        {
            if (TryGetPrice(asset, on, out var p))
            {
                picked.Add(new(asset, p.Price));
            }
        }

        return picked.Count == 0 ? null : new MarketPrices(on, picked);
    }
}
