using System.Collections.Concurrent;
using DatRules.Issuers;
using DatRules.Policies;

namespace DatRules.Screening;

/// <summary>
/// An immutable, columnar (struct-of-arrays) universe of issuer snapshots for fast screening: tickers, as-of dates,
/// digital and total assets as scaled integers, validity, constituency and disclosure flags.
/// </summary>
/// <remarks>
/// <para>
/// Amounts are stored as <c>long</c> in units of 10^-<see cref="Scale"/> USD (cents by default). A row whose amounts
/// cannot be represented exactly at that scale, or whose amounts are too large, keeps its <see cref="IssuerSnapshot"/>
/// and is screened by the domain path instead, so the engine's result is always that of <see cref="Policies.IndexPolicy"/>.
/// </para>
/// <para>Build with <see cref="UniverseBuilder"/> or <see cref="From"/>. Rows keep insertion order.</para>
/// </remarks>
public sealed class Universe
{
    internal Universe(UniverseBuilder b)
    {
        Scale = b.Scale;
        Count = b.Count;
        TickerUtf8 = b.TickerUtf8.ToArray();
        TickerEnds = b.TickerEnds.ToArray();
        AsOfDays = b.AsOfDays.ToArray();
        Digital = b.Digital.ToArray();
        Total = b.Total.ToArray();
        Invalid = b.Invalid.ToArray();
        Constituent = b.Constituent.ToArray();
        SelfDescribed = b.SelfDescribed.ToArray();
        CapitalRaised = b.CapitalRaised.ToArray();
        FallbackRows = [.. b.Fallback.Keys.Order()];
        FallbackSnapshots = FallbackRows.Select(r => b.Fallback[r]).ToArray();
        LineItemRows = [.. b.LineItemRows.Keys.Order()];
        LineItemSnapshots = LineItemRows.Select(r => b.LineItemRows[r]).ToArray();
        _sources = b.Sources is { } sources ? [.. sources, .. new IssuerSnapshot?[Math.Max(0, Count - sources.Count)]] : null;
        _sourceOf = b.SourceOf;
        KindColumns = b.BuildKindColumns();
        MaxDigital = Digital.Length == 0 ? 0 : Digital.Max();
        MaxTotal = Total.Length == 0 ? 0 : Total.Max();
        _issuers = new Lazy<(int[] OfRow, string[] Tickers)>(BuildIssuers);
        _groups = new Lazy<(int[] Rows, int[] Start)>(BuildGroups);
        _ratioIndex = new Lazy<RatioIndex>(() => new RatioIndex(this));
    }

    private readonly Lazy<RatioIndex> _ratioIndex;

    // The full snapshots behind the rows, where known: those added to the builder, or a frame's rows built on demand.
    private readonly IssuerSnapshot?[]? _sources;
    private readonly Func<int, IssuerSnapshot>? _sourceOf;

    /// <summary>Gets the rows in order of exact digital-asset ratio, building the index on first use (O(N log N)).</summary>
    /// <remarks>
    /// Once built, the <see cref="ScreeningEngine"/> uses it for policies whose only criterion is a ratio threshold
    /// (unless <see cref="ScreeningOptions.UseRatioIndex"/> is off). Build it when one universe is screened many times.
    /// </remarks>
    public RatioIndex RatioIndex => _ratioIndex.Value;

    /// <summary>Gets a value indicating whether <see cref="RatioIndex"/> has been built.</summary>
    public bool HasRatioIndex => _ratioIndex.IsValueCreated;

    // Built on first use (dated screening, issuer-list criteria), not for every plain screen.
    private readonly Lazy<(int[] OfRow, string[] Tickers)> _issuers;
    private readonly Lazy<(int[] Rows, int[] Start)> _groups;

    /// <summary>Rows sorted by issuer then as-of date, and where each issuer's run starts (length IssuerCount + 1).</summary>
    internal (int[] Rows, int[] Start) Groups => _groups.Value;

    /// <summary>Gets the number of rows (snapshots).</summary>
    public int Count { get; }

    /// <summary>Gets the number of distinct issuers (tickers, case-insensitive).</summary>
    public int IssuerCount => IssuerTickers.Length;

    /// <summary>Gets the decimal scale of the stored amounts (2 = cents).</summary>
    public int Scale { get; }

    /// <summary>Gets the number of rows screened by the exact domain path because their amounts do not fit the scale.</summary>
    public int FallbackCount => FallbackRows.Length;

    /// <summary>The tickers as UTF-8, one after another (no string per row); row i ends at <see cref="TickerEnds"/>[i] (the array may be longer).</summary>
    internal byte[] TickerUtf8 { get; }

    internal int[] TickerEnds { get; }

    internal int[] AsOfDays { get; }

    internal long[] Digital { get; }

    internal long[] Total { get; }

    /// <summary>1 where the ratio is undefined (missing or zero total, digital above total, currency mix); else 0.</summary>
    internal byte[] Invalid { get; }

    /// <summary>0 unknown, 1 constituent, 2 not a constituent.</summary>
    internal byte[] Constituent { get; }

    /// <summary>0 unknown, 1 yes, 2 no.</summary>
    internal byte[] SelfDescribed { get; }

    /// <summary>0 unknown, 1 yes, 2 no.</summary>
    internal byte[] CapitalRaised { get; }

    internal int[] FallbackRows { get; }

    /// <summary>Rows whose snapshot carries line items (sorted), and those snapshots: the source of <see cref="TermColumn"/>.</summary>
    internal int[] LineItemRows { get; }

    internal IssuerSnapshot[] LineItemSnapshots { get; }

    /// <summary>Gets the number of rows that carry line items beyond digital and total assets.</summary>
    public int LineItemRowCount => LineItemRows.Length;

    internal IssuerSnapshot[] FallbackSnapshots { get; }

    private readonly ConcurrentDictionary<LineItemTerm, Lazy<TermColumn>> _terms = new();

    /// <summary>
    /// The column of a line-item term in units of 10^-scale, built on first use from the rows' snapshots with the domain's
    /// own reading (<see cref="LineItemTerm.TryRead"/>) and kept. Digital and total assets are the universe's own columns.
    /// </summary>
    internal TermColumn TermColumn(LineItemTerm term)
    {
        if (term.TrailingQuarters is null && term.Item == LineItem.DigitalAssets)
        {
            // The default treatment's counted holdings (the held column itself when no row carries other kinds).
            var counted = NumeratorFor(Classification.HoldingsTreatment.Default);
            return new TermColumn(counted.Values, Signed: false, counted.Max);
        }

        if (term.TrailingQuarters is null && term.Item == LineItem.TotalAssets)
        {
            return new TermColumn(Total, Signed: false, MaxTotal);
        }

        return _terms.GetOrAdd(term, t => new Lazy<TermColumn>(() => BuildTermColumn(t))).Value;
    }

    internal long MaxDigital { get; }

    // The amounts of each kind of crypto beyond the held one (index = HoldingKind; 0, held, is Digital), in the same
    // units as Digital; null where no row has that kind.
    internal long[]?[] KindColumns { get; }

    /// <summary>Gets a value indicating whether any row carries crypto of another kind than held (restricted, staked, ...).</summary>
    public bool HasHoldingKinds => KindColumns.Any(c => c is not null);

    private readonly ConcurrentDictionary<int, Lazy<NumeratorColumn>> _numerators = new();

    /// <summary>
    /// The numerator column of a holdings treatment: the counted kinds pre-summed per row once per treatment (cached), so
    /// the kernel stays a single ratio. Rows whose counted holdings exceed total assets are invalid, as Digital > Total is.
    /// </summary>
    internal NumeratorColumn NumeratorFor(Classification.HoldingsTreatment? treatment)
    {
        int mask = 1;
        if (treatment is not null)
        {
            mask = 0;
            for (int k = 0; k < KindColumns.Length; k++)
            {
                if (treatment.Counts((HoldingKind)k) && (k == 0 || KindColumns[k] is not null))
                {
                    mask |= 1 << k;
                }
            }
        }

        if (mask == 1)
        {
            return new NumeratorColumn(Digital, Invalid, MaxDigital, IsHeldColumn: true);
        }

        return _numerators.GetOrAdd(mask, m => new Lazy<NumeratorColumn>(() => BuildNumerator(m))).Value;
    }

    private static void AddInto(long[] sum, long[] column)
    {
        int i = 0;
        if (System.Numerics.Vector.IsHardwareAccelerated)
        {
            var s = System.Runtime.InteropServices.MemoryMarshal.Cast<long, System.Numerics.Vector<long>>(sum.AsSpan());
            var c = System.Runtime.InteropServices.MemoryMarshal.Cast<long, System.Numerics.Vector<long>>(column.AsSpan());
            for (int v = 0; v < s.Length; v++)
            {
                s[v] += c[v];
            }

            i = s.Length * System.Numerics.Vector<long>.Count;
        }

        for (; i < sum.Length; i++)
        {
            sum[i] += column[i];
        }
    }

    internal NumeratorColumn BuildNumerator(int mask)
    {
        var sum = new long[Count];
        if ((mask & 1) != 0)
        {
            Digital.AsSpan().CopyTo(sum);
        }

        for (int k = 1; k < KindColumns.Length; k++)
        {
            if ((mask & (1 << k)) != 0 && KindColumns[k] is { } column)
            {
                // Each amount is below 2^53 units and there are at most seven: the sum stays below 2^56.
                AddInto(sum, column);
            }
        }

        var invalid = new byte[Count];
        long max = 0;
        for (int i = 0; i < sum.Length; i++)
        {
            long t = Total[i], n = sum[i];
            invalid[i] = t <= 0 || n > t ? (byte)1 : (byte)0;
            max = Math.Max(max, n);
        }

        return new NumeratorColumn(sum, invalid, max, IsHeldColumn: false);
    }

    internal long MaxTotal { get; }

    internal int[] IssuerOfRow => _issuers.Value.OfRow;

    internal string[] IssuerTickers => _issuers.Value.Tickers;

    /// <summary>Creates a universe from domain snapshots.</summary>
    /// <param name="snapshots">The snapshots.</param>
    /// <param name="scale">Decimal places of the stored amounts (0-6); the default value is 2 (cents).</param>
    /// <returns>The universe.</returns>
    public static Universe From(IEnumerable<IssuerSnapshot> snapshots, int scale = 2)
    {
        ArgumentNullException.ThrowIfNull(snapshots);
        var b = new UniverseBuilder(scale);
        foreach (var s in snapshots)
        {
            b.Add(s);
        }

        return b.Build();
    }

    /// <summary>Gets the ticker of a row.</summary>
    /// <param name="row">The row index.</param>
    /// <returns>The ticker.</returns>
    /// <remarks>The universe stores tickers as UTF-8 bytes; each call makes a new string.</remarks>
    public string TickerAt(int row) => System.Text.Encoding.UTF8.GetString(TickerSpan(row));

    /// <summary>The UTF-8 bytes of a row's ticker.</summary>
    internal ReadOnlySpan<byte> TickerSpan(int row)
    {
        int start = row == 0 ? 0 : TickerEnds[row - 1];
        return TickerUtf8.AsSpan(start, TickerEnds[row] - start);
    }

    /// <summary>Gets the as-of date of a row.</summary>
    /// <param name="row">The row index.</param>
    /// <returns>The date.</returns>
    public LocalDate AsOfAt(int row) => LocalDate.FromDateOnly(DateOnly.FromDayNumber(AsOfDays[row]));

    /// <summary>
    /// Gets a row as a domain snapshot (for explanations and custom criteria; allocates): the snapshot the row was built
    /// from when there is one (<see cref="From"/>, a DatRules.Data frame), else one made of the row's columns.
    /// </summary>
    /// <param name="row">The row index.</param>
    /// <returns>The snapshot.</returns>
    public IssuerSnapshot SnapshotAt(int row)
    {
        int f = Array.BinarySearch(FallbackRows, row);
        if (f >= 0)
        {
            return FallbackSnapshots[f];
        }

        if (_sources?[row] is { } source)
        {
            return source;
        }

        if (_sourceOf is not null)
        {
            return _sourceOf(row);
        }

        int l = Array.BinarySearch(LineItemRows, row);
        if (l >= 0)
        {
            return LineItemSnapshots[l];
        }

        decimal unit = UnitOf(Scale);
        decimal? total = Invalid[row] == 1 && Total[row] < 0 ? null : Total[row] * unit;
        return new IssuerSnapshot(new IssuerId(TickerAt(row)), AsOfAt(row), total, Digital[row] == 0 ? [] : [new DigitalAssetHolding("DIGITAL", 0m, Digital[row] * unit)])
        {
            IsIndexConstituent = Flag(Constituent[row]),
            SelfDescribedDat = Flag(SelfDescribed[row]),
            CapitalRaisedPrimarilyForDigitalAssets = Flag(CapitalRaised[row]),
        };
    }

    /// <summary>
    /// Gets the digital-asset ratio of a row (fraction of 1) under <see cref="Classification.HoldingsTreatment.Default"/>
    /// (held crypto alone when no row carries other kinds), or <see langword="null"/> where undefined.
    /// </summary>
    /// <param name="row">The row index.</param>
    /// <returns>The ratio.</returns>
    public decimal? RatioAt(int row)
    {
        int f = Array.BinarySearch(FallbackRows, row);
        if (f >= 0)
        {
            return FallbackSnapshots[f].HoldingsRatio(Classification.HoldingsTreatment.Default);
        }

        var numerator = NumeratorFor(Classification.HoldingsTreatment.Default);
        return numerator.Invalid[row] == 1 ? null : (decimal)numerator.Values[row] / Total[row];
    }

    internal static decimal UnitOf(int scale) => 1m / Pow10(scale);

    internal static long Pow10(int n)
    {
        long p = 1;
        for (int i = 0; i < n; i++)
        {
            p *= 10;
        }

        return p;
    }

    private TermColumn BuildTermColumn(LineItemTerm term)
    {
        bool signed = term.Item.Kind == LineItemKind.Flow;
        long missing = signed ? long.MinValue : -1;
        var values = new long[Count];
        Array.Fill(values, missing);
        long factor = Pow10(Scale), max = 0;
        for (int k = 0; k < LineItemRows.Length; k++)
        {
            if (term.TryRead(LineItemSnapshots[k], out decimal v, out _))
            {
                // Exact: every amount of these rows is a whole number of units below 2^53 (UniverseBuilder), and a
                // trailing sum adds a few of them.
                long scaled = (long)(v * factor);
                values[LineItemRows[k]] = scaled;
                max = Math.Max(max, Math.Abs(scaled));
            }
        }

        return new TermColumn(values, signed, max);
    }

    private (int[] OfRow, string[] Tickers) BuildIssuers()
    {
        var index = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var ofRow = new int[Count];
        var tickers = new List<string>();
        var lookup = index.GetAlternateLookup<ReadOnlySpan<char>>();
        char[] buffer = new char[16];
        for (int i = 0; i < Count; i++)
        {
            var utf8 = TickerSpan(i);
            if (buffer.Length < utf8.Length)
            {
                buffer = new char[utf8.Length];
            }

            var chars = buffer.AsSpan(0, System.Text.Encoding.UTF8.GetChars(utf8, buffer));
            if (!lookup.TryGetValue(chars, out int id))
            {
                id = index.Count;
                string ticker = chars.ToString();
                index[ticker] = id;
                tickers.Add(ticker);
            }

            ofRow[i] = id;
        }

        return (ofRow, tickers.ToArray());
    }

    private (int[] Rows, int[] Start) BuildGroups()
    {
        // Rows by issuer (a counting sort: stable, so each issuer's rows stay in row order), then each issuer's rows by
        // as-of date, ties in row order: the order of a sort by (issuer, as-of, row), without comparing a million pairs.
        var ofRow = IssuerOfRow;
        var start = new int[IssuerCount + 1];
        foreach (int issuer in ofRow)
        {
            start[issuer + 1]++;
        }

        for (int k = 0; k < IssuerCount; k++)
        {
            start[k + 1] += start[k];
        }

        var rows = new int[Count];
        var fill = start[..^1];
        for (int r = 0; r < Count; r++)
        {
            rows[fill[ofRow[r]]++] = r;
        }

        for (int k = 0; k < IssuerCount; k++)
        {
            var run = rows.AsSpan(start[k], start[k + 1] - start[k]);
            if (run.Length > 64)
            {
                run.Sort((a, b) => AsOfDays[a] != AsOfDays[b] ? AsOfDays[a].CompareTo(AsOfDays[b]) : a.CompareTo(b));
                continue;
            }

            for (int i = 1; i < run.Length; i++)
            {
                int row = run[i], j = i - 1;
                while (j >= 0 && AsOfDays[run[j]] > AsOfDays[row])
                {
                    run[j + 1] = run[j];
                    j--;
                }

                run[j + 1] = row;
            }
        }

        return (rows, start);
    }

    private static bool? Flag(byte b) => b switch { 1 => true, 2 => false, _ => null };
}
