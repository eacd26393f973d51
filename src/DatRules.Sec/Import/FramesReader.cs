using System.Globalization;
using System.Text.Json;
using DatRules.Sec.Facts;

namespace DatRules.Sec.Import;

/// <summary>
/// Reads an SEC frames file (one concept, one period, every filer: <c>taxonomy</c>, <c>tag</c>, <c>ccp</c>, <c>uom</c>,
/// <c>data[]</c> with <c>accn</c>, <c>cik</c>, <c>entityName</c>, <c>loc</c>, <c>end</c>, <c>val</c>). Frames state no
/// form and no filed date: their snapshots cannot be placed in time unless another source gives the filing's date.
/// A fact whose date is outside the frame's quarter (nearest instants) is left out with a note.
/// </summary>
internal static class FramesReader
{
    public static void Read(Stream json, string source, SecImporter sink)
    {
        using var doc = JsonReading.Parse(json, source);
        var root = doc.RootElement;
        string taxonomy = JsonReading.RequiredString(root, "taxonomy", source, "$");
        string tag = JsonReading.RequiredString(root, "tag", source, "$");
        string ccp = JsonReading.RequiredString(root, "ccp", source, "$");
        string uom = JsonReading.RequiredString(root, "uom", source, "$");
        if (!ccp.EndsWith('I'))
        {
            throw new SecDataException(source, "$.ccp", $"'{ccp}' is a duration frame; only instant frames (ending in I, e.g. CY2025Q3I) hold balance-sheet amounts");
        }

        var (first, last) = Window(ccp, source, out var quarterEnd);

        string concept = taxonomy + ":" + tag;
        if (!sink.Map.Concepts.Contains(concept))
        {
            throw new SecDataException(source, "$.tag", $"'{concept}' is not in the concept map (reads: {string.Join(", ", sink.Map.Concepts)})");
        }

        var data = JsonReading.Required(root, "data", source, "$");
        if (data.ValueKind != JsonValueKind.Array)
        {
            throw new SecDataException(source, "$.data", "expected an array of facts");
        }

        int i = 0;
        foreach (var fact in data.EnumerateArray())
        {
            string path = $"$.data[{i++}]";
            long cik = JsonReading.Cik(fact, "cik", source, path);
            var end = JsonReading.Date(fact, "end", source, path);
            decimal value = JsonReading.Decimal(fact, "val", source, path);
            var accession = JsonReading.Accession(fact, "accn", source, path);
            string? entityName = JsonReading.OptionalString(fact, "entityName");
            if (end < first || end > last)
            {
                sink.LeaveOut(cik, entityName, accession, end, string.Create(
                    CultureInfo.InvariantCulture,
                    $"{source}: {path}: {concept} ends {end:yyyy-MM-dd}, outside frame {ccp} (instants nearest to {quarterEnd:yyyy-MM-dd}: {first:yyyy-MM-dd} to {last:yyyy-MM-dd}); left out"));
                continue;
            }

            sink.Accept(
                new SecFact(cik, concept, uom, end, value, accession, Form: null, Filed: null, entityName),
                SecImporter.FramesDataset,
                source,
                source,
                path);
        }
    }

    /// <summary>
    /// The instants an instant frame <c>CY####Q#I</c> holds: the SEC puts in it each filer's fact that best fits the
    /// calendar quarter's end, so the window runs from halfway after the previous quarter's end to halfway before the next.
    /// </summary>
    private static (LocalDate First, LocalDate Last) Window(string ccp, string source, out LocalDate quarterEnd)
    {
        if (ccp.Length != 9 || !ccp.StartsWith("CY", StringComparison.Ordinal) || ccp[6] != 'Q' || ccp[8] != 'I'
            || !int.TryParse(ccp.AsSpan(2, 4), NumberStyles.None, CultureInfo.InvariantCulture, out int year) || year < 1900
            || ccp[7] is < '1' or > '4')
        {
            throw new SecDataException(source, "$.ccp", $"'{ccp}' is not an instant frame period of the form CY####Q#I (e.g. CY2025Q3I)");
        }

        static LocalDate EndOfQuarter(int y, int q) => new LocalDate(y, q * 3, 1).PlusMonths(1).PlusDays(-1);
        int quarter = ccp[7] - '0';
        quarterEnd = EndOfQuarter(year, quarter);
        var previous = quarter == 1 ? EndOfQuarter(year - 1, 4) : EndOfQuarter(year, quarter - 1);
        var next = quarter == 4 ? EndOfQuarter(year + 1, 1) : EndOfQuarter(year, quarter + 1);
        return (previous.PlusDays(Period.DaysBetween(previous, quarterEnd) / 2), quarterEnd.PlusDays(Period.DaysBetween(quarterEnd, next) / 2));
    }
}
