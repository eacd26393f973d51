using DatRules.Internal;
using DatRules.Issuers;

namespace DatRules.Screening;

/// <summary>Builds a <see cref="Universe"/> row by row (from snapshots or raw columns, e.g. while streaming a CSV).</summary>
public sealed class UniverseBuilder
{
    private readonly long _factor;
    private readonly long _limit;

    /// <summary>Initializes a builder.</summary>
    /// <param name="scale">Decimal places of the stored amounts (0-6); the default value is 2 (cents).</param>
    /// <param name="capacity">Expected number of rows.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="scale"/> is outside 0-6.</exception>
    public UniverseBuilder(int scale = 2, int capacity = 0)
    {
        if (scale is < 0 or > 6)
        {
            throw new ArgumentOutOfRangeException(nameof(scale), scale, "Value should be in range [0-6].");
        }

        Scale = scale;
        _factor = Universe.Pow10(scale);

        // Amounts up to 2^53 units keep every 64-bit product the kernels need within range for thresholds
        // whose reduced denominator is below 2^10; larger ones use the 128-bit path (see ScreeningEngine).
        _limit = 1L << 53;
        Tickers = new(capacity);
        AsOfDays = new(capacity);
        Digital = new(capacity);
        Total = new(capacity);
        Invalid = new(capacity);
        Constituent = new(capacity);
        SelfDescribed = new(capacity);
        CapitalRaised = new(capacity);
    }

    /// <summary>Gets the number of rows added.</summary>
    public int Count => Tickers.Count;

    internal int Scale { get; }

    internal List<string> Tickers { get; }

    internal List<int> AsOfDays { get; }

    internal List<long> Digital { get; }

    internal List<long> Total { get; }

    internal List<byte> Invalid { get; }

    internal List<byte> Constituent { get; }

    internal List<byte> SelfDescribed { get; }

    internal List<byte> CapitalRaised { get; }

    internal Dictionary<int, IssuerSnapshot> Fallback { get; } = [];

    /// <summary>Adds a domain snapshot.</summary>
    /// <param name="snapshot">The snapshot.</param>
    /// <returns>This builder.</returns>
    public UniverseBuilder Add(IssuerSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        decimal digital = snapshot.DigitalAssets;
        bool invalid = snapshot.DigitalAssetRatio is null;
        // A currency mix cannot be carried by the USD columns: such rows keep their snapshot (domain path).
        AddRow(snapshot.Issuer.Ticker, snapshot.AsOf, digital, snapshot.TotalAssets, invalid, snapshot.IsIndexConstituent, snapshot.SelfDescribedDat, snapshot.CapitalRaisedPrimarilyForDigitalAssets, () => snapshot, snapshot.HasCurrencyMix);
        return this;
    }

    /// <summary>Adds a row from raw values (one currency, as in a CSV of USD amounts).</summary>
    /// <param name="ticker">The ticker.</param>
    /// <param name="asOf">The balance-sheet date.</param>
    /// <param name="digitalAssets">Digital assets, &gt;= 0.</param>
    /// <param name="totalAssets">Total assets, &gt;= 0, or <see langword="null"/> if not reported.</param>
    /// <param name="isIndexConstituent">Constituency, if known.</param>
    /// <param name="selfDescribedDat">Whether the company calls itself a DAT, if known.</param>
    /// <param name="capitalRaisedForDigitalAssets">Whether it raised capital mainly for digital assets, if known.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An amount is negative.</exception>
    public UniverseBuilder Add(string ticker, LocalDate asOf, decimal digitalAssets, decimal? totalAssets, bool? isIndexConstituent = null, bool? selfDescribedDat = null, bool? capitalRaisedForDigitalAssets = null)
    {
        Guard.NotBlank(ticker);
        Guard.NotNegative(digitalAssets);
        if (totalAssets is { } t)
        {
            Guard.NotNegative(t, nameof(totalAssets));
        }

        bool invalid = totalAssets is null || totalAssets == 0m || digitalAssets > totalAssets;
        AddRow(ticker, asOf, digitalAssets, totalAssets, invalid, isIndexConstituent, selfDescribedDat, capitalRaisedForDigitalAssets, () =>
            new IssuerSnapshot(new IssuerId(ticker), asOf, totalAssets, digitalAssets == 0m ? [] : [new DigitalAssetHolding("DIGITAL", 0m, digitalAssets)])
            {
                IsIndexConstituent = isIndexConstituent,
                SelfDescribedDat = selfDescribedDat,
                CapitalRaisedPrimarilyForDigitalAssets = capitalRaisedForDigitalAssets,
            });
        return this;
    }

    /// <summary>Builds the immutable universe.</summary>
    /// <returns>The universe.</returns>
    public Universe Build() => new(this);

    private static byte Flag(bool? b) => b switch { true => 1, false => 2, null => 0 };

    private void AddRow(string ticker, LocalDate asOf, decimal digital, decimal? total, bool invalid, bool? constituent, bool? selfDescribed, bool? capital, Func<IssuerSnapshot> snapshot, bool forceFallback = false)
    {
        bool exact = TryScale(digital, out long d) && !forceFallback;
        long t = -1;
        if (total is { } tv)
        {
            exact &= TryScale(tv, out t);
        }

        if (!exact)
        {
            Fallback[Count] = snapshot();
            d = 0;
            t = 1;
        }

        Tickers.Add(ticker);
        AsOfDays.Add(asOf.ToDateOnly().DayNumber);
        Digital.Add(d);
        Total.Add(t);
        Invalid.Add(invalid ? (byte)1 : (byte)0);
        Constituent.Add(Flag(constituent));
        SelfDescribed.Add(Flag(selfDescribed));
        CapitalRaised.Add(Flag(capital));
    }

    private bool TryScale(decimal value, out long scaled)
    {
        if (value >= _limit)
        {
            scaled = 0;
            return false;
        }

        decimal s = value * _factor;
        if (s != decimal.Truncate(s) || s >= _limit)
        {
            scaled = 0;
            return false;
        }

        scaled = (long)s;
        return true;
    }
}
