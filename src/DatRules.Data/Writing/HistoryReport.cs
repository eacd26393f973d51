using System.Globalization;
using System.Text.Json;
using DatRules.Classification;
using DatRules.Policies;
using DatRules.Screening;
using NodaTime;

namespace DatRules.Data;

/// <summary>
/// <c>history</c> on the columnar engine: every row classified by the ratio test and by the provider's policy in force
/// on its balance-sheet date, written per issuer (in order of first appearance, tickers case-insensitive) and date. The
/// same answers and texts as <see cref="History.HistoryAnalysis"/> over domain snapshots (tests compare them), with no
/// domain object per row: the policies in force are looked up once per distinct date, each screened over the universe.
/// </summary>
public sealed class HistoryReport
{
    private readonly SnapshotTable _table;
    private readonly Universe _universe;
    private readonly PolicyScreening _test;
    private readonly IReadOnlyList<PolicyScreening> _underPolicy;
    private readonly int[] _policyOfRow;
    private readonly int[] _sorted;
    private readonly int[] _start;

    private HistoryReport(SnapshotTable table, Universe universe, PolicyScreening test, IReadOnlyList<PolicyScreening> underPolicy, int[] policyOfRow)
    {
        _table = table;
        _universe = universe;
        _test = test;
        _underPolicy = underPolicy;
        _policyOfRow = policyOfRow;
        (_sorted, _start) = universe.Groups;
    }

    /// <summary>Classifies every row of <paramref name="frame"/>.</summary>
    /// <param name="frame">The snapshots.</param>
    /// <param name="catalog">The policies.</param>
    /// <param name="provider">The provider whose policy in force applies on each date.</param>
    /// <returns>The history.</returns>
    /// <exception cref="PolicyNotFoundException">No policy of <paramref name="provider"/> is in force on a balance-sheet date.</exception>
    public static HistoryReport Create(SnapshotFrame frame, PolicyCatalog catalog, IndexProvider provider)
    {
        ArgumentNullException.ThrowIfNull(frame);
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(provider);
        var table = frame.Table;
        var policies = new List<IndexPolicy>();
        var indexOfPolicy = new Dictionary<IndexPolicy, int>(ReferenceEqualityComparer.Instance);
        var policyOfDay = new Dictionary<int, int>();
        var policyOfRow = new int[table.Count];
        for (int row = 0; row < table.Count; row++)
        {
            int day = table.AsOf[row];
            if (!policyOfDay.TryGetValue(day, out int k))
            {
                var policy = catalog.InForce(provider, LocalDate.FromDateOnly(DateOnly.FromDayNumber(day)));
                if (!indexOfPolicy.TryGetValue(policy, out k))
                {
                    k = policies.Count;
                    indexOfPolicy[policy] = k;
                    policies.Add(policy);
                }

                policyOfDay[day] = k;
            }

            policyOfRow[row] = k;
        }

        // Line-item criteria read the snapshots' line items: the universe is then built from them (as screen does).
        var universe = policies.Any(p => p.ReadsLineItems) ? Universe.From(table.ToSnapshots()) : table.BuildUniverse();
        var engine = new ScreeningEngine();
        var test = engine.Screen(universe, IndexPolicy.ClassificationOnly(DatClassifier.Msci.Threshold, DatClassifier.Msci.RuleName));
        return new HistoryReport(table, universe, test, engine.Screen(universe, policies), policyOfRow);
    }

    /// <summary>Writes the table: a block per issuer, then what the columns mean.</summary>
    /// <param name="o">Where to write.</param>
    public void WriteTable(TextWriter o)
    {
        for (int issuer = 0; issuer < _start.Length - 1; issuer++)
        {
            o.WriteLine($"{Ticker(issuer)}: first balance sheet at >= 50%: {FirstCrossed(issuer)?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "never"}");
            o.WriteLine($"{"As of",-10} {"Ratio",8}  {"MSCI test",-13} {"MSCI policy in force",-26} {"Under it",-9} Action");
            for (int j = _start[issuer]; j < _start[issuer + 1]; j++)
            {
                int row = _sorted[j];
                var screening = _underPolicy[_policyOfRow[row]];
                string action = ShortAction(screening, row);
                o.WriteLine(string.Create(
                    CultureInfo.InvariantCulture,
                    $"{AsOf(row):yyyy-MM-dd} {(_universe.RatioAt(row) is { } r ? (r * 100m).ToString("0.00", CultureInfo.InvariantCulture) + "%" : "n/a"),8}  {ScreenWriter.ShortClass(_test.ClassificationAt(row)),-13} {screening.Policy.Id,-26} {ScreenWriter.ShortClass(screening.ClassificationAt(row)),-9} {(action.Length <= 8 ? action : action[..7] + "~")}").TrimEnd());
            }

            o.WriteLine();
        }

        o.WriteLine("MSCI test: the ratio test alone (digital assets >= 50% of total assets).");
        o.WriteLine("Under it, Action: verdict and action of the MSCI policy in force on each as-of");
        o.WriteLine("date (--format json gives the action in full).");
    }

    /// <summary>Writes the CSV: a line per row, issuer by issuer.</summary>
    /// <param name="o">Where to write.</param>
    public void WriteCsv(TextWriter o) => CsvTable.Write(
        o,
        ["ticker", "as_of", "digital_asset_ratio", "classification", "msci_policy_in_force", "classification_under_policy_in_force", "first_crossed"],
        Enumerable.Range(0, _start.Length - 1).SelectMany(issuer =>
        {
            string ticker = Ticker(issuer);
            var first = FirstCrossed(issuer);
            return Rows(issuer).Select(row => (IReadOnlyList<object?>)
            [
                ticker, AsOf(row), ScreenWriter.RoundedRatio(_universe.RatioAt(row)), _test.ClassificationAt(row).ToString(),
                _underPolicy[_policyOfRow[row]].Policy.Id, _underPolicy[_policyOfRow[row]].ClassificationAt(row).ToString(), first,
            ]);
        }));

    /// <summary>Writes the JSON array (indented, as the serializer writes it), streamed in blocks.</summary>
    /// <param name="sink">Receives the UTF-8 output in order.</param>
    public void WriteJson(Action<ReadOnlySpan<byte>> sink)
    {
        using (var blocks = new JsonBlocks(sink))
        {
            var json = blocks.Json;
            json.WriteStartArray();
            for (int issuer = 0; issuer < _start.Length - 1; issuer++)
            {
                json.WriteStartObject();
                json.WriteString("ticker", Ticker(issuer));
                if (FirstCrossed(issuer) is { } first)
                {
                    json.WriteString("firstCrossed", first.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                }
                else
                {
                    json.WriteNull("firstCrossed");
                }

                json.WriteStartArray("points");
                foreach (int row in Rows(issuer))
                {
                    var screening = _underPolicy[_policyOfRow[row]];
                    json.WriteStartObject();
                    json.WriteString("asOf", AsOf(row).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                    if (ScreenWriter.RoundedRatio(_universe.RatioAt(row)) is { } ratio)
                    {
                        json.WriteNumber("digitalAssetRatio", ratio);
                    }
                    else
                    {
                        json.WriteNull("digitalAssetRatio");
                    }

                    json.WriteString("classification", _test.ClassificationAt(row).ToString());
                    json.WriteString("msciPolicyInForce", screening.Policy.Id);
                    json.WriteString("classificationUnderPolicyInForce", screening.ClassificationAt(row).ToString());
                    json.WriteString("actionUnderPolicyInForce", Action(screening, row));
                    json.WriteEndObject();
                }

                json.WriteEndArray();
                json.WriteEndObject();
                blocks.FlushIfLarge();
            }

            json.WriteEndArray();
            blocks.Complete();
        }

    }

    private IEnumerable<int> Rows(int issuer)
    {
        for (int j = _start[issuer]; j < _start[issuer + 1]; j++)
        {
            yield return _sorted[j];
        }
    }

    private string Ticker(int issuer) => _universe.IssuerTickers[issuer];

    private LocalDate AsOf(int row) => LocalDate.FromDateOnly(DateOnly.FromDayNumber(_table.AsOf[row]));

    /// <summary>The as-of date of the issuer's first balance sheet the ratio test calls a DAT.</summary>
    private LocalDate? FirstCrossed(int issuer)
    {
        for (int j = _start[issuer]; j < _start[issuer + 1]; j++)
        {
            if (_test.ClassificationAt(_sorted[j]) == DatClassification.DigitalAssetTreasury)
            {
                return AsOf(_sorted[j]);
            }
        }

        return null;
    }

    private static string Action(PolicyScreening screening, int row) =>
        ActionText.Describe(screening.Policy, screening.ClassificationAt(row), screening.ActionAt(row));

    private static string ShortAction(PolicyScreening screening, int row) =>
        ActionText.Abbreviate(screening.Policy, screening.ClassificationAt(row), screening.ActionAt(row));
}
