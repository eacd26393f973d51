using System.Collections.Immutable;
using DatRules.Internal;
using NodaTime;

namespace DatRules.Issuers;

/// <summary>
/// What is known of one issuer at one balance-sheet date: total assets, digital-asset holdings, other named line
/// items (cash, securities, revenue over stated periods, ...), and optional market data and index membership.
/// </summary>
/// <remarks>
/// <para>
/// Immutable. Values that cannot exist on a balance sheet (negative total assets, negative units
/// or fair value, negative share count or market cap) are rejected here with an
/// <see cref="ArgumentOutOfRangeException"/>. Values that can each exist but do not add up, or that
/// are missing (no total assets, zero total assets, digital assets above total assets, holdings
/// in another currency than the snapshot), are accepted: the classifier then returns
/// <see cref="Classification.DatClassification.Indeterminate"/> with the reason.
/// </para>
/// </remarks>
public sealed class IssuerSnapshot
{
    private readonly DigitalAssetHolding[] _holdings;
    private readonly decimal? _sharesOutstanding;
    private readonly decimal? _marketCap;
    private readonly ImmutableArray<LineItemValue> _lineItems = [];

    /// <summary>Initializes a snapshot.</summary>
    /// <param name="issuer">The issuer.</param>
    /// <param name="asOf">The balance-sheet date.</param>
    /// <param name="totalAssets">Total assets, or <see langword="null"/> if not reported.</param>
    /// <param name="holdings">The digital-asset holdings (may be empty).</param>
    /// <param name="currency">The currency of all amounts; USD if omitted.</param>
    /// <exception cref="ArgumentNullException"><paramref name="issuer"/> or <paramref name="holdings"/> is null, or a holding is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="totalAssets"/> is negative, or the holdings' fair values add up to more than a <see cref="decimal"/> holds.</exception>
    public IssuerSnapshot(IssuerId issuer, LocalDate asOf, decimal? totalAssets, IEnumerable<DigitalAssetHolding> holdings, Currency currency = default)
    {
        ArgumentNullException.ThrowIfNull(issuer);
        ArgumentNullException.ThrowIfNull(holdings);
        Issuer = issuer;
        AsOf = asOf;
        TotalAssets = totalAssets is { } t ? Guard.NotNegative(t, nameof(totalAssets)) : null;
        _holdings = holdings.ToArray();
        Holdings = ReadOnly.Wrap(_holdings);
        DigitalAssets = Guard.Sum(_holdings.Select(h => h.FairValue), "The holdings' fair values add up to more than a decimal holds (about 7.9e28).", nameof(holdings));
        if (Array.IndexOf(_holdings, null) >= 0)
        {
            throw new ArgumentNullException(nameof(holdings), "A holding must not be null.");
        }

        Currency = currency;
    }

    /// <summary>Gets the issuer.</summary>
    public IssuerId Issuer { get; }

    /// <summary>Gets the balance-sheet date.</summary>
    public LocalDate AsOf { get; }

    /// <summary>Gets total assets in <see cref="Currency"/>, or <see langword="null"/> if not reported.</summary>
    public decimal? TotalAssets { get; }

    /// <summary>Gets the currency of the snapshot's amounts.</summary>
    public Currency Currency { get; }

    /// <summary>Gets the digital-asset holdings.</summary>
    public IReadOnlyList<DigitalAssetHolding> Holdings { get; }

    /// <summary>Gets the sum of the holdings' fair values (whatever their currency; see <see cref="HasCurrencyMix"/>).</summary>
    public decimal DigitalAssets { get; }

    /// <summary>
    /// Gets or initializes the crypto of other kinds than held directly (restricted, staked, receivable, ETPs,
    /// stablecoins, customers'): each part of total assets and on top of <see cref="DigitalAssets"/>; all zero when the
    /// balance sheet splits out none. Which kinds count is a policy's choice (<see cref="Classification.HoldingsTreatment"/>).
    /// </summary>
    /// <exception cref="ArgumentNullException">The value is null.</exception>
    public HoldingKindAmounts HoldingKinds { get; init => field = value ?? throw new ArgumentNullException(nameof(HoldingKinds)); } = HoldingKindAmounts.None;

    /// <summary>Gets the amount of one kind of crypto: <see cref="DigitalAssets"/> for <see cref="HoldingKind.Held"/>.</summary>
    /// <param name="kind">The kind.</param>
    /// <returns>The amount in <see cref="Currency"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="kind"/> is undefined.</exception>
    public decimal AmountOf(HoldingKind kind) => kind == HoldingKind.Held ? DigitalAssets : HoldingKinds.AmountOf(kind);

    /// <summary>Gets the sum of the kinds a treatment counts (the numerator of its ratio).</summary>
    /// <param name="treatment">The treatment.</param>
    /// <returns>The sum in <see cref="Currency"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="treatment"/> is null.</exception>
    /// <exception cref="OverflowException">The sum exceeds what a <see cref="decimal"/> holds.</exception>
    public decimal CountedHoldings(Classification.HoldingsTreatment treatment)
    {
        ArgumentNullException.ThrowIfNull(treatment);
        decimal sum = 0m;
        foreach (var kind in Classification.HoldingsTreatment.Kinds)
        {
            if (treatment.Counts(kind))
            {
                sum += AmountOf(kind);
            }
        }

        return sum;
    }

    /// <summary>
    /// Gets the counted holdings / total assets under a treatment as a fraction of 1, or <see langword="null"/> when it is
    /// not meaningful (as <see cref="DigitalAssetRatio"/>).
    /// </summary>
    /// <param name="treatment">The treatment.</param>
    /// <returns>The ratio, or <see langword="null"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="treatment"/> is null.</exception>
    public decimal? HoldingsRatio(Classification.HoldingsTreatment treatment) =>
        TotalAssets is { } t && t > 0m && !HasCurrencyMix && CountedHoldings(treatment) is var d && d <= t ? d / t : null;

    /// <summary>Gets a value indicating whether any holding is valued in another currency than <see cref="Currency"/>.</summary>
    public bool HasCurrencyMix => _holdings.Any(h => h.Currency != Currency);

    /// <summary>
    /// Gets digital assets (crypto held directly) / total assets as a fraction of 1, or <see langword="null"/> when it is not
    /// meaningful: total assets missing or zero, digital assets above total assets, or a currency mix.
    /// </summary>
    /// <remarks>For display. Threshold decisions use the exact test of <see cref="Classification.RatioThreshold.IsCrossedBy"/>.</remarks>
    public decimal? DigitalAssetRatio =>
        TotalAssets is { } t && t > 0m && !HasCurrencyMix && DigitalAssets is var d && d <= t ? d / t : null;

    /// <summary>Gets or initializes the number of shares outstanding, if known.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative.</exception>
    public decimal? SharesOutstanding
    {
        get => _sharesOutstanding;
        init => _sharesOutstanding = value is { } v ? Guard.NotNegative(v, nameof(SharesOutstanding)) : null;
    }

    /// <summary>Gets or initializes the market capitalisation in <see cref="Currency"/>, if known.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative.</exception>
    public decimal? MarketCap
    {
        get => _marketCap;
        init => _marketCap = value is { } v ? Guard.NotNegative(v, nameof(MarketCap)) : null;
    }

    /// <summary>Gets or initializes the enterprise value (market cap + debt + preferred - cash) in <see cref="Currency"/>, if known.</summary>
    public decimal? EnterpriseValue { get; init; }

    /// <summary>
    /// Gets or initializes whether the issuer is a constituent of the index a policy applies to:
    /// <see langword="null"/> when unknown. Providers act differently on constituents and non-constituents.
    /// </summary>
    public bool? IsIndexConstituent { get; init; }

    /// <summary>Gets or initializes whether the company describes itself as a digital-asset treasury company, if known.</summary>
    public bool? SelfDescribedDat { get; init; }

    /// <summary>Gets or initializes whether the company raised capital primarily to accumulate digital assets, if known.</summary>
    public bool? CapitalRaisedPrimarilyForDigitalAssets { get; init; }

    /// <summary>Gets or initializes where the figures come from (filing, release, URL).</summary>
    public string? Source { get; init; }

    /// <summary>
    /// Gets or initializes the filing the figures come from (form, accession number, filed date, concepts), if known.
    /// <see cref="PointInTime"/> uses its filed date to say what was known on a date.
    /// </summary>
    public Provenance? Provenance { get; init; }

    /// <summary>
    /// Gets or initializes the line items beyond digital and total assets: balances at <see cref="AsOf"/> (at most one
    /// per item) and flows over stated periods ending on or before <see cref="AsOf"/> (at most one per item and period),
    /// in <see cref="Currency"/>. The list given is copied.
    /// </summary>
    /// <remarks>
    /// An item that is not here is <em>missing</em>, never zero: criteria on it are
    /// <see cref="Policies.CriterionOutcome.Unknown"/> with the reason. Give a zero when the filing shows none.
    /// </remarks>
    /// <exception cref="ArgumentException">A value is null, is <see cref="LineItem.DigitalAssets"/> or
    /// <see cref="LineItem.TotalAssets"/> (given by the holdings and total assets), repeats a balance or a flow period,
    /// or is a flow whose period ends after <see cref="AsOf"/>.</exception>
    public IReadOnlyList<LineItemValue> LineItems
    {
        get => _lineItems;
        init => _lineItems = CheckLineItems(value, AsOf);
    }

    /// <summary>Gets the balance of a line item at <see cref="AsOf"/>, or <see langword="null"/> when it is not given.</summary>
    /// <param name="item">A balance item other than digital or total assets.</param>
    /// <returns>The value, or <see langword="null"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="item"/> is null.</exception>
    public LineItemValue? BalanceOf(LineItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        foreach (var v in _lineItems)
        {
            if (v.Item == item && v.Period is null)
            {
                return v;
            }
        }

        return null;
    }

    /// <summary>Gets the reported values of a flow item, latest period end first.</summary>
    /// <param name="item">A flow item.</param>
    /// <returns>The values (possibly none).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="item"/> is null.</exception>
    public IReadOnlyList<LineItemValue> FlowsOf(LineItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return _lineItems.Where(v => v.Item == item && v.Period is not null).OrderByDescending(v => v.Period!.End).ThenBy(v => v.Period!.Start).ToArray();
    }

    /// <summary>Returns a copy of this snapshot with more line items (every other property kept).</summary>
    /// <param name="items">The values to add.</param>
    /// <returns>The new snapshot.</returns>
    /// <exception cref="ArgumentException">See <see cref="LineItems"/>.</exception>
    public IssuerSnapshot WithLineItems(params IEnumerable<LineItemValue> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        return Copy(TotalAssets, _holdings, [.. _lineItems, .. items], MarkedToMarketOn, ValuationNotes);
    }

    /// <summary>This snapshot with other amounts, holdings, line items or valuation; every other property kept.</summary>
    private IssuerSnapshot Copy(decimal? totalAssets, IEnumerable<DigitalAssetHolding> holdings, IReadOnlyList<LineItemValue> lineItems, LocalDate? markedOn, IReadOnlyList<string> valuationNotes, HoldingKindAmounts? kinds = null) =>
        new(Issuer, AsOf, totalAssets, holdings, Currency)
        {
            SharesOutstanding = SharesOutstanding,
            MarketCap = MarketCap,
            EnterpriseValue = EnterpriseValue,
            IsIndexConstituent = IsIndexConstituent,
            SelfDescribedDat = SelfDescribedDat,
            CapitalRaisedPrimarilyForDigitalAssets = CapitalRaisedPrimarilyForDigitalAssets,
            Source = Source,
            Provenance = Provenance,
            EstimatedFields = EstimatedFields,
            LineItems = lineItems,
            HoldingKinds = kinds ?? HoldingKinds,
            MarkedToMarketOn = markedOn,
            ValuationNotes = valuationNotes,
        };

    /// <summary>This snapshot carried to another day (a nowcast): other amounts and holdings, valued on <paramref name="on"/>, with its notes and estimated fields.</summary>
    internal IssuerSnapshot AsEstimate(decimal totalAssets, IEnumerable<DigitalAssetHolding> holdings, LocalDate on, IReadOnlyList<string> notes, IReadOnlyList<string> estimatedFields) =>
        new(Issuer, AsOf, totalAssets, holdings, Currency)
        {
            SharesOutstanding = SharesOutstanding,
            MarketCap = MarketCap,
            EnterpriseValue = EnterpriseValue,
            IsIndexConstituent = IsIndexConstituent,
            SelfDescribedDat = SelfDescribedDat,
            CapitalRaisedPrimarilyForDigitalAssets = CapitalRaisedPrimarilyForDigitalAssets,
            Source = Source,
            Provenance = Provenance,
            EstimatedFields = estimatedFields,
            LineItems = _lineItems,
            MarkedToMarketOn = on,
            ValuationNotes = notes,
        };

    /// <summary>
    /// Gets the date the holdings were marked to market (<see cref="MarkToMarket"/>), or null for balance-sheet values.
    /// </summary>
    public LocalDate? MarkedToMarketOn { get; private init; }

    /// <summary>Gets how the holdings were revalued by <see cref="MarkToMarket"/> (one line per holding), empty otherwise.</summary>
    public IReadOnlyList<string> ValuationNotes { get; private init => field = ReadOnly.Copy(value); } = [];

    /// <summary>
    /// Returns this balance sheet with its holdings revalued at market prices: each holding with known units and a price
    /// (in the holding's currency) becomes units x price; total assets move by the same difference, so every other asset
    /// stays at its book value of <see cref="AsOf"/>. Holdings without units or price keep their book value, and say so.
    /// </summary>
    /// <param name="prices">The prices and their date.</param>
    /// <returns>The revalued snapshot (<see cref="MarkedToMarketOn"/> set, reasons in <see cref="ValuationNotes"/>).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="prices"/> is null.</exception>
    /// <exception cref="OverflowException">A revalued amount exceeds what <see cref="decimal"/> holds.</exception>
    public IssuerSnapshot MarkToMarket(MarketPrices prices)
    {
        ArgumentNullException.ThrowIfNull(prices);
        var notes = new List<string>();
        var holdings = new List<DigitalAssetHolding>(_holdings.Length);
        decimal delta = 0m;
        foreach (var h in _holdings)
        {
            var valuation = prices.Revalue(h.Asset, h.Units, h.FairValue, h.Currency, AsOf);
            notes.Add(valuation.Note);
            if (valuation.Revalued)
            {
                delta += valuation.Value - h.FairValue;
                holdings.Add(new DigitalAssetHolding(h.Asset, h.Units, valuation.Value, h.Currency));
            }
            else
            {
                holdings.Add(h);
            }
        }

        // Restricted, staked and receivable coins are the same coins as the one holding: they move with its price.
        var kinds = HoldingKinds;
        if (_holdings.Length == 1 && holdings[0] is var marked && !ReferenceEquals(marked, _holdings[0]) && _holdings[0].FairValue > 0m)
        {
            foreach (var kind in Classification.HoldingsTreatment.Kinds)
            {
                if (kind != HoldingKind.Held && MarketPrices.MovesWithHeld(kind) && kinds.AmountOf(kind) is var book && book != 0m)
                {
                    decimal value = book * marked.FairValue / _holdings[0].FairValue;
                    delta += value - book;
                    kinds = kinds.With(kind, value);
                    notes.Add(MarketPrices.KindMovedWithHeldNote(kind, marked.Asset, Currency.Format(value), Currency.Format(book)));
                }
            }
        }

        decimal? total = TotalAssets is { } t ? t + delta : null;
        if (total < 0m)
        {
            notes.Clear();
            notes.Add(MarketPrices.NotMarkedNote);
            holdings = [.. _holdings];
            total = TotalAssets;
            kinds = HoldingKinds;
        }
        else
        {
            notes.Add(MarketPrices.OtherAssetsAtBookNote(AsOf));
        }

        return Copy(total, holdings, _lineItems, prices.On, [.. notes], kinds);
    }

    /// <summary>Gets or initializes the names of fields that are estimates rather than figures read from a filing.</summary>
    public IReadOnlyList<string> EstimatedFields { get; init => field = ReadOnly.Copy(value); } = [];

    /// <summary>Gets a value indicating whether any of the figures is an estimate.</summary>
    public bool IsEstimate => EstimatedFields.Count > 0;

    /// <inheritdoc />
    public override string ToString() => $"{Issuer} @ {AsOf:yyyy-MM-dd}";

    private static ImmutableArray<LineItemValue> CheckLineItems(IEnumerable<LineItemValue>? values, LocalDate asOf)
    {
        if (values is null)
        {
            return [];
        }

        var items = values.ToImmutableArray();
        var seen = new HashSet<(LineItem, DateInterval?)>();
        foreach (var v in items)
        {
            if (v is null)
            {
                throw new ArgumentException("A line item value must not be null.", nameof(values));
            }

            if (v.Item.IsIntrinsic)
            {
                throw new ArgumentException($"'{v.Item}' is given by the snapshot's {(v.Item == LineItem.TotalAssets ? "total assets" : "holdings")}, not as a line item.", nameof(values));
            }

            if (v.Period is { } p && p.End > asOf)
            {
                throw new ArgumentException($"{v} ends after the balance-sheet date {asOf:yyyy-MM-dd}.", nameof(values));
            }

            if (!seen.Add((v.Item, v.Period)))
            {
                throw new ArgumentException(v.Period is null ? $"'{v.Item}' is given twice." : $"'{v.Item}' is given twice for {v.Period.Start:yyyy-MM-dd}..{v.Period.End:yyyy-MM-dd}.", nameof(values));
            }
        }

        return items;
    }
}
