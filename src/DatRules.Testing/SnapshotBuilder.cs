using DatRules.Issuers;

namespace DatRules.Testing;

/// <summary>
/// Builds <see cref="IssuerSnapshot"/>s with realistic defaults (ticker <c>TEST</c>, balance sheet of 30 Sep 2025,
/// total assets USD 1B, no digital assets) so a test states only what matters to it.
/// </summary>
public sealed class SnapshotBuilder
{
    private readonly List<DigitalAssetHolding> _holdings = [];
    private readonly List<LineItemValue> _lineItems = [];
    private string _ticker = "TEST";
    private string? _name;
    private LocalDate _asOf = new(2025, 9, 30);
    private decimal? _total = 1_000_000_000m;
    private bool? _constituent;
    private bool? _selfDescribed;
    private bool? _capitalRaised;

    /// <summary>Starts a builder for a ticker.</summary>
    /// <param name="ticker">The ticker.</param>
    /// <returns>A builder.</returns>
    public static SnapshotBuilder For(string ticker) => new SnapshotBuilder().Ticker(ticker);

    /// <summary>Sets the ticker.</summary>
    /// <param name="ticker">The ticker.</param>
    /// <returns>This builder.</returns>
    public SnapshotBuilder Ticker(string ticker)
    {
        _ticker = ticker;
        return this;
    }

    /// <summary>Sets the company name.</summary>
    /// <param name="name">The name.</param>
    /// <returns>This builder.</returns>
    public SnapshotBuilder Named(string name)
    {
        _name = name;
        return this;
    }

    /// <summary>Sets the balance-sheet date.</summary>
    /// <param name="asOf">The date.</param>
    /// <returns>This builder.</returns>
    public SnapshotBuilder AsOf(LocalDate asOf)
    {
        _asOf = asOf;
        return this;
    }

    /// <summary>Sets total assets (<see langword="null"/>: not reported).</summary>
    /// <param name="total">Total assets in USD.</param>
    /// <returns>This builder.</returns>
    public SnapshotBuilder TotalAssets(decimal? total)
    {
        _total = total;
        return this;
    }

    /// <summary>Adds a holding.</summary>
    /// <param name="asset">The asset symbol.</param>
    /// <param name="units">Units held.</param>
    /// <param name="fairValue">Fair value in USD.</param>
    /// <returns>This builder.</returns>
    public SnapshotBuilder Holding(string asset, decimal units, decimal fairValue)
    {
        _holdings.Add(new DigitalAssetHolding(asset, units, fairValue));
        return this;
    }

    /// <summary>Replaces the holdings with one BTC holding worth exactly <paramref name="ratio"/> x total assets.</summary>
    /// <param name="ratio">Digital assets / total assets, e.g. 0.5m for exactly 50%.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="InvalidOperationException">Total assets are not set.</exception>
    public SnapshotBuilder WithRatio(decimal ratio)
    {
        decimal total = _total ?? throw new InvalidOperationException("Set TotalAssets before WithRatio: the ratio is of total assets.");
        _holdings.Clear();
        _holdings.Add(new DigitalAssetHolding("BTC", 1m, ratio * total));
        return this;
    }

    /// <summary>Sets index constituency.</summary>
    /// <param name="isConstituent">Whether the issuer is a constituent; <see langword="null"/> for unknown.</param>
    /// <returns>This builder.</returns>
    public SnapshotBuilder Constituent(bool? isConstituent = true)
    {
        _constituent = isConstituent;
        return this;
    }

    /// <summary>Sets the disclosure flags.</summary>
    /// <param name="selfDescribedDat">Calls itself a DAT company.</param>
    /// <param name="capitalRaisedForDigitalAssets">Raised capital mainly to buy digital assets.</param>
    /// <returns>This builder.</returns>
    public SnapshotBuilder Disclosures(bool? selfDescribedDat, bool? capitalRaisedForDigitalAssets = null)
    {
        _selfDescribed = selfDescribedDat;
        _capitalRaised = capitalRaisedForDigitalAssets;
        return this;
    }

    /// <summary>Sets a balance line item at the balance-sheet date (cash, marketable securities, ...).</summary>
    /// <param name="item">A balance item other than digital or total assets.</param>
    /// <param name="amount">The amount in USD, &gt;= 0.</param>
    /// <returns>This builder.</returns>
    public SnapshotBuilder LineItem(LineItem item, decimal amount)
    {
        _lineItems.RemoveAll(v => v.Item == item && v.Period is null);
        _lineItems.Add(new LineItemValue(item, amount));
        return this;
    }

    /// <summary>
    /// Sets a flow item for the quarters ending on the balance-sheet date, latest first: <c>Quarters(LineItem.Revenue, q3, q2, q1, q4)</c>
    /// gives the quarter ending on the as-of date, then the one before, and so on. Set <see cref="AsOf"/> first.
    /// </summary>
    /// <param name="item">A flow item (revenue, operating income).</param>
    /// <param name="latestFirst">The amounts, latest quarter first.</param>
    /// <returns>This builder.</returns>
    public SnapshotBuilder Quarters(LineItem item, params decimal[] latestFirst)
    {
        ArgumentNullException.ThrowIfNull(latestFirst);
        var end = _asOf;
        foreach (decimal amount in latestFirst)
        {
            var quarter = LineItemValue.ForQuarter(item, amount, end);
            _lineItems.RemoveAll(v => v.Item == item && v.Period == quarter.Period);
            _lineItems.Add(quarter);
            end = quarter.Period!.Start.PlusDays(-1);
        }

        return this;
    }

    /// <summary>Builds the snapshot.</summary>
    /// <returns>The snapshot.</returns>
    public IssuerSnapshot Build() => new(new IssuerId(_ticker, _name), _asOf, _total, _holdings)
    {
        IsIndexConstituent = _constituent,
        SelfDescribedDat = _selfDescribed,
        CapitalRaisedPrimarilyForDigitalAssets = _capitalRaised,
        LineItems = _lineItems,
    };
}
