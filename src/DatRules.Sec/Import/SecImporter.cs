using System.Collections.Immutable;
using System.Globalization;
using DatRules.Issuers;
using DatRules.Sec.Concepts;
using DatRules.Sec.Facts;

namespace DatRules.Sec.Import;

/// <summary>
/// Turns SEC XBRL data into issuer snapshots with provenance: add any number of companyfacts files, frames files and
/// Financial Statement Data Sets archives, then <see cref="Build"/>.
/// </summary>
/// <remarks>
/// <para>Facts are grouped by filer, filing (accession number), balance-sheet date and unit; a group with total assets
/// gives one snapshot, its digital assets from the same group (same filing, same date) by the <see cref="SecConceptMap"/>.
/// The same filing read from two sources (companyfacts and an archive) is one group. A filing has one form and one filed
/// date whatever the source (a second, different one is a <see cref="SecDataException"/>); frames state neither: a frames
/// fact takes them from another source of the same filing when there is one.</para>
/// <para>Nothing read is trusted: a balance sheet dated after its filed date, in a unit that is not an ISO 4217
/// currency code, or in two currencies gives no snapshot and a note in <see cref="SecImportResult.Indeterminate"/>;
/// malformed, oversized or ambiguous files are <see cref="SecDataException"/>s naming the file and place (docs/sec-data.md,
/// "What the importer refuses").</para>
/// <para>Reads streams the caller opens; no file or network I/O. Not thread-safe: one importer per import.</para>
/// </remarks>
public sealed class SecImporter
{
    internal const string CompanyFactsDataset = "sec-companyfacts";
    internal const string FramesDataset = "sec-frames";
    internal const string FsdsDataset = "sec-fsds";

    private readonly Dictionary<GroupKey, Group> _groups = [];
    private readonly Dictionary<AccessionNumber, Filing> _filings = [];
    private readonly List<SecImportIssue> _leftOut = [];
    private readonly SecTickerMap? _tickers;
    private long _factsRead;

    /// <summary>Initializes an importer.</summary>
    /// <param name="map">The concept map; <see cref="SecConceptMap.Default"/> if null.</param>
    /// <param name="tickers">Tickers by CIK (the SEC's company_tickers.json); without one, tickers are <c>CIK</c> + 10 digits.</param>
    public SecImporter(SecConceptMap? map = null, SecTickerMap? tickers = null)
    {
        Map = map ?? SecConceptMap.Default;
        _tickers = tickers;
    }

    /// <summary>Gets or sets names by CIK for filers whose facts state none (companyfacts without <c>entityName</c>): the titles of company_tickers.json.</summary>
    internal IReadOnlyDictionary<long, string>? FallbackNames { get; init; }

    /// <summary>Gets the concept map in use.</summary>
    public SecConceptMap Map { get; }

    /// <summary>Reads one SEC companyfacts file (<c>CIK##########.json</c>).</summary>
    /// <param name="json">The file's content.</param>
    /// <param name="sourceName">The file name, for provenance and error messages.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="SecDataException">The file is malformed; the message names the JSON path or line.</exception>
    public void AddCompanyFacts(Stream json, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(sourceName);
        CompanyFactsReader.Read(json, sourceName, this);
    }

    /// <summary>Reads one SEC frames file (one concept, one instant period, every filer).</summary>
    /// <param name="json">The file's content.</param>
    /// <param name="sourceName">The file name, for provenance and error messages.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="SecDataException">The file is malformed, a duration frame, or of a concept the map does not read.</exception>
    public void AddFrames(Stream json, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(sourceName);
        FramesReader.Read(json, sourceName, this);
    }

    /// <summary>Reads one quarterly Financial Statement Data Sets archive (the zip with sub.txt and num.txt).</summary>
    /// <param name="zip">The archive (seekable).</param>
    /// <param name="sourceName">The file name, for provenance and error messages.</param>
    /// <param name="progress">Receives the fraction of num.txt read, 0 to 1.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="SecDataException">The archive or a file in it is malformed; the message names the entry and line.</exception>
    public void AddFinancialStatementDataSets(Stream zip, string sourceName, IProgress<double>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(zip);
        ArgumentNullException.ThrowIfNull(sourceName);
        FinancialStatementDataSetReader.Read(zip, sourceName, this, progress);
    }

    /// <summary>Builds the snapshots from everything read so far.</summary>
    /// <returns>The snapshots and what could not be used.</returns>
    /// <remarks>
    /// A balance sheet (filer, filing, date) gives no snapshot, and an entry in <see cref="SecImportResult.Indeterminate"/>
    /// says why, when its date is after the filing's filed date (look-ahead), when its amounts are in a unit that is not
    /// an ISO 4217 currency code, or when they are in more than one currency (no FX conversion is made).
    /// </remarks>
    public SecImportResult Build()
    {
        var snapshots = new List<IssuerSnapshot>(_groups.Count);
        var issues = new List<SecImportIssue>(_leftOut);
        var withoutTotal = new List<SecImportIssue>();
        var sheets = _groups
            .GroupBy(g => (g.Key.Cik, g.Key.Accession, g.Key.End))
            .OrderBy(s => s.Key.Cik).ThenBy(s => s.Key.End).ThenBy(s => FilingOf(s.Key.Accession).Filed ?? LocalDate.MinIsoValue).ThenBy(s => s.Key.Accession);
        foreach (var sheet in sheets)
        {
            var (cik, accession, end) = sheet.Key;
            var filing = FilingOf(accession);
            string? entityName = sheet.Select(g => g.Value.EntityName).FirstOrDefault(n => n is not null) ?? FallbackNames?.GetValueOrDefault(cik);
            if (filing.Filed is { } filed && end > filed)
            {
                issues.Add(new SecImportIssue(cik, entityName, accession, end, string.Create(
                    CultureInfo.InvariantCulture,
                    $"balance-sheet date {end:yyyy-MM-dd} is after the filing's filed date {filed:yyyy-MM-dd} ({filing.FiledSource}): a filing cannot report a balance sheet it has not seen; left out, never imported as known")));
                continue;
            }

            var currencies = new List<KeyValuePair<GroupKey, Group>>();
            foreach (var g in sheet.OrderBy(g => g.Key.Unit, StringComparer.Ordinal))
            {
                if (CurrencyCodes.IsCurrency(g.Key.Unit))
                {
                    currencies.Add(g);
                }
                else
                {
                    issues.Add(new SecImportIssue(cik, entityName, accession, end, $"unit '{g.Key.Unit}' is not an ISO 4217 currency code (three upper-case letters such as USD, EUR, JPY): {ConceptsOf(g.Value)} not read as an amount"));
                }
            }

            if (currencies.Count > 1)
            {
                issues.Add(new SecImportIssue(cik, entityName, accession, end, $"the balance sheet's amounts are in more than one currency ({string.Join("; ", currencies.Select(g => $"{g.Key.Unit}: {ConceptsOf(g.Value)}"))}); one balance sheet, one currency: no FX conversion is made (no FX table)"));
                continue;
            }

            if (currencies.Count == 1)
            {
                BuildOne(currencies[0].Key, currencies[0].Value, filing, snapshots, issues, withoutTotal);
            }
        }

        return new SecImportResult([.. snapshots], [.. issues], _factsRead, [.. withoutTotal]);
    }

    private static string ConceptsOf(Group group) => string.Join(", ", group.Values.Keys.Concat(group.Flows.Keys).Distinct().Order(StringComparer.Ordinal));

    private Filing FilingOf(AccessionNumber accession) => _filings.TryGetValue(accession, out var f) ? f : Filing.Unknown;

    /// <summary>One balance sheet in one currency: a snapshot, or an entry in <paramref name="issues"/> or <paramref name="withoutTotal"/>.</summary>
    private void BuildOne(GroupKey key, Group group, Filing filing, List<IssuerSnapshot> snapshots, List<SecImportIssue> issues, List<SecImportIssue> withoutTotal)
    {
        if (!group.Values.TryGetValue(Map.TotalAssetsConcept, out decimal total))
        {
            var found = Map.AlternativesFor(key.Cik, key.End).Select(a => a.Concepts.Where(group.Values.ContainsKey).ToList()).FirstOrDefault(c => c.Count > 0) ?? [];
            if (found.Count == 0)
            {
                return; // only line items (e.g. a comparative quarter's revenue): nothing to screen
            }

            decimal sum = found.Sum(c => group.Values[c]);
            withoutTotal.Add(new SecImportIssue(
                key.Cik,
                group.EntityName ?? FallbackNames?.GetValueOrDefault(key.Cik),
                key.Accession,
                key.End,
                string.Create(CultureInfo.InvariantCulture, $"No {Map.TotalAssetsConcept} in this filing for this date: digital assets {sum} {key.Unit} ({string.Join(" + ", found)}) cannot be put in a ratio.")));
            return;
        }

        // A conflict in a ratio input leaves the balance sheet unclassifiable; one in a line item drops that item only.
        string? problem = RatioConflict(group, key) ?? (total < 0m ? $"{Map.TotalAssetsConcept} is negative ({total.ToString(CultureInfo.InvariantCulture)})" : null);
        decimal digital = 0m;
        var concepts = new List<string> { Map.TotalAssetsConcept };
        string? note = null;
        string? mappingCitation = null;
        if (problem is null)
        {
            bool any = false;
            foreach (var (alternative, mapping) in Map.AlternativesFor(key.Cik, key.End))
            {
                foreach (var c in alternative)
                {
                    if (group.Values.TryGetValue(c, out decimal v))
                    {
                        any = true;
                        digital += v;
                        concepts.Add(c);
                    }
                }

                if (any)
                {
                    mappingCitation = mapping?.Citation;
                    break;
                }
            }

            if (!any)
            {
                string missing = $"No mapped digital-asset fact ({string.Join(", ", Map.AlternativesFor(key.Cik, key.End).SelectMany(a => a.Concepts).Distinct())}) in this filing";
                if (Map.WhenNoDigitalAssetFact == MissingDigitalAssetFact.Indeterminate)
                {
                    problem = missing + ".";
                }
                else
                {
                    note = missing + ": digital assets taken as zero.";
                }
            }
            else if (digital < 0m)
            {
                problem = $"digital assets are negative ({digital.ToString(CultureInfo.InvariantCulture)})";
            }
            else if (mappingCitation is not null)
            {
                note = $"Digital assets read by a per-issuer mapping ({string.Join(" + ", concepts.Skip(1))}): {mappingCitation}.";
            }
        }

        if (problem is not null)
        {
            issues.Add(new SecImportIssue(key.Cik, group.EntityName ?? FallbackNames?.GetValueOrDefault(key.Cik), key.Accession, key.End, problem));
            return;
        }

        var currency = new Currency(key.Unit);
        string ticker = _tickers?.TickerFor(key.Cik) ?? "CIK" + key.Cik.ToString("D10", CultureInfo.InvariantCulture);
        var provenance = new Provenance(string.Join(' ', group.Sources.Order(StringComparer.Ordinal)))
        {
            Cik = key.Cik,
            Accession = key.Accession,
            Form = filing.Form,
            Filed = filing.Filed,
            Concepts = concepts,
            Note = note,
        };
        DigitalAssetHolding[] holdings = digital == 0m ? [] : [new DigitalAssetHolding("CRYPTO", 0m, digital, currency)];
        snapshots.Add(new IssuerSnapshot(new IssuerId(ticker, group.EntityName ?? FallbackNames?.GetValueOrDefault(key.Cik)), key.End, total, holdings, currency)
        {
            Provenance = provenance,
            LineItems = LineItemsOf(group, key.End, provenance),
            HoldingKinds = HoldingKindsOf(group),
        });
    }

    /// <summary>The mapped kinds of crypto beyond the held one present in a group: the first present alternative of each, summed.</summary>
    private HoldingKindAmounts HoldingKindsOf(Group group)
    {
        var amounts = HoldingKindAmounts.None;
        foreach (var mapping in Map.HoldingKinds)
        {
            foreach (var alternative in mapping.Alternatives)
            {
                var present = alternative.Where(group.Values.ContainsKey).ToList();
                if (present.Count == 0)
                {
                    continue;
                }

                if (!present.Any(group.Conflicts.ContainsKey) && present.Sum(c => group.Values[c]) is var amount && amount > 0m)
                {
                    amounts = amounts.With(mapping.Kind, amount); // a conflict leaves the kind out, never guessed
                }

                break;
            }
        }

        return amounts;
    }

    /// <summary>The first conflict among the ratio inputs (total assets and every digital-asset concept), or null.</summary>
    private string? RatioConflict(Group group, GroupKey key)
    {
        if (group.Conflicts.Count == 0)
        {
            return null;
        }

        foreach (var concept in Map.AlternativesFor(key.Cik, key.End).SelectMany(a => a.Concepts).Prepend(Map.TotalAssetsConcept))
        {
            if (group.Conflicts.TryGetValue(concept, out var message))
            {
                return message;
            }
        }

        return null;
    }

    /// <summary>The mapped line items present in a group, each with the concepts it was read from.</summary>
    private List<LineItemValue> LineItemsOf(Group group, LocalDate end, Provenance provenance)
    {
        var values = new List<LineItemValue>();
        foreach (var mapping in Map.LineItems)
        {
            bool flow = mapping.Item.Kind == LineItemKind.Flow;
            foreach (var alternative in mapping.Alternatives)
            {
                var present = alternative.Where(c => flow ? group.Flows.ContainsKey(c) : group.Values.ContainsKey(c)).ToList();
                if (present.Count == 0)
                {
                    continue;
                }

                if (present.Any(group.Conflicts.ContainsKey))
                {
                    break; // two values for one of its concepts in the same filing: the item is left out, never guessed
                }

                var itemProvenance = provenance with { Concepts = present, Note = null };
                if (flow)
                {
                    var starts = present.Select(c => group.Flows[c].Start).Distinct().ToList();
                    if (starts.Count == 1)
                    {
                        values.Add(new LineItemValue(mapping.Item, present.Sum(c => group.Flows[c].Value), new DateInterval(starts[0], end)) { Provenance = itemProvenance });
                    }
                }
                else if (present.Sum(c => group.Values[c]) is var amount && amount >= 0m)
                {
                    values.Add(new LineItemValue(mapping.Item, amount) { Provenance = itemProvenance });
                }

                break;
            }
        }

        return values;
    }

    /// <summary>Takes one fact read by a reader (already filtered to the map's concepts, instant, undimensioned).</summary>
    /// <param name="fact">The fact.</param>
    /// <param name="dataset">The dataset, for provenance.</param>
    /// <param name="sourceName">The file, for provenance.</param>
    /// <param name="errorSource">The file or archive entry, for error messages.</param>
    /// <param name="location">Where the fact is in it (line or JSON path), for error messages.</param>
    /// <exception cref="SecDataException">The fact's filing was read before with another form or filed date.</exception>
    internal void Accept(in SecFact fact, string dataset, string sourceName, string errorSource, string location)
    {
        if (!string.IsNullOrEmpty(fact.Segments))
        {
            return;
        }

        CheckFiling(fact, sourceName, errorSource, location);
        _factsRead++;
        var key = new GroupKey(fact.Cik, fact.Accession, fact.End, fact.Unit);
        if (!_groups.TryGetValue(key, out var group))
        {
            group = new Group();
            _groups.Add(key, group);
        }

        group.Sources.Add($"{dataset} {sourceName}");
        group.EntityName ??= fact.EntityName;
        if (fact.Start is { } start)
        {
            if (group.Flows.TryGetValue(fact.Concept, out var flow))
            {
                if (flow.Start != start || flow.Value != fact.Value)
                {
                    group.Conflicts.TryAdd(fact.Concept, string.Create(
                        CultureInfo.InvariantCulture,
                        $"{fact.Concept} has two values in filing {fact.Accession} for the quarter ending {fact.End:yyyy-MM-dd}: {flow.Value} and {fact.Value}"));
                }
            }
            else
            {
                group.Flows.Add(fact.Concept, (start, fact.Value));
            }

            return;
        }

        if (group.Values.TryGetValue(fact.Concept, out decimal existing))
        {
            if (existing != fact.Value)
            {
                group.Conflicts.TryAdd(fact.Concept, string.Create(
                    CultureInfo.InvariantCulture,
                    $"{fact.Concept} has two values in filing {fact.Accession} for {fact.End:yyyy-MM-dd}: {existing} and {fact.Value}"));
            }
        }
        else
        {
            group.Values.Add(fact.Concept, fact.Value);
        }
    }

    /// <summary>Notes a fact a reader left out (e.g. a frames fact outside its frame's period); reported with <see cref="SecImportResult.Indeterminate"/>.</summary>
    internal void LeaveOut(long cik, string? entityName, AccessionNumber accession, LocalDate end, string reason) =>
        _leftOut.Add(new SecImportIssue(cik, entityName, accession, end, reason));

    /// <summary>One filing has one form and one filed date, whichever file states them: a second, different one is an error.</summary>
    private void CheckFiling(in SecFact fact, string sourceName, string errorSource, string location)
    {
        if (fact.Form is null && fact.Filed is null)
        {
            return;
        }

        var filing = FilingOf(fact.Accession);
        string where = $"{errorSource} at {location}";
        if (fact.Form is { } form)
        {
            if (filing.Form is null)
            {
                filing = filing with { Form = form, FormWhere = where };
            }
            else if (!string.Equals(filing.Form, form, StringComparison.Ordinal))
            {
                throw new SecDataException(errorSource, location, $"filing {fact.Accession} is form {form} here but form {filing.Form} in {filing.FormWhere}; one filing has one form");
            }
        }

        if (fact.Filed is { } filed)
        {
            if (filing.Filed is null)
            {
                filing = filing with { Filed = filed, FiledWhere = where, FiledSource = sourceName };
            }
            else if (filing.Filed != filed)
            {
                throw new SecDataException(errorSource, location, string.Create(
                    CultureInfo.InvariantCulture,
                    $"filing {fact.Accession} is filed {filed:yyyy-MM-dd} here but {filing.Filed:yyyy-MM-dd} in {filing.FiledWhere}; one filing has one filed date"));
            }
        }

        _filings[fact.Accession] = filing;
    }

    private readonly record struct GroupKey(long Cik, AccessionNumber Accession, LocalDate End, string Unit);

    /// <summary>What the sources say of one filing: its form and filed date, and where each was first read.</summary>
    private sealed record Filing(string? Form, string? FormWhere, LocalDate? Filed, string? FiledWhere, string? FiledSource)
    {
        public static Filing Unknown { get; } = new(null, null, null, null, null);
    }

    private sealed class Group
    {
        public Dictionary<string, decimal> Values { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, (LocalDate Start, decimal Value)> Flows { get; } = new(StringComparer.Ordinal);

        public HashSet<string> Sources { get; } = new(StringComparer.Ordinal);

        public string? EntityName { get; set; }

        /// <summary>Concepts with two different values in the group, and the message saying so.</summary>
        public Dictionary<string, string> Conflicts { get; } = new(StringComparer.Ordinal);
    }
}
