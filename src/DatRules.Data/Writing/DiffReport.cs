using System.Globalization;
using System.Text.Json;
using DatRules.Classification;
using DatRules.Policies;
using DatRules.Screening;
using NodaTime;

namespace DatRules.Data;

/// <summary>
/// <c>diff</c> on the columnar engine: both policies screened over the universe, and the rows whose classification or
/// action differs, with the texts of <see cref="RuleChange.Compare(IEnumerable{Issuers.IssuerSnapshot}, IndexPolicy, IndexPolicy)"/>
/// (tests compare them), with no domain decision per row.
/// </summary>
public sealed class DiffReport
{
    private readonly SnapshotTable _table;
    private readonly Universe _universe;
    private readonly PolicyScreening _before;
    private readonly PolicyScreening _after;
    private readonly int[] _changed;

    private DiffReport(SnapshotTable table, Universe universe, PolicyScreening before, PolicyScreening after)
    {
        _table = table;
        _universe = universe;
        _before = before;
        _after = after;
        var changed = new List<int>();
        for (int row = 0; row < table.Count; row++)
        {
            if (ClassificationChanged(row) || ActionChanged(row))
            {
                changed.Add(row);
            }
        }

        _changed = [.. changed];
    }

    /// <summary>Screens the rows of <paramref name="frame"/> under both policies.</summary>
    /// <param name="frame">The snapshots.</param>
    /// <param name="from">The first policy.</param>
    /// <param name="to">The second policy.</param>
    /// <returns>The changes.</returns>
    public static DiffReport Create(SnapshotFrame frame, IndexPolicy from, IndexPolicy to)
    {
        ArgumentNullException.ThrowIfNull(frame);
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        var table = frame.Table;
        var universe = frame.ToUniverse();
        var screens = new ScreeningEngine().Screen(universe, [from, to]);
        return new DiffReport(table, universe, screens[0], screens[1]);
    }

    /// <summary>Writes the table: both policies, the count, and three lines per change.</summary>
    /// <param name="o">Where to write.</param>
    public void WriteTable(TextWriter o)
    {
        o.WriteLine($"from: {_before.Policy}");
        o.WriteLine($"to:   {_after.Policy}");
        o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{_changed.Length:#,0} of {Plural.Issuers(_table.Count)} {(_changed.Length == 1 ? "changes" : "change")}."));
        o.WriteLine();
        foreach (int row in _changed)
        {
            o.WriteLine($"{_table.Ticker.StringAt(row),-8} {AsOf(row).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}  {ScreenWriter.ShortClass(_before.ClassificationAt(row))} -> {ScreenWriter.ShortClass(_after.ClassificationAt(row))}");
            o.WriteLine($"    before: {Describe(_before, row)}");
            o.WriteLine($"    after:  {Describe(_after, row)}");
        }
    }

    /// <summary>Writes the CSV: a line per change.</summary>
    /// <param name="o">Where to write.</param>
    public void WriteCsv(TextWriter o) => CsvTable.Write(
        o,
        ["ticker", "as_of", "digital_asset_ratio", "classification_changed", "action_changed", "before_policy", "before_classification", "before_action", "after_policy", "after_classification", "after_action"],
        _changed.Select(row => (IReadOnlyList<object?>)
        [
            _table.Ticker.StringAt(row), AsOf(row), ScreenWriter.RoundedRatio(_universe.RatioAt(row)), ClassificationChanged(row), ActionChanged(row),
            _before.Policy.Id, _before.ClassificationAt(row).ToString(), Describe(_before, row), _after.Policy.Id, _after.ClassificationAt(row).ToString(), Describe(_after, row),
        ]));

    /// <summary>Writes the JSON document (indented, as the serializer writes it), streamed in blocks, with each side's reasons.</summary>
    /// <param name="sink">Receives the UTF-8 output in order.</param>
    public void WriteJson(Action<ReadOnlySpan<byte>> sink)
    {
        var reasons = (Before: new ReasonWriter(_table, _before.Policy, DatClassifier.Msci), After: new ReasonWriter(_table, _after.Policy, DatClassifier.Msci));
        using (var blocks = new JsonBlocks(sink))
        {
            var json = blocks.Json;
            json.WriteStartObject();
            json.WriteString("from", _before.Policy.Id);
            json.WriteString("to", _after.Policy.Id);
            json.WriteNumber("screened", _table.Count);
            json.WriteStartArray("changes");
            foreach (int row in _changed)
            {
                json.WriteStartObject();
                json.WriteString("ticker", _table.Ticker.StringAt(row));
                json.WriteString("asOf", AsOf(row).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                if (ScreenWriter.RoundedRatio(_universe.RatioAt(row)) is { } ratio)
                {
                    json.WriteNumber("digitalAssetRatio", ratio);
                }
                else
                {
                    json.WriteNull("digitalAssetRatio");
                }

                json.WriteBoolean("classificationChanged", ClassificationChanged(row));
                json.WriteBoolean("actionChanged", ActionChanged(row));
                Side("before", _before, reasons.Before, row);
                Side("after", _after, reasons.After, row);
                json.WriteEndObject();
                blocks.FlushIfLarge();
            }

            json.WriteEndArray();
            json.WriteEndObject();
            blocks.Complete();

            void Side(string name, PolicyScreening screening, ReasonWriter reasonWriter, int row)
            {
                json.WriteStartObject(name);
                json.WriteString("policy", screening.Policy.Id);
                json.WriteString("classification", screening.ClassificationAt(row).ToString());
                json.WriteString("action", Describe(screening, row));
                json.WriteStartArray("reasons");
                reasonWriter.Build(row, screening.ClassificationAt(row));
                for (int k = 0; k < reasonWriter.Count; k++)
                {
                    json.WriteStringValue(reasonWriter[k]);
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }
        }

    }

    private static string Describe(PolicyScreening screening, int row) =>
        ActionText.Describe(screening.Policy, screening.ClassificationAt(row), screening.ActionAt(row));

    private LocalDate AsOf(int row) => LocalDate.FromDateOnly(DateOnly.FromDayNumber(_table.AsOf[row]));

    private bool ClassificationChanged(int row) => _before.Classifications[row] != _after.Classifications[row];

    /// <summary>As <see cref="IssuerChange.ActionChanged"/>: the actions differ, or both are unknown and what a constituent or a non-constituent would get differs.</summary>
    private bool ActionChanged(int row) =>
        RuleChange.ActionChanged(_before.Policy, _before.ClassificationAt(row), _before.ActionAt(row), _after.Policy, _after.ClassificationAt(row), _after.ActionAt(row));
}
