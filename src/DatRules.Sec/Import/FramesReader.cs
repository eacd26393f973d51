using System.Text.Json;
using DatRules.Sec.Facts;

namespace DatRules.Sec.Import;

/// <summary>
/// Reads an SEC frames file (one concept, one period, every filer: <c>taxonomy</c>, <c>tag</c>, <c>ccp</c>, <c>uom</c>,
/// <c>data[]</c> with <c>accn</c>, <c>cik</c>, <c>entityName</c>, <c>loc</c>, <c>end</c>, <c>val</c>). Frames state no
/// form and no filed date: their snapshots cannot be placed in time unless another source gives the filing's date.
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
            sink.Accept(
                new SecFact(
                    JsonReading.Cik(fact, "cik", source, path),
                    concept,
                    uom,
                    JsonReading.Date(fact, "end", source, path),
                    JsonReading.Decimal(fact, "val", source, path),
                    JsonReading.Accession(fact, "accn", source, path),
                    Form: null,
                    Filed: null,
                    JsonReading.OptionalString(fact, "entityName")),
                SecImporter.FramesDataset,
                source);
        }
    }
}
