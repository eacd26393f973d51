using System.Globalization;
using DatRules.Issuers;
using DatRules.Screening;

namespace DatRules.Data;

/// <summary>
/// Issuer snapshots as columns (amounts as integer cents, dates as day numbers, text as UTF-8): read from and written to
/// the snapshot CSV, selected (latest per issuer, known on a date) and marked to market without an object per row, and
/// turned into a <see cref="Universe"/> for the <see cref="ScreeningEngine"/>. Immutable: every transform returns a new frame.
/// </summary>
/// <remarks>
/// <para>
/// A row filed before its own period ends (a filed date before its as-of date) is look-ahead: reading keeps it,
/// <see cref="KnownOn"/> never selects it and says so in <see cref="SelectionNotes"/>.
/// </para>
/// <para>Columns are described in docs/data.md; <see cref="WriteCsv(Stream)"/> writes every column <see cref="ReadCsv(Stream, SnapshotReadOptions)"/> reads.</para>
/// </remarks>
public sealed class SnapshotFrame
{
    internal SnapshotFrame(SnapshotTable table, IReadOnlyList<InputError>? skipped = null, IReadOnlyList<string>? notes = null, string? sourceName = null)
    {
        Table = table;
        Skipped = skipped ?? [];
        SelectionNotes = notes ?? [];
        SourceName = sourceName ?? "input";
        _universe = new Lazy<Universe>(table.BuildUniverse);
    }

    private readonly Lazy<Universe> _universe;

    /// <summary>Gets the number of rows (balance sheets).</summary>
    public int Count => Table.Count;

    /// <summary>Gets the errors of the rows skipped on reading (with <see cref="SnapshotReadOptions.SkipInvalid"/>).</summary>
    public IReadOnlyList<InputError> Skipped { get; }

    /// <summary>Gets what the last selection (<see cref="KnownOn"/>) left out and why, one line per issuer or row.</summary>
    public IReadOnlyList<string> SelectionNotes { get; }

    /// <summary>Gets the name of the input, as errors and notes name it.</summary>
    public string SourceName { get; }

    /// <summary>Gets the prices the frame was marked to (<see cref="MarkToMarket"/>), or <see langword="null"/> for balance-sheet values.</summary>
    public MarketPrices? MarkedWith => Table.MarkedWith;

    /// <summary>Gets the number of distinct issuers (tickers, case-insensitive).</summary>
    public int IssuerCount
    {
        get
        {
            var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            for (int row = 0; row < Count; row++)
            {
                seen.Add(Table.Ticker.StringAt(row)!);
            }

            return seen.Count;
        }
    }

    /// <summary>
    /// Gets what the read decided that the input did not say, e.g. <c>snapshots.csv: fields separated by ';' (detected
    /// from the header)</c>, or <see langword="null"/>. Set on the frame <see cref="ReadCsv(Stream, SnapshotReadOptions)"/> returns.
    /// </summary>
    public string? ReadNote { get; private init; }

    internal SnapshotTable Table { get; }

    /// <summary>Gets the snapshot columns the frame holds, in the order <see cref="WriteCsv(Stream)"/> writes them (docs/data.md).</summary>
    public IReadOnlyList<string> Columns => [.. SnapshotSchema.Columns.Where(c => Table.Stores.ContainsKey(c.Name)).Select(c => c.Name)];

    /// <summary>Gets what a column holds (which of <see cref="TextAt"/>, <see cref="AmountAt"/>, <see cref="DateAt"/>, <see cref="FlagAt"/> reads it).</summary>
    /// <param name="column">One of <see cref="Columns"/>.</param>
    /// <returns>The kind.</returns>
    /// <exception cref="ArgumentException">The frame has no such column.</exception>
    public SnapshotValueKind KindOf(string column) => Store(column).Column.Kind switch
    {
        ColumnKind.Amount => SnapshotValueKind.Amount,
        ColumnKind.Flag => SnapshotValueKind.Flag,
        ColumnKind.Date => SnapshotValueKind.Date,
        _ => SnapshotValueKind.Text,
    };

    /// <summary>Gets a text value (as <see cref="WriteCsv(Stream)"/> writes it), or <see langword="null"/> when empty.</summary>
    /// <param name="column">A text column of <see cref="Columns"/>.</param>
    /// <param name="row">The row.</param>
    /// <returns>The text.</returns>
    /// <exception cref="ArgumentException">The frame has no such text column.</exception>
    public string? TextAt(string column, int row) => Store<TextColumn>(column, row).StringAt(row);

    /// <summary>Gets an amount, exact, or <see langword="null"/> when not given.</summary>
    /// <param name="column">An amount column of <see cref="Columns"/>.</param>
    /// <param name="row">The row.</param>
    /// <returns>The amount.</returns>
    /// <exception cref="ArgumentException">The frame has no such amount column.</exception>
    public decimal? AmountAt(string column, int row) => Store<AmountColumn>(column, row).ValueAt(row);

    /// <summary>Gets a date, or <see langword="null"/> when not given.</summary>
    /// <param name="column">A date column of <see cref="Columns"/>.</param>
    /// <param name="row">The row.</param>
    /// <returns>The date.</returns>
    /// <exception cref="ArgumentException">The frame has no such date column.</exception>
    public LocalDate? DateAt(string column, int row) => Store<DateColumn>(column, row).DateAt(row);

    /// <summary>Gets a flag, or <see langword="null"/> when not given.</summary>
    /// <param name="column">A flag column of <see cref="Columns"/>.</param>
    /// <param name="row">The row.</param>
    /// <returns>The flag.</returns>
    /// <exception cref="ArgumentException">The frame has no such flag column.</exception>
    public bool? FlagAt(string column, int row) => Store<FlagColumn>(column, row)[row];

    private ColumnStore Store(string column)
    {
        ArgumentNullException.ThrowIfNull(column);
        return Table.Stores.TryGetValue(column, out var store) ? store : throw new ArgumentException($"The frame has no column '{column}'.", nameof(column));
    }

    private T Store<T>(string column, int row)
        where T : ColumnStore
    {
        ArgumentOutOfRangeException.ThrowIfNegative(row);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(row, Count);
        return Store(column) as T ?? throw new ArgumentException($"Column '{column}' is not a {typeof(T).Name[..^6].ToLowerInvariant()} column.", nameof(column));
    }

    /// <summary>Reads a snapshot CSV file (on every core when it is large).</summary>
    /// <param name="path">The file.</param>
    /// <returns>The frame.</returns>
    /// <exception cref="InputException">The file does not exist, is empty, its header is wrong, or a row is invalid (every error names its line and column).</exception>
    public static SnapshotFrame ReadCsv(string path) => ReadCsv(path, new SnapshotReadOptions());

    /// <summary>Reads a snapshot CSV file with options (on every core when it is large).</summary>
    /// <param name="path">The file.</param>
    /// <param name="options">How to read; the source name defaults to the file name.</param>
    /// <returns>The frame.</returns>
    /// <exception cref="InputException">The file does not exist, is empty, its header is wrong, or a row is invalid (every error names its line and column).</exception>
    public static SnapshotFrame ReadCsv(string path, SnapshotReadOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(path);
        string full = Path.GetFullPath(path);
        if (!File.Exists(full))
        {
            throw new InputException(full, [new InputError(0, null, Directory.Exists(full) ? "is a directory, not a file" : "file not found")]);
        }

        using var stream = new FileStream(full, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        return ReadCsv(stream, options with { SourceName = options.SourceName ?? Path.GetFileName(full) });
    }

    /// <summary>Reads a snapshot CSV from a stream (UTF-8; a seekable file stream is read on every core).</summary>
    /// <param name="stream">The stream, read to its end and left open.</param>
    /// <returns>The frame.</returns>
    /// <exception cref="InputException">The input is empty, its header is wrong, or a row is invalid (every error names its line and column).</exception>
    public static SnapshotFrame ReadCsv(Stream stream) => ReadCsv(stream, new SnapshotReadOptions());

    /// <summary>Reads a snapshot CSV from a stream with options (UTF-8; a seekable file stream is read on every core).</summary>
    /// <param name="stream">The stream, read to its end and left open.</param>
    /// <param name="options">How to read.</param>
    /// <returns>The frame.</returns>
    /// <exception cref="InputException">The input is empty, its header is wrong, or a row is invalid (every error names its line and column).</exception>
    public static SnapshotFrame ReadCsv(Stream stream, SnapshotReadOptions options)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(options);
        string name = options.SourceName ?? "input";
        if (options.Delimiter is not (',' or ';'))
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"The field separator is ',' or ';'; was '{options.Delimiter}'."), nameof(options));
        }

        var result = SnapshotCsvReader.Read(stream, name, options.SkipInvalid, unread: options.UnreadColumns, delimiter: options.Delimiter, culture: options.Culture);
        return new SnapshotFrame(result.Table, result.Skipped, sourceName: name)
        {
            ReadNote = result.DetectedDelimiter is { } d ? string.Create(CultureInfo.InvariantCulture, $"{name}: fields separated by '{d}' (detected from the header)") : null,
        };
    }

    /// <summary>
    /// Builds a frame of domain snapshots, row for row (the SEC importers' output, snapshots built in code): identity,
    /// currency, amounts, line items (a flow: the quarter ending on as-of), provenance (cik, filed, accession, form,
    /// concepts, source with its note), and the optional columns any snapshot has a value for (country, asset and units
    /// of a single holding, shares outstanding, market cap, the flags, estimated fields). <see cref="WriteCsv(Stream)"/>
    /// writes the identity, amount, line-item and provenance columns even when there are no snapshots.
    /// </summary>
    /// <param name="snapshots">The snapshots.</param>
    /// <param name="sourceName">The name errors and notes give the frame.</param>
    /// <returns>The frame.</returns>
    /// <exception cref="InputException">A snapshot holds a value the snapshot CSV cannot (e.g. a ticker with a line break).</exception>
    public static SnapshotFrame FromSnapshots(IEnumerable<IssuerSnapshot> snapshots, string? sourceName = null)
    {
        ArgumentNullException.ThrowIfNull(snapshots);
        string name = sourceName ?? "snapshots";
        IssuerSnapshot[] list = [.. snapshots];
        if (list.Length == 0)
        {
            // The reader refuses a header without rows; an empty frame still has (and writes) the columns.
            return new SnapshotFrame(new SnapshotTable(SnapshotSchema.Columns.Where(c => SnapshotListCsv.Always.Contains(c.Name))), sourceName: name);
        }

        using var csv = new MemoryStream(SnapshotListCsv.Write(list), writable: false);
        var result = SnapshotCsvReader.Read(csv, name);
        return new SnapshotFrame(result.Table, result.Skipped, sourceName: name);
    }

    /// <summary>Gets the domain snapshot of a row (allocates; use <see cref="ToUniverse"/> for whole frames).</summary>
    /// <param name="row">The row.</param>
    /// <returns>The snapshot.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="row"/> is not a row.</exception>
    public IssuerSnapshot SnapshotAt(int row)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(row);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(row, Count);
        return Table.ToSnapshot(row);
    }

    /// <summary>Builds every row's domain snapshot, in order (allocates one object per row).</summary>
    /// <returns>The snapshots.</returns>
    public IReadOnlyList<IssuerSnapshot> ToSnapshots() => Table.ToSnapshots();

    /// <summary>
    /// Builds the columnar universe of the rows, row for row. Rows whose line items a policy may read keep their
    /// snapshots in the universe, so every criterion sees what the domain would.
    /// </summary>
    /// <returns>The universe.</returns>
    /// <remarks>Built once per frame and shared (it adopts the frame's columns without a copy).</remarks>
    public Universe ToUniverse() => _universe.Value;

    /// <summary>Returns the given rows, in the given order.</summary>
    /// <param name="rows">Row numbers of this frame.</param>
    /// <returns>The frame of those rows.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A row is not a row of this frame.</exception>
    public SnapshotFrame Select(IEnumerable<int> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        int[] picked = [.. rows];
        foreach (int row in picked)
        {
            if ((uint)row >= (uint)Count)
            {
                throw new ArgumentOutOfRangeException(nameof(rows), row, string.Create(CultureInfo.InvariantCulture, $"Row {row} is not a row of this frame (0..{Count - 1})."));
            }
        }

        return new SnapshotFrame(Table.Gather(picked), Skipped, SelectionNotes, SourceName);
    }

    /// <summary>Returns the rows of the given tickers (case-insensitive), in frame order.</summary>
    /// <param name="tickers">The tickers.</param>
    /// <returns>The frame of their rows.</returns>
    public SnapshotFrame WhereTicker(IEnumerable<string> tickers)
    {
        ArgumentNullException.ThrowIfNull(tickers);
        var wanted = new HashSet<string>(tickers, StringComparer.OrdinalIgnoreCase);
        return Select(Enumerable.Range(0, Count).Where(r => wanted.Contains(Table.Ticker.StringAt(r)!)));
    }

    /// <summary>Returns each issuer's latest balance sheet (the latest as-of date; on a tie the later filing, an amendment over its original), in order of each issuer's first row.</summary>
    /// <returns>The frame.</returns>
    public SnapshotFrame LatestPerIssuer() => new(Table.Gather(FrameSelection.Latest(Table)), Skipped, [], SourceName);

    /// <summary>
    /// Returns each issuer's latest balance sheet filed on or before <paramref name="date"/> (no look-ahead): what an index
    /// provider could have known that day. Rows without a filed date, rows filed before their own period ended, and issuers
    /// whose first filing came later are left out and named in <see cref="SelectionNotes"/>.
    /// </summary>
    /// <param name="date">The date.</param>
    /// <returns>The frame (possibly empty).</returns>
    public SnapshotFrame KnownOn(LocalDate date)
    {
        var (rows, notes) = FrameSelection.KnownOn(Table, date);
        return new SnapshotFrame(Table.Gather(rows), Skipped, notes, SourceName);
    }

    /// <summary>
    /// Returns the frame with each holding marked to market (units x price; total assets move by the same difference, other
    /// assets stay at book value), as <see cref="IssuerSnapshot.MarkToMarket"/> does, keeping every other column and line item.
    /// </summary>
    /// <param name="prices">The prices.</param>
    /// <returns>The frame.</returns>
    /// <exception cref="InvalidOperationException">The frame is already marked to market.</exception>
    public SnapshotFrame MarkToMarket(MarketPrices prices)
    {
        ArgumentNullException.ThrowIfNull(prices);
        return new SnapshotFrame(Table.MarkToMarket(prices), Skipped, SelectionNotes, SourceName);
    }

    /// <summary>
    /// Returns the frame carried forward to a decision day (<see cref="Nowcasting.Nowcast.Estimate"/> on each row): coins on
    /// the balance sheet plus those announced after it and on or before <paramref name="on"/>, valued at the last price on
    /// or before it; other assets less cash-funded purchases, plus sale proceeds and cash raised. Rows so estimated are
    /// labelled estimates (<c>"estimate": true</c>, a <c>*</c> in the table, the CSV's <c>estimate</c> column) and their
    /// reasons cite every announcement and the price used. Rows without a holding or announcement keep their figures; rows
    /// in another currency than USD, and rows without announcements whose units or total assets are not reported, keep
    /// them and say so. Point in time: call it on <see cref="KnownOn"/>'s frame of the
    /// same day, so that a balance sheet not yet filed is not used.
    /// </summary>
    /// <param name="events">The announcements (<see cref="AnnouncementCsv"/>).</param>
    /// <param name="prices">The price history (<see cref="PriceHistoryCsv"/>).</param>
    /// <param name="on">The decision day.</param>
    /// <param name="pricesName">The name of the price history, for errors (default <c>prices</c>).</param>
    /// <returns>The frame.</returns>
    /// <exception cref="InputException">A row cannot be carried forward: an announcement in another asset than the row's, a sale of more coins than held, other assets below zero, or no price on or before the day (the events file's line, or the input's, is named).</exception>
    /// <exception cref="InvalidOperationException">The frame is already marked to market or nowcast.</exception>
    public SnapshotFrame Nowcast(AnnouncementFile events, Nowcasting.PriceHistory prices, LocalDate on, string? pricesName = null)
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(prices);
        return new SnapshotFrame(Table.Nowcast(events, prices, on, pricesName ?? "prices", SourceName), Skipped, SelectionNotes, SourceName);
    }

    /// <summary>Gets whether the frame is a nowcast (<see cref="Nowcast"/>): its estimated rows are labelled so.</summary>
    public bool IsNowcast => Table.IsNowcast;

    /// <summary>Writes the frame as a snapshot CSV (every column it holds), which <see cref="ReadCsv(Stream, SnapshotReadOptions)"/> reads back whole.</summary>
    /// <param name="stream">The stream, left open.</param>
    public void WriteCsv(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        SnapshotCsvWriter.Write(Table, stream);
    }

    /// <summary>Writes the frame as a snapshot CSV file, atomically: to a temporary file in the same folder, renamed over the target when complete.</summary>
    /// <param name="path">The file.</param>
    public void WriteCsv(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        AtomicFile.Write(path, WriteCsv);
    }

    /// <summary>
    /// Computes each row's headroom (break-even coin price, purchases and sales to cross the threshold), in row order,
    /// streamed: blocks of rows computed on every core, each block yielded before the next is computed.
    /// </summary>
    /// <param name="threshold">The threshold.</param>
    /// <returns>The results, one per row.</returns>
    /// <exception cref="InputException">A result overflows exact decimal arithmetic (the first such row in order is named).</exception>
    public IEnumerable<Headroom.HeadroomResult> Headroom(Classification.RatioThreshold threshold)
    {
        ArgumentNullException.ThrowIfNull(threshold);
        return HeadroomRows(threshold);
    }

    private IEnumerable<Headroom.HeadroomResult> HeadroomRows(Classification.RatioThreshold threshold)
    {
        const int Block = 4096;
        if (Count == 0)
        {
            yield break;
        }

        var results = new Headroom.HeadroomResult[Math.Min(Block, Count)];
        _ = Table.ToSnapshot(0); // builds what snapshots share (carried flows) before the cores read it
        for (int from = 0; from < Count; from += Block)
        {
            int n = Math.Min(Block, Count - from), pieces = n >= 512 ? 2 : 1;
            int start = from;
            Cores.Run(pieces, piece =>
            {
                for (int i = n * piece / pieces; i < n * (piece + 1) / pieces; i++)
                {
                    var s = Table.ToSnapshot(start + i);
                    results[i] = Checked.Run(string.Create(CultureInfo.InvariantCulture, $"the headroom of {s.Issuer.Ticker} ({s.AsOf:yyyy-MM-dd})"), () => DatRules.Headroom.HeadroomCalculator.Compute(s, threshold));
                }
            });

            for (int i = 0; i < n; i++)
            {
                yield return results[i];
            }
        }
    }

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"SnapshotFrame: {Count} balance sheets of {IssuerCount} issuers from {SourceName}");
}
