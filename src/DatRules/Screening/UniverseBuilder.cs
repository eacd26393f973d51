using System.Runtime.CompilerServices;
using DatRules.Internal;
using DatRules.Issuers;

namespace DatRules.Screening;

/// <summary>Builds a <see cref="Universe"/> row by row (from snapshots or raw columns, e.g. while streaming a CSV).</summary>
public sealed class UniverseBuilder
{
    private readonly long _factor;
    private readonly long _limit;
    private LocalDate _lastDate;
    private int _lastDay = -1;

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
        TickerUtf8 = new((int)Math.Min(Array.MaxLength, capacity * 8L)); // ~8 bytes a ticker; grows if longer
        TickerEnds = new(capacity);
        AsOfDays = new(capacity);
        Digital = new(capacity);
        Total = new(capacity);
        Invalid = new(capacity);
        Constituent = new(capacity);
        SelfDescribed = new(capacity);
        CapitalRaised = new(capacity);
    }

    /// <summary>Gets the number of rows added.</summary>
    public int Count => AsOfDays.Count;

    internal int Scale { get; }

    /// <summary>The tickers as UTF-8, one after another; row i ends at <see cref="TickerEnds"/>[i].</summary>
    internal ColumnBuffer<byte> TickerUtf8 { get; }

    internal ColumnBuffer<int> TickerEnds { get; }

    internal ColumnBuffer<int> AsOfDays { get; }

    internal ColumnBuffer<long> Digital { get; }

    internal ColumnBuffer<long> Total { get; }

    internal ColumnBuffer<byte> Invalid { get; }

    internal ColumnBuffer<byte> Constituent { get; }

    internal ColumnBuffer<byte> SelfDescribed { get; }

    internal ColumnBuffer<byte> CapitalRaised { get; }

    internal Dictionary<int, IssuerSnapshot> Fallback { get; } = [];

    /// <summary>The snapshots added with <see cref="Add(IssuerSnapshot)"/>, by row (null for rows added from raw values), so
    /// custom criteria and explanations see every field; null when no snapshot was added.</summary>
    internal List<IssuerSnapshot?>? Sources { get; private set; }

    /// <summary>Where the snapshots of an adopted universe come from (a frame's rows), or null.</summary>
    internal Func<int, IssuerSnapshot>? SourceOf { get; private set; }

    /// <summary>Rows whose snapshot carries line items (beyond digital and total assets), all representable at the scale.</summary>
    internal Dictionary<int, IssuerSnapshot> LineItemRows { get; } = [];

    // Amounts of the other kinds of crypto (index = HoldingKind; 0 unused): sparse while adding, or adopted columns.
    private readonly List<(int Row, long Units)>?[] _kinds = new List<(int Row, long Units)>?[7];
    private long[]?[]? _adoptedKinds;

    internal long[]?[] BuildKindColumns()
    {
        if (_adoptedKinds is not null)
        {
            return _adoptedKinds;
        }

        var columns = new long[]?[_kinds.Length];
        for (int k = 1; k < _kinds.Length; k++)
        {
            if (_kinds[k] is { Count: > 0 } entries)
            {
                var column = new long[Count];
                foreach (var (row, units) in entries)
                {
                    column[row] = units;
                }

                columns[k] = column;
            }
        }

        return columns;
    }

    /// <summary>Adds a domain snapshot.</summary>
    /// <param name="snapshot">The snapshot.</param>
    /// <returns>This builder.</returns>
    public UniverseBuilder Add(IssuerSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        decimal digital = snapshot.DigitalAssets;
        bool invalid = snapshot.DigitalAssetRatio is null;

        // Line items are read into columns on first use (Universe.TermColumn); amounts the integer columns cannot
        // carry exactly send the whole row to the domain path, as digital and total assets do.
        bool lineItemsFit = true;
        foreach (var v in snapshot.LineItems)
        {
            lineItemsFit &= TryScaleSigned(v.Amount);
        }

        if (snapshot.LineItems.Count > 0 && lineItemsFit)
        {
            LineItemRows[Count] = snapshot;
        }

        Sources ??= [];
        while (Sources.Count < Count)
        {
            Sources.Add(null);
        }

        Sources.Add(snapshot);

        // Other kinds of crypto: scaled to the integer columns, or the whole row goes to the domain path.
        bool kindsFit = true;
        Span<long> kindUnits = stackalloc long[7];
        if (!snapshot.HoldingKinds.IsEmpty)
        {
            for (int k = 1; k < kindUnits.Length; k++)
            {
                kindsFit &= TryScale(snapshot.HoldingKinds.AmountOf((HoldingKind)k), out kindUnits[k]);
            }
        }

        int row = Count;

        // A currency mix cannot be carried by the USD columns: such rows keep their snapshot (domain path).
        AddRow(snapshot.Issuer.Ticker, snapshot.AsOf, digital, snapshot.TotalAssets, invalid, snapshot.IsIndexConstituent, snapshot.SelfDescribedDat, snapshot.CapitalRaisedPrimarilyForDigitalAssets, () => snapshot, snapshot.HasCurrencyMix || !lineItemsFit || !kindsFit);
        if (!Fallback.ContainsKey(row))
        {
            for (int k = 1; k < kindUnits.Length; k++)
            {
                if (kindUnits[k] != 0)
                {
                    (_kinds[k] ??= []).Add((row, kindUnits[k]));
                }
            }
        }

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

    /// <summary>
    /// Adds a row whose amounts are already scaled integers in units of 10^-<c>scale</c> USD (cents by default), as a
    /// columnar reader that parses amounts straight to integers produces them; no <see langword="decimal"/> per row.
    /// </summary>
    /// <param name="ticker">The ticker.</param>
    /// <param name="asOf">The balance-sheet date.</param>
    /// <param name="digitalUnits">Digital assets in units of 10^-scale USD, &gt;= 0.</param>
    /// <param name="totalUnits">Total assets in units of 10^-scale USD, &gt;= 0, or <see langword="null"/> if not reported.</param>
    /// <param name="isIndexConstituent">Constituency, if known.</param>
    /// <param name="selfDescribedDat">Whether the company calls itself a DAT, if known.</param>
    /// <param name="capitalRaisedForDigitalAssets">Whether it raised capital mainly for digital assets, if known.</param>
    /// <returns>This builder.</returns>
    /// <remarks>
    /// Same result as <see cref="Add(string, LocalDate, decimal, decimal?, bool?, bool?, bool?)"/> with the amounts
    /// divided by 10^scale: amounts of 2^53 units or more keep a domain snapshot and are screened exactly by the domain path.
    /// </remarks>
    /// <exception cref="ArgumentOutOfRangeException">An amount is negative.</exception>
    public UniverseBuilder AddScaled(string ticker, LocalDate asOf, long digitalUnits, long? totalUnits, bool? isIndexConstituent = null, bool? selfDescribedDat = null, bool? capitalRaisedForDigitalAssets = null)
    {
        Guard.NotBlank(ticker);
        if (!CheckScaled(digitalUnits, totalUnits))
        {
            return AddUnscaled(ticker, asOf, digitalUnits, totalUnits, isIndexConstituent, selfDescribedDat, capitalRaisedForDigitalAssets);
        }

        AddTicker(ticker);
        AddColumns(asOf, digitalUnits, totalUnits, isIndexConstituent, selfDescribedDat, capitalRaisedForDigitalAssets);
        return this;
    }

    /// <summary>
    /// Adds a row whose ticker is UTF-8 bytes (as read from a file) and whose amounts are scaled integers; see
    /// <see cref="AddScaled(string, LocalDate, long, long?, bool?, bool?, bool?)"/>. No string is made for the ticker.
    /// </summary>
    /// <param name="tickerUtf8">The ticker as UTF-8.</param>
    /// <param name="asOf">The balance-sheet date.</param>
    /// <param name="digitalUnits">Digital assets in units of 10^-scale USD, &gt;= 0.</param>
    /// <param name="totalUnits">Total assets in units of 10^-scale USD, &gt;= 0, or <see langword="null"/> if not reported.</param>
    /// <param name="isIndexConstituent">Constituency, if known.</param>
    /// <param name="selfDescribedDat">Whether the company calls itself a DAT, if known.</param>
    /// <param name="capitalRaisedForDigitalAssets">Whether it raised capital mainly for digital assets, if known.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentException">The ticker is empty, white space or not valid UTF-8.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An amount is negative.</exception>
    public UniverseBuilder AddScaledUtf8(ReadOnlySpan<byte> tickerUtf8, LocalDate asOf, long digitalUnits, long? totalUnits, bool? isIndexConstituent = null, bool? selfDescribedDat = null, bool? capitalRaisedForDigitalAssets = null)
    {
        if (!IsPlainAsciiTicker(tickerUtf8))
        {
            if (!System.Text.Unicode.Utf8.IsValid(tickerUtf8))
            {
                throw new ArgumentException("Value must be valid UTF-8.", nameof(tickerUtf8));
            }

            Guard.NotBlank(System.Text.Encoding.UTF8.GetString(tickerUtf8), nameof(tickerUtf8));
        }

        if (!CheckScaled(digitalUnits, totalUnits))
        {
            return AddUnscaled(System.Text.Encoding.UTF8.GetString(tickerUtf8), asOf, digitalUnits, totalUnits, isIndexConstituent, selfDescribedDat, capitalRaisedForDigitalAssets);
        }

        TickerUtf8.AddRange(tickerUtf8);
        TickerEnds.Add(TickerUtf8.Count);
        AddColumns(asOf, digitalUnits, totalUnits, isIndexConstituent, selfDescribedDat, capitalRaisedForDigitalAssets);
        return this;
    }

    /// <summary>Builds the immutable universe.</summary>
    /// <returns>The universe.</returns>
    public Universe Build() => new(this);

    /// <summary>
    /// Builds a universe on columns filled elsewhere (the CLI's CSV reader), without copying them: every array is taken
    /// over as is, so each must be exactly <paramref name="count"/> long (<paramref name="tickerUtf8"/> at least the bytes).
    /// </summary>
    /// <param name="count">The number of rows.</param>
    /// <param name="tickerUtf8">Valid, non-blank UTF-8 tickers back to back.</param>
    /// <param name="tickerEnds">Where each ticker ends in <paramref name="tickerUtf8"/>.</param>
    /// <param name="asOfDays">As-of dates as <see cref="DateOnly.DayNumber"/>.</param>
    /// <param name="digital">Digital assets in cents (0 &lt;= value &lt; 2^53), 0 on fallback rows.</param>
    /// <param name="total">Total assets in cents (below 2^53), -1 when not reported, 1 on fallback rows.</param>
    /// <param name="constituent">Flags: 0 unknown, 1 yes, 2 no.</param>
    /// <param name="selfDescribed">Flags: 0 unknown, 1 yes, 2 no.</param>
    /// <param name="capitalRaised">Flags: 0 unknown, 1 yes, 2 no.</param>
    /// <param name="lineItemRows">Snapshots of the rows with line items, for the criteria that read them.</param>
    /// <param name="snapshotOf">Builds the full snapshot of a row on demand (custom criteria, explanations), or null.</param>
    /// <param name="kinds">The amounts of the other kinds of crypto, by <see cref="HoldingKind"/> (index 0 unused; null where none), or null.</param>
    /// <param name="fallback">The snapshots of rows whose amounts are not whole cents below 2^53 (screened by the domain).</param>
    /// <returns>The universe (scale 2).</returns>
    internal static Universe Adopt(int count, byte[] tickerUtf8, int[] tickerEnds, int[] asOfDays, long[] digital, long[] total, byte[] constituent, byte[] selfDescribed, byte[] capitalRaised, IReadOnlyDictionary<int, IssuerSnapshot> fallback, IReadOnlyDictionary<int, IssuerSnapshot>? lineItemRows = null, Func<int, IssuerSnapshot>? snapshotOf = null, long[]?[]? kinds = null)
    {
        var b = new UniverseBuilder { SourceOf = snapshotOf, _adoptedKinds = kinds ?? new long[]?[7] };
        var invalid = new byte[count];
        for (int i = 0; i < count; i++)
        {
            long t = total[i];
            invalid[i] = t <= 0 || digital[i] > t ? (byte)1 : (byte)0;
        }

        foreach (var (row, snapshot) in fallback)
        {
            invalid[row] = snapshot.DigitalAssetRatio is null ? (byte)1 : (byte)0;
            b.Fallback[row] = snapshot;
        }

        foreach (var (row, snapshot) in lineItemRows ?? new Dictionary<int, IssuerSnapshot>())
        {
            b.LineItemRows[row] = snapshot;
        }

        // The reader's text buffer as it is: its unused end is never read (tickers end at TickerEnds), and copying the
        // used bytes into a new array of their exact size costs fresh pages (docs/benchmarks.md).
        b.TickerUtf8.Adopt(tickerUtf8, count == 0 ? 0 : tickerEnds[count - 1], shareLonger: true);
        b.TickerEnds.Adopt(tickerEnds, count);
        b.AsOfDays.Adopt(asOfDays, count);
        b.Digital.Adopt(digital, count);
        b.Total.Adopt(total, count);
        b.Invalid.Adopt(invalid, count);
        b.Constituent.Adopt(constituent, count);
        b.SelfDescribed.Adopt(selfDescribed, count);
        b.CapitalRaised.Adopt(capitalRaised, count);
        return b.Build();
    }

    /// <summary>The day number of a date; large files repeat a few balance-sheet dates, so the last one is remembered.</summary>
    private int DayNumber(LocalDate date)
    {
        if (date != _lastDate || _lastDay < 0)
        {
            _lastDay = date.ToDateOnly().DayNumber;
            _lastDate = date;
        }

        return _lastDay;
    }

    /// <summary>Printable ASCII with something other than a space: valid and not blank, checked without decoding.</summary>
    private static bool IsPlainAsciiTicker(ReadOnlySpan<byte> ticker)
    {
        bool visible = false;
        foreach (byte b in ticker)
        {
            if (b is < 0x20 or > 0x7E)
            {
                return false;
            }

            visible |= b != (byte)' ';
        }

        return visible;
    }

    /// <summary>Checks the scaled amounts; returns <see langword="false"/> when they are too large for the integer columns.</summary>
    private bool CheckScaled(long digitalUnits, long? totalUnits)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(digitalUnits);
        if (totalUnits is { } tu)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(tu, nameof(totalUnits));
        }

        return digitalUnits < _limit && (totalUnits ?? 0) < _limit;
    }

    /// <summary>Amounts of 2^53 units or more: the row keeps a domain snapshot (exact decimal path).</summary>
    private UniverseBuilder AddUnscaled(string ticker, LocalDate asOf, long digitalUnits, long? totalUnits, bool? isIndexConstituent, bool? selfDescribedDat, bool? capitalRaisedForDigitalAssets)
    {
        decimal unit = Universe.UnitOf(Scale);
        return Add(ticker, asOf, digitalUnits * unit, totalUnits * unit, isIndexConstituent, selfDescribedDat, capitalRaisedForDigitalAssets);
    }

    private void AddTicker(string ticker)
    {
        int max = System.Text.Encoding.UTF8.GetMaxByteCount(ticker.Length);
        Span<byte> buffer = max <= 256 ? stackalloc byte[max] : new byte[max];
        int n = System.Text.Encoding.UTF8.GetBytes(ticker, buffer);
        TickerUtf8.AddRange(buffer[..n]);
        TickerEnds.Add(TickerUtf8.Count);
    }

    private void AddColumns(LocalDate asOf, long digitalUnits, long? totalUnits, bool? isIndexConstituent, bool? selfDescribedDat, bool? capitalRaisedForDigitalAssets)
    {
        bool invalid = totalUnits is not { } t || t == 0 || digitalUnits > t;
        AsOfDays.Add(DayNumber(asOf));
        Digital.Add(digitalUnits);
        Total.Add(totalUnits ?? -1);
        Invalid.Add(invalid ? (byte)1 : (byte)0);
        Constituent.Add(Flag(isIndexConstituent));
        SelfDescribed.Add(Flag(selfDescribedDat));
        CapitalRaised.Add(Flag(capitalRaisedForDigitalAssets));
    }

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
            LineItemRows.Remove(Count);
            Fallback[Count] = snapshot();
            d = 0;
            t = 1;
        }

        AddTicker(ticker);
        AsOfDays.Add(DayNumber(asOf));
        Digital.Add(d);
        Total.Add(t);
        Invalid.Add(invalid ? (byte)1 : (byte)0);
        Constituent.Add(Flag(constituent));
        SelfDescribed.Add(Flag(selfDescribed));
        CapitalRaised.Add(Flag(capital));
    }

    /// <summary>Whether a line item amount (a flow may be negative) is a whole number of units below 2^53 in magnitude.</summary>
    private bool TryScaleSigned(decimal value) => TryScale(Math.Abs(value), out _);

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
