using System.Collections.Frozen;
using System.Globalization;

namespace DatRules.Issuers;

/// <summary>
/// Coin prices on one date, in one currency, to mark holdings to market between balance sheets
/// (<see cref="IssuerSnapshot.MarkToMarket"/>). Immutable; symbols match holdings' <see cref="DigitalAssetHolding.Asset"/>
/// ignoring case.
/// </summary>
public sealed class MarketPrices
{
    private readonly FrozenDictionary<string, decimal> _prices;

    /// <summary>Initializes the prices.</summary>
    /// <param name="on">The date the prices are for.</param>
    /// <param name="prices">Price of one unit by asset symbol, e.g. <c>BTC</c> = 87000.</param>
    /// <param name="currency">The currency of every price; USD if omitted.</param>
    /// <exception cref="ArgumentNullException"><paramref name="prices"/> is null.</exception>
    /// <exception cref="ArgumentException">A symbol is blank or repeated, a price is not positive, or there is no price.</exception>
    public MarketPrices(LocalDate on, IEnumerable<KeyValuePair<string, decimal>> prices, Currency currency = default)
    {
        ArgumentNullException.ThrowIfNull(prices);
        var map = new Dictionary<string, decimal>(StringComparer.OrdinalIgnoreCase);
        var failures = new List<string>();
        foreach (var (asset, price) in prices)
        {
            if (string.IsNullOrWhiteSpace(asset))
            {
                failures.Add("an asset symbol is blank");
            }
            else if (price <= 0m)
            {
                failures.Add(string.Create(CultureInfo.InvariantCulture, $"the price of {asset} must be positive; was {price}"));
            }
            else if (!map.TryAdd(asset.Trim(), price))
            {
                failures.Add($"{asset} is priced twice");
            }
        }

        if (map.Count == 0 && failures.Count == 0)
        {
            failures.Add("no price given");
        }

        if (failures.Count > 0)
        {
            throw new ArgumentException("Invalid market prices: " + string.Join("; ", failures) + ".", nameof(prices));
        }

        On = on;
        Currency = currency;
        _prices = map.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Gets the date the prices are for.</summary>
    public LocalDate On { get; }

    /// <summary>Gets the currency of the prices.</summary>
    public Currency Currency { get; }

    /// <summary>Gets the prices by asset symbol.</summary>
    public IReadOnlyDictionary<string, decimal> Prices => _prices;

    /// <summary>Gets the price of one unit of <paramref name="asset"/>, if given.</summary>
    /// <param name="asset">The asset symbol (any case).</param>
    /// <param name="price">The price.</param>
    /// <returns>Whether a price is given.</returns>
    public bool TryGetPrice(string asset, out decimal price) => _prices.TryGetValue(asset, out price);

    /// <summary>
    /// Revalues one holding at these prices: units x price when the units are known and a price is given in the holding's
    /// currency; otherwise the book value, and the note says why. The one place these valuation texts are written.
    /// </summary>
    /// <param name="asset">The asset symbol.</param>
    /// <param name="units">The units held (0 or less: not known).</param>
    /// <param name="bookValue">The value on the balance sheet.</param>
    /// <param name="currency">The holding's currency.</param>
    /// <param name="bookDate">The balance-sheet date.</param>
    /// <returns>The value and its note.</returns>
    /// <exception cref="OverflowException">The revalued amount exceeds what <see cref="decimal"/> holds.</exception>
    public HoldingValuation Revalue(string asset, decimal units, decimal bookValue, Currency currency, LocalDate bookDate)
    {
        ArgumentNullException.ThrowIfNull(asset);
        if (units <= 0m)
        {
            return new HoldingValuation(bookValue, false, $"{asset} kept at book value {currency.Format(bookValue)}: units not known.");
        }

        if (!TryGetPrice(asset, out decimal price))
        {
            return new HoldingValuation(bookValue, false, $"{asset} kept at book value {currency.Format(bookValue)}: no price given.");
        }

        if (Currency != currency)
        {
            return new HoldingValuation(bookValue, false, $"{asset} kept at book value {currency.Format(bookValue)}: the price is in {Currency}, the holding in {currency}.");
        }

        decimal market = units * price;
        return new HoldingValuation(market, true, string.Create(
            System.Globalization.CultureInfo.InvariantCulture,
            $"{asset} marked to market on {On:yyyy-MM-dd}: {units:#,0.########} x {price:#,0.########} = {currency.Format(market)} (book {currency.Format(bookValue)} on {bookDate:yyyy-MM-dd})."));
    }

    /// <summary>Gets the note closing a revaluation: every asset but the holdings stays at its book value of <paramref name="bookDate"/>.</summary>
    /// <param name="bookDate">The balance-sheet date.</param>
    /// <returns>The note.</returns>
    public static string OtherAssetsAtBookNote(LocalDate bookDate) => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Other assets at book value of {bookDate:yyyy-MM-dd}.");

    /// <summary>
    /// Gets the note of a kind of crypto revalued with the held coins (restricted, staked or receivable coins are the same
    /// asset): its book amount scaled by the held coins' market / book value.
    /// </summary>
    /// <param name="kind">The kind.</param>
    /// <param name="asset">The held asset.</param>
    /// <param name="marked">The revalued amount, formatted with its currency.</param>
    /// <param name="book">The book amount, formatted with its currency.</param>
    /// <returns>The note.</returns>
    public static string KindMovedWithHeldNote(HoldingKind kind, string asset, string marked, string book) =>
        $"{Classification.HoldingsTreatment.NameOf(kind)} revalued with the {asset} holding (same coins): {marked} (book {book}).";

    /// <summary>The kinds of crypto that are the same coins as the held ones and move with their price when marked to market.</summary>
    /// <param name="kind">The kind.</param>
    /// <returns><see langword="true"/> for restricted, staked and receivable crypto.</returns>
    public static bool MovesWithHeld(HoldingKind kind) => kind is HoldingKind.Restricted or HoldingKind.Staked or HoldingKind.Receivable;

    /// <summary>Gets the note of a balance sheet that cannot be revalued: its digital assets exceed its total assets.</summary>
    public static string NotMarkedNote => "Not marked to market: digital assets exceed total assets on the balance sheet, so other assets cannot be kept at book value.";
}
