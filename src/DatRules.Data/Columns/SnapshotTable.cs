using DatRules.Issuers;
using DatRules.Screening;
using NodaTime;

namespace DatRules.Data;

/// <summary>
/// The valid rows of a snapshot CSV, column by column (<see cref="SnapshotSchema"/>): amounts as integer cents, dates as
/// day numbers, text as UTF-8 bytes; no object per row. Rows become domain snapshots only on demand
/// (<see cref="ToSnapshot"/>), and a columnar <see cref="Universe"/> with <see cref="BuildUniverse"/>.
/// </summary>
internal sealed class SnapshotTable
{
    private static readonly string[] ProvenanceColumns = ["cik", "filed", "accession", "form", "concepts"];

    private readonly Dictionary<string, ColumnStore> _stores;
    // Lines as runs: row r starts on line r + delta of the last run starting at or before r (blank lines and
    // multi-line records start a new run), instead of one int per row.
    private readonly List<(int Row, int Delta)> _lineRuns = [];

    /// <summary>Initializes an empty table with a store for each column the header names.</summary>
    /// <param name="present">The known columns of the header.</param>
    internal SnapshotTable(IEnumerable<SnapshotColumn> present)
        : this(present.ToDictionary(c => c.Name, ColumnStore.For, StringComparer.Ordinal))
    {
    }

    private SnapshotTable(Dictionary<string, ColumnStore> stores)
    {
        _stores = stores;
        Ticker = (TextColumn)_stores["ticker"];
        AsOf = (DateColumn)_stores["as_of"];
        Digital = (AmountColumn)_stores["digital_assets_usd"];
        Total = (AmountColumn)_stores["total_assets_usd"];
        Constituent = Store<FlagColumn>("index_constituent");
        SelfDescribed = Store<FlagColumn>("self_described_dat");
        CapitalRaised = Store<FlagColumn>("capital_raised_for_digital_assets");
        Estimated = Store<TextColumn>("estimated_fields");
        HasProvenance = ProvenanceColumns.Any(_stores.ContainsKey);
        Kinds = [.. HoldingKindCsvColumns.All.Where(k => _stores.ContainsKey(k.Column)).Select(k => (k.Kind, (AmountColumn)_stores[k.Column]))];
    }

    /// <summary>Gets the columns of the kinds of crypto beyond the held one that the file has.</summary>
    public (HoldingKind Kind, AmountColumn Column)[] Kinds { get; }

    /// <summary>Gets a value indicating whether the file has any column of another kind of crypto than held.</summary>
    public bool HasKinds => Kinds.Length > 0;

    /// <summary>Gets the amounts of the other kinds of crypto of a row (blank cells are zero).</summary>
    public HoldingKindAmounts KindsAt(int row)
    {
        var amounts = HoldingKindAmounts.None;
        foreach (var (kind, column) in Kinds)
        {
            if (column.ValueAt(row) is { } v && v != 0m)
            {
                amounts = amounts.With(kind, v);
            }
        }

        return amounts;
    }

    // The balance sheet's own amounts of a marked table (its snapshots are marked by the domain from them).
    private HoldingKindAmounts BookKindsAt(int row)
    {
        var amounts = KindsAt(row);
        foreach (var (name, column) in _bookKinds ?? [])
        {
            var kind = HoldingKindCsvColumns.All.First(k => k.Column == name).Kind;
            amounts = amounts.With(kind, column.ValueAt(row) is { } v ? v : 0m);
        }

        return amounts;
    }

    /// <summary>Gets a value indicating whether a row has a non-zero amount of another kind of crypto than held.</summary>
    public bool HasKindAt(int row)
    {
        foreach (var (_, column) in Kinds)
        {
            long c = column[row];
            if (c != 0 && c != AmountColumn.Missing)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Gets the counted holdings of a row under a treatment in cents (as <see cref="Digital"/>), or
    /// <see cref="AmountColumn.Exact"/> when an amount is not a whole number of cents below 2^53.
    /// </summary>
    public long CountedCents(int row, Classification.HoldingsTreatment treatment)
    {
        long d = Digital[row];
        if (d == AmountColumn.Exact)
        {
            return AmountColumn.Exact;
        }

        long sum = treatment.Counts(HoldingKind.Held) ? d : 0;
        foreach (var (kind, column) in Kinds)
        {
            long c = column[row];
            if (c == AmountColumn.Exact)
            {
                return AmountColumn.Exact;
            }

            if (c > 0 && treatment.Counts(kind))
            {
                sum += c;
            }
        }

        return sum;
    }

    /// <summary>Gets the number of rows.</summary>
    public int Count { get; private set; }

    // Marked to market (MarkToMarket): the prices, the balance sheet's own amounts, and each row's valuation notes.
    private MarketPrices? _prices;
    private AmountColumn? _bookDigital;
    private AmountColumn? _bookTotal;
    private string[][]? _valuationNotes;
    private Dictionary<string, AmountColumn>? _bookKinds;

    // Nowcast (Nowcast): each estimated row's snapshot (null for rows left as filed); the amounts and units columns hold its figures.
    private IssuerSnapshot?[]? _estimates;

    /// <summary>Gets row <paramref name="row"/>'s valuation notes (empty unless marked to market).</summary>
    /// <param name="row">The row.</param>
    /// <returns>The notes, in the domain's order.</returns>
    public IReadOnlyList<string> ValuationNotesAt(int row) => _valuationNotes?[row] ?? [];

    /// <summary>Gets the prices the amounts were marked to, or <see langword="null"/> for balance-sheet values.</summary>
    public MarketPrices? MarkedWith => _prices;

    /// <summary>Gets the stores, by column name.</summary>
    internal IReadOnlyDictionary<string, ColumnStore> Stores => _stores;

    public TextColumn Ticker { get; }

    public DateColumn AsOf { get; }

    public AmountColumn Digital { get; }

    public AmountColumn Total { get; }

    public FlagColumn? Constituent { get; }

    public FlagColumn? SelfDescribed { get; }

    public FlagColumn? CapitalRaised { get; }

    public TextColumn? Estimated { get; }

    /// <summary>Gets whether the header names a provenance column (cik, filed, accession, form, concepts).</summary>
    public bool HasProvenance { get; }

    /// <summary>Gets the line of row <paramref name="row"/>.</summary>
    /// <param name="row">The row.</param>
    /// <returns>The 1-based line where the row starts.</returns>
    public int LineAt(int row)
    {
        int lo = 0, hi = _lineRuns.Count - 1;
        while (lo < hi)
        {
            int mid = (lo + hi + 1) / 2;
            if (_lineRuns[mid].Row <= row)
            {
                lo = mid;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return row + _lineRuns[lo].Delta;
    }

    /// <summary>Gets a column's store, or <see langword="null"/> when the header does not name it.</summary>
    /// <typeparam name="T">The store type of the column's kind.</typeparam>
    /// <param name="name">The column name.</param>
    /// <returns>The store.</returns>
    public T? Store<T>(string name)
        where T : ColumnStore => _stores.TryGetValue(name, out var s) ? (T)s : null;

    /// <summary>Gets a text value, or <see langword="null"/>.</summary>
    /// <param name="name">The column.</param>
    /// <param name="row">The row.</param>
    /// <returns>The text.</returns>
    public string? TextAt(string name, int row) => Store<TextColumn>(name)?.StringAt(row);

    /// <summary>Gets an amount, or <see langword="null"/>.</summary>
    /// <param name="name">The column.</param>
    /// <param name="row">The row.</param>
    /// <returns>The amount.</returns>
    public decimal? AmountAt(string name, int row) => Store<AmountColumn>(name)?.ValueAt(row);

    /// <summary>Gets a flag, or <see langword="null"/>.</summary>
    /// <param name="name">The column.</param>
    /// <param name="row">The row.</param>
    /// <returns>The flag.</returns>
    public bool? FlagAt(string name, int row) => Store<FlagColumn>(name)?[row];

    /// <summary>Gets the estimated fields of a row (the <c>estimated_fields</c> column, split at <c>;</c>).</summary>
    /// <param name="row">The row.</param>
    /// <returns>The field names.</returns>
    public string[] EstimatedFieldsAt(int row) => _estimates?[row] is { } estimate
        ? [.. estimate.EstimatedFields]
        : Estimated?.StringAt(row) is { } e
            ? e.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            : [];

    /// <summary>Gets whether the row's ratio depends on an estimated input (digital or total assets).</summary>
    /// <param name="row">The row.</param>
    /// <returns>Whether it does.</returns>
    public bool IsRatioEstimateAt(int row) =>
        _estimates?[row] is not null || (Estimated is { } e && !e[row].IsEmpty && EstimatedFieldsAt(row).Any(f => ScreenWriter.RatioInputs.Contains(f)));

    /// <summary>Gets whether the row names estimated fields (its own, or a nowcast's).</summary>
    /// <param name="row">The row.</param>
    /// <returns>Whether it does.</returns>
    public bool HasEstimatedFieldsAt(int row) => _estimates?[row] is not null || (Estimated is { } e && !e[row].IsEmpty);

    /// <summary>Gets whether the table is a nowcast (<see cref="Nowcast"/>).</summary>
    public bool IsNowcast => _estimates is not null;

    /// <summary>Gets the row's currency (both amounts), or <see langword="null"/> for USD.</summary>
    /// <param name="row">The row.</param>
    /// <returns>The ISO code.</returns>
    public string? CurrencyAt(int row) => TextAt("currency", row);

    /// <summary>Gets the filing the row's figures come from, or <see langword="null"/> when no provenance column has a value.</summary>
    /// <param name="row">The row.</param>
    /// <returns>The provenance.</returns>
    public Provenance? ProvenanceAt(int row)
    {
        if (!HasProvenance)
        {
            return null;
        }

        string? cik = TextAt("cik", row), accession = TextAt("accession", row), form = TextAt("form", row), concepts = TextAt("concepts", row);
        LocalDate? filed = Store<DateColumn>("filed")?.DateAt(row);
        if (cik is null && accession is null && form is null && concepts is null && filed is null)
        {
            return null;
        }

        return new Provenance(TextAt("source", row) ?? "input file")
        {
            Cik = cik is null ? null : SnapshotSchema.ParseCik(cik),
            Filed = filed,
            Accession = accession is null ? null : AccessionNumber.Parse(accession),
            Form = form,
            Concepts = concepts is null ? [] : concepts.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
        };
    }

    /// <summary>Builds the domain snapshot of a row.</summary>
    /// <param name="row">The row.</param>
    /// <returns>The snapshot.</returns>
    public IssuerSnapshot ToSnapshot(int row)
    {
        if (HasFlows)
        {
            // Trailing-quarter criteria read an issuer's earlier rows: every snapshot carries its issuer's earlier flows.
            _carried ??= FlowHistory.Carry(Enumerable.Range(0, Count).Select(Own));
            return _carried[row];
        }

        return Own(row);
    }

    /// <summary>Gets a value indicating whether any line-item column (<c>cash_usd</c>, <c>revenue_quarter</c>, ...) is present.</summary>
    public bool HasLineItems => LineItem.WellKnown.Any(i => !i.IsIntrinsic && _stores.ContainsKey(LineItemCsvColumns.ColumnOf(i)));

    /// <summary>The snapshots of the rows with line items, by row, for the criteria that read them (none without line-item columns).</summary>
    private Dictionary<int, IssuerSnapshot>? LineItemSnapshots()
    {
        if (!HasLineItems)
        {
            return null;
        }

        var rows = new Dictionary<int, IssuerSnapshot>();
        for (int row = 0; row < Count; row++)
        {
            var snapshot = ToSnapshot(row);
            if (snapshot.LineItems.Count > 0)
            {
                rows[row] = snapshot;
            }
        }

        return rows;
    }

    /// <summary>Gets a value indicating whether any flow line-item column (<c>revenue_quarter</c>, ...) is present.</summary>
    public bool HasFlows => LineItem.WellKnown.Any(i => i.Kind == LineItemKind.Flow && _stores.ContainsKey(LineItemCsvColumns.ColumnOf(i)));

    /// <summary>The line items of a row, each with the row's provenance.</summary>
    public IReadOnlyList<LineItemValue> LineItemsAt(int row)
    {
        List<LineItemValue>? values = null;
        foreach (var item in LineItem.WellKnown)
        {
            if (item.IsIntrinsic)
            {
                continue;
            }

            string column = LineItemCsvColumns.ColumnOf(item);
            if (!_stores.ContainsKey(column))
            {
                continue;
            }

            if (item.Kind == LineItemKind.Balance)
            {
                if (AmountAt(column, row) is { } amount)
                {
                    (values ??= []).Add(new LineItemValue(item, amount) { Provenance = ProvenanceAt(row) });
                }
            }
            else if (TextAt(column, row) is { } text && SnapshotSchema.ParseSigned(text) is { } flow)
            {
                (values ??= []).Add(LineItemValue.ForQuarter(item, flow, AsOf.DateAt(row)!.Value, ProvenanceAt(row)));
            }
        }

        return values ?? (IReadOnlyList<LineItemValue>)[];
    }

    private IReadOnlyList<IssuerSnapshot>? _carried;

    private IssuerSnapshot Own(int row)
    {
        if (_estimates?[row] is { } estimate)
        {
            return estimate;
        }

        string? code = CurrencyAt(row);
        var currency = code is null ? default : new Currency(code);
        decimal digital = (_bookDigital ?? Digital).ValueAt(row)!.Value;
        decimal? units = AmountAt("units", row);
        var holdings = digital == 0m && units is null or 0m
            ? Array.Empty<DigitalAssetHolding>()
            : [new DigitalAssetHolding(TextAt("asset", row) ?? "DIGITAL", units ?? 0m, digital, currency)];
        var snapshot = new IssuerSnapshot(new IssuerId(Ticker.StringAt(row)!, TextAt("name", row), TextAt("country", row)), AsOf.DateAt(row)!.Value, (_bookTotal ?? Total).ValueAt(row), holdings, currency)
        {
            SharesOutstanding = AmountAt("shares_outstanding", row),
            MarketCap = AmountAt("market_cap_usd", row),
            IsIndexConstituent = Constituent?[row],
            SelfDescribedDat = SelfDescribed?[row],
            CapitalRaisedPrimarilyForDigitalAssets = CapitalRaised?[row],
            Source = TextAt("source", row),
            EstimatedFields = EstimatedFieldsAt(row),
            Provenance = ProvenanceAt(row),
            LineItems = LineItemsAt(row),
            HoldingKinds = HasKinds ? BookKindsAt(row) : HoldingKindAmounts.None,
        };
        return _prices is null ? snapshot : snapshot.MarkToMarket(_prices);
    }

    /// <summary>Builds every row's domain snapshot, in file order.</summary>
    /// <returns>The snapshots.</returns>
    public IReadOnlyList<IssuerSnapshot> ToSnapshots()
    {
        var list = new IssuerSnapshot[Count];
        for (int i = 0; i < list.Length; i++)
        {
            list[i] = ToSnapshot(i);
        }

        return list;
    }

    /// <summary>
    /// Builds the columnar universe of the rows, row for row (row i of the universe is row i here), on this table's own
    /// arrays (no copy: the universe and the table share them from now on; rows that are not whole cents below 2^53
    /// keep their decimals here and a snapshot in the universe).
    /// </summary>
    /// <returns>The universe.</returns>
    public Universe BuildUniverse()
    {
        var fallback = new Dictionary<int, IssuerSnapshot>();
        var lineItems = LineItemSnapshots();
        var exactRows = Digital.ExactRows.Concat(Total.ExactRows).Concat(Kinds.SelectMany(k => k.Column.ExactRows));
        if (lineItems is not null)
        {
            // Line items the integer columns cannot carry exactly send the whole row to the domain path (as UniverseBuilder.Add does).
            exactRows = exactRows.Concat(lineItems.Where(p => p.Value.LineItems.Any(v => !FitsCents(v.Amount))).Select(p => p.Key));
        }

        foreach (int row in exactRows.Distinct().ToList())
        {
            fallback[row] = ToSnapshot(row);
            Digital.KeepExact(row, 0);
            Total.KeepExact(row, 1);
        }

        var (tickers, ends) = Ticker.Trim(Count);

        // Other kinds of crypto: cents as the held column, blank as zero; domain rows are zero here (their snapshot decides).
        var kinds = new long[]?[7];
        foreach (var (kind, column) in Kinds)
        {
            var cents = new long[Count];
            for (int row = 0; row < Count; row++)
            {
                long c = column[row];
                cents[row] = c > 0 && !fallback.ContainsKey(row) ? c : 0;
            }

            kinds[(int)kind] = cents;
        }

        // Absent flag columns: one array of zeros (unknown) shared by the three; the universe only reads them.
        byte[]? zeros = Constituent is null || SelfDescribed is null || CapitalRaised is null ? new byte[Count] : null;
        return UniverseBuilder.Adopt(
            Count,
            tickers,
            ends,
            AsOf.Trim(Count),
            Digital.Trim(Count),
            Total.Trim(Count),
            Constituent?.Trim(Count) ?? zeros!,
            SelfDescribed?.Trim(Count) ?? zeros!,
            CapitalRaised?.Trim(Count) ?? zeros!,
            fallback,
            lineItems?.Where(p => !fallback.ContainsKey(p.Key)).ToDictionary(),
            ToSnapshot,
            kinds);
    }

    /// <summary>Creates a table of the given rows of this one, in that order, each on its own line (no per-row objects).</summary>
    /// <param name="rows">The rows.</param>
    /// <returns>The table.</returns>
    internal SnapshotTable Gather(int[] rows)
    {
        var gathered = new SnapshotTable(_stores.ToDictionary(s => s.Key, s => s.Value.Gather(rows), StringComparer.Ordinal))
        {
            _prices = _prices,
            _bookDigital = (AmountColumn?)_bookDigital?.Gather(rows),
            _bookTotal = (AmountColumn?)_bookTotal?.Gather(rows),
            _valuationNotes = _valuationNotes is null ? null : [.. rows.Select(r => _valuationNotes[r])],
            _bookKinds = _bookKinds?.ToDictionary(p => p.Key, p => (AmountColumn)p.Value.Gather(rows), StringComparer.Ordinal),
            _estimates = _estimates is null ? null : [.. rows.Select(r => _estimates[r])],
        };
        for (int i = 0; i < rows.Length; i++)
        {
            gathered.Commit(LineAt(rows[i]));
        }

        return gathered;
    }

    /// <summary>
    /// Creates this table with its holdings marked to market, column by column: each row with units and a price becomes
    /// units x price, and total assets move by the same difference (other assets at book value), exactly as
    /// <see cref="IssuerSnapshot.MarkToMarket"/> does with the same texts (<see cref="MarketPrices.Revalue"/>); every
    /// other column, line items included, is kept.
    /// </summary>
    /// <param name="prices">The prices.</param>
    /// <returns>The marked table.</returns>
    internal SnapshotTable MarkToMarket(MarketPrices prices)
    {
        if (_prices is not null)
        {
            throw new InvalidOperationException($"The frame is already marked to market (on {_prices.On:yyyy-MM-dd}); mark the balance-sheet frame instead.");
        }

        var digital = new decimal?[Count];
        var total = new decimal?[Count];
        var notes = new string[Count][];
        var units = Store<AmountColumn>("units");
        var asset = Store<TextColumn>("asset");
        var movedKinds = new Dictionary<HoldingKind, decimal?[]>();
        for (int row = 0; row < Count; row++)
        {
            decimal book = Digital.ValueAt(row)!.Value;
            decimal? bookTotal = Total.ValueAt(row);
            decimal heldUnits = units?.ValueAt(row) ?? 0m;
            var date = AsOf.DateAt(row)!.Value;
            digital[row] = book;
            total[row] = bookTotal;
            if (book == 0m && heldUnits == 0m)
            {
                // No holding: nothing to revalue (as the domain's snapshot without holdings).
                notes[row] = [MarketPrices.OtherAssetsAtBookNote(date)];
                continue;
            }

            string? code = CurrencyAt(row);
            var valuation = prices.Revalue(asset?.StringAt(row) ?? "DIGITAL", heldUnits, book, code is null ? default : new Currency(code), date);
            decimal? markedTotal = bookTotal is { } t ? t + (valuation.Value - book) : null;
            if (markedTotal < 0m)
            {
                notes[row] = [MarketPrices.NotMarkedNote];
                continue;
            }

            // Restricted, staked and receivable coins are the same coins: they move with the held ones (as IssuerSnapshot.MarkToMarket).
            List<string>? kindNotes = null;
            if (valuation.Revalued && book > 0m)
            {
                var currency = code is null ? default : new Currency(code);
                foreach (var (kind, column) in Kinds)
                {
                    if (MarketPrices.MovesWithHeld(kind) && column.ValueAt(row) is { } k && k != 0m)
                    {
                        decimal value = k * valuation.Value / book;
                        markedTotal += value - k;
                        if (!movedKinds.TryGetValue(kind, out var moved))
                        {
                            movedKinds[kind] = moved = new decimal?[Count];
                        }

                        moved[row] = value;
                        (kindNotes ??= []).Add(MarketPrices.KindMovedWithHeldNote(kind, asset?.StringAt(row) ?? "DIGITAL", currency.Format(value), currency.Format(k)));
                    }
                }
            }

            if (markedTotal < 0m)
            {
                foreach (var moved in movedKinds.Values)
                {
                    moved[row] = null;
                }

                notes[row] = [MarketPrices.NotMarkedNote];
                continue;
            }

            digital[row] = valuation.Value;
            total[row] = markedTotal;
            notes[row] = kindNotes is null ? [valuation.Note, MarketPrices.OtherAssetsAtBookNote(date)] : [valuation.Note, .. kindNotes, MarketPrices.OtherAssetsAtBookNote(date)];
        }

        var stores = new Dictionary<string, ColumnStore>(_stores, StringComparer.Ordinal)
        {
            ["digital_assets_usd"] = AmountColumn.Of(Digital.Column, digital),
            ["total_assets_usd"] = AmountColumn.Of(Total.Column, total),
        };
        var bookKinds = new Dictionary<string, AmountColumn>(StringComparer.Ordinal);
        foreach (var (kind, values) in movedKinds)
        {
            var (column, name) = (Kinds.First(k => k.Kind == kind).Column, HoldingKindCsvColumns.All.First(k => k.Kind == kind).Column);
            for (int row = 0; row < Count; row++)
            {
                values[row] ??= column.ValueAt(row);
            }

            stores[name] = AmountColumn.Of(column.Column, values);
            bookKinds[name] = column;
        }

        var marked = new SnapshotTable(stores) { _prices = prices, _bookDigital = Digital, _bookTotal = Total, _valuationNotes = notes, _bookKinds = bookKinds };
        marked.Count = Count;
        marked._lineRuns.AddRange(_lineRuns);
        return marked;
    }

    /// <summary>
    /// Creates this table carried forward to <paramref name="on"/> (<see cref="Nowcasting.Nowcast.Estimate"/> per row): each
    /// row with a holding or an announcement after its balance sheet becomes its estimate (amounts and units replaced,
    /// reasons in its valuation notes, labelled an estimate); rows in another currency than USD, and rows without announcements
    /// whose units or total assets are not reported, keep their figures and say so.
    /// </summary>
    /// <param name="events">The announcements.</param>
    /// <param name="prices">The price history.</param>
    /// <param name="on">The decision day.</param>
    /// <param name="pricesName">The name of the price history, for errors.</param>
    /// <param name="inputName">The name of this table's input, for errors.</param>
    /// <returns>The table.</returns>
    /// <exception cref="InputException">A row cannot be carried forward (the file, line and column at fault are named).</exception>
    internal SnapshotTable Nowcast(AnnouncementFile events, Nowcasting.PriceHistory prices, LocalDate on, string pricesName, string inputName)
    {
        if (_prices is not null || _estimates is not null)
        {
            throw new InvalidOperationException("The frame is already marked to market or nowcast; nowcast the balance-sheet frame instead.");
        }

        var digital = new decimal?[Count];
        var total = new decimal?[Count];
        var units = new decimal?[Count];
        var notes = new string[Count][];
        var estimates = new IssuerSnapshot?[Count];
        var errors = new List<(string File, InputError Error)>();
        var unitsStore = Store<AmountColumn>("units");
        for (int row = 0; row < Count; row++)
        {
            digital[row] = Digital.ValueAt(row);
            total[row] = Total.ValueAt(row);
            units[row] = unitsStore?.ValueAt(row);
            notes[row] = [];
            var snapshot = ToSnapshot(row);
            var mine = events.Announcements.Where(a => string.Equals(a.Ticker, snapshot.Issuer.Ticker, StringComparison.OrdinalIgnoreCase) && a.Announced > snapshot.AsOf && a.Announced <= on).ToList();
            if (snapshot.Currency != Currency.Usd)
            {
                notes[row] = [Nowcasting.NowcastText.NotNowcastCurrency(snapshot.Currency)];
                continue;
            }

            if (snapshot.Holdings.Count == 0 && mine.Count == 0)
            {
                continue;
            }

            try
            {
                var estimate = Nowcasting.Nowcast.Estimate(snapshot, mine, prices, on);
                estimates[row] = estimate.Snapshot;
                digital[row] = estimate.Snapshot.DigitalAssets;
                total[row] = estimate.Snapshot.TotalAssets;
                units[row] = estimate.Units;
                notes[row] = [.. estimate.Snapshot.ValuationNotes];
            }
            catch (Nowcasting.NowcastException e) when (e.Announcement is null && e.MissingPriceOf is null && mine.Count == 0)
            {
                // The balance sheet itself cannot be carried (units or total assets not reported) and nothing was announced: as filed.
                notes[row] = [Nowcasting.NowcastText.NotNowcast(e.Message)];
            }
            catch (Nowcasting.NowcastException e)
            {
                var culprit = e.Announcement ?? (e.MissingPriceOf is { } asset ? mine.FirstOrDefault(a => string.Equals(a.Asset, asset, StringComparison.OrdinalIgnoreCase)) : null);
                errors.Add(culprit is not null
                    ? (events.SourceName, new InputError(events.LineOf(culprit), e.Field ?? "asset", e.Message + (e.MissingPriceOf is not null ? $" (add it to {pricesName})" : string.Empty)))
                    : (inputName, new InputError(LineAt(row), e.Field ?? (e.MissingPriceOf is not null ? "asset" : null), e.Message + (e.MissingPriceOf is not null ? $" (add it to {pricesName})" : string.Empty))));
            }
        }

        if (errors.Count > 0)
        {
            string file = errors[0].File;
            throw new InputException(file, [.. errors.Where(e => e.File == file).Select(e => e.Error)]);
        }

        var stores = new Dictionary<string, ColumnStore>(_stores, StringComparer.Ordinal)
        {
            ["digital_assets_usd"] = AmountColumn.Of(Digital.Column, digital),
            ["total_assets_usd"] = AmountColumn.Of(Total.Column, total),
            ["units"] = AmountColumn.Of(unitsStore?.Column ?? SnapshotSchema.Columns.First(c => c.Name == "units"), units),
        };
        var table = new SnapshotTable(stores) { _valuationNotes = notes, _estimates = estimates };
        table.Count = Count;
        table._lineRuns.AddRange(_lineRuns);
        return table;
    }

    private static bool FitsCents(decimal amount) =>
        amount * 100m == decimal.Truncate(amount * 100m) && Math.Abs(amount * 100m) < AmountColumn.CentsLimit;

    /// <summary>Sets the culture whose notation the amount columns read (<see cref="SnapshotReadOptions.Culture"/>); before the first row.</summary>
    /// <param name="culture">The culture, or <see langword="null"/> for plain decimal notation.</param>
    internal void SetNotation(NumberCulture? culture)
    {
        foreach (var store in _stores.Values.OfType<AmountColumn>())
        {
            store.Notation = culture;
        }
    }

    /// <summary>Makes room for <paramref name="rows"/> rows in every column (a hint from the file size).</summary>
    /// <param name="rows">The expected row count.</param>
    internal void Reserve(int rows)
    {
        foreach (var store in _stores.Values)
        {
            store.Reserve(rows);
        }
    }

    /// <summary>
    /// Creates a table for one part of a file read on several cores: its rows are written into this table's columns from
    /// row <paramref name="rowBase"/> on (<see cref="ColumnStore.PartAt"/>); this table must have room for them
    /// (<see cref="Reserve"/>). The part counts its own rows and lines; <see cref="Join"/> takes them in.
    /// </summary>
    /// <param name="rowBase">Where the part's first row goes.</param>
    /// <returns>The part.</returns>
    internal SnapshotTable PartAt(int rowBase) =>
        new(_stores.ToDictionary(s => s.Key, s => s.Value.PartAt(rowBase), StringComparer.Ordinal));

    /// <summary>Takes in the rows of the parts, in file order: this table then holds them back to back, with their lines.</summary>
    /// <param name="parts">Each part (made by <see cref="PartAt"/> on this empty table), its row base, and the number to add to its line numbers.</param>
    internal void Join(IReadOnlyList<(SnapshotTable Part, int Base, int LineOffset)> parts)
    {
        var starts = new int[parts.Count];
        for (int i = 1; i < parts.Count; i++)
        {
            starts[i] = starts[i - 1] + parts[i - 1].Part.Count;
        }

        foreach (var (name, store) in _stores)
        {
            store.Join(parts.Select((p, i) => new PartRows(p.Part._stores[name], p.Base, starts[i], p.Part.Count)).ToList());
        }

        for (int i = 0; i < parts.Count; i++)
        {
            // Part row r (part line r + d) is row start + r on line r + d + offset: delta d + offset - start.
            foreach (var (row, delta) in parts[i].Part._lineRuns)
            {
                int global = delta + parts[i].LineOffset - starts[i];
                if (_lineRuns.Count == 0 || _lineRuns[^1].Delta != global)
                {
                    _lineRuns.Add((starts[i] + row, global));
                }
            }
        }

        Count = parts.Count == 0 ? 0 : starts[^1] + parts[^1].Part.Count;
    }

    /// <summary>Commits the row just parsed into every store (at index <see cref="Count"/>).</summary>
    /// <param name="line">Its line.</param>
    internal void Commit(int line)
    {
        if (_lineRuns.Count == 0 || _lineRuns[^1].Delta != line - Count)
        {
            _lineRuns.Add((Count, line - Count));
        }

        Count++;
    }
}
