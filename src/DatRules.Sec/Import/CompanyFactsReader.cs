using System.Text.Json;
using DatRules.Sec.Facts;

namespace DatRules.Sec.Import;

/// <summary>
/// Reads an SEC companyfacts file (<c>CIK##########.json</c>: <c>facts.{taxonomy}.{concept}.units.{unit}[]</c> with
/// <c>end</c>, <c>val</c>, <c>accn</c>, <c>fy</c>, <c>fp</c>, <c>form</c>, <c>filed</c>, <c>frame</c> and, on duration
/// facts, <c>start</c>). Only mapped concepts are read; duration facts are skipped.
/// </summary>
internal static class CompanyFactsReader
{
    public static void Read(Stream json, string source, SecImporter sink)
    {
        using var doc = JsonReading.Parse(json, source);
        var root = doc.RootElement;
        long cik = JsonReading.Cik(root, "cik", source, "$");
        string? name = JsonReading.OptionalString(root, "entityName");
        var facts = JsonReading.Required(root, "facts", source, "$");
        if (facts.ValueKind != JsonValueKind.Object)
        {
            throw new SecDataException(source, "$.facts", "expected an object of taxonomies");
        }

        var wanted = new HashSet<string>(sink.Map.Concepts, StringComparer.Ordinal);
        foreach (var taxonomy in facts.EnumerateObject())
        {
            if (taxonomy.Value.ValueKind != JsonValueKind.Object)
            {
                throw new SecDataException(source, JsonReading.Member("$.facts", taxonomy.Name), "expected an object of concepts");
            }

            foreach (var concept in taxonomy.Value.EnumerateObject())
            {
                string qualified = taxonomy.Name + ":" + concept.Name;
                if (!wanted.Contains(qualified))
                {
                    continue;
                }

                string conceptPath = JsonReading.Member(JsonReading.Member("$.facts", taxonomy.Name), concept.Name);
                var units = JsonReading.Required(concept.Value, "units", source, conceptPath);
                if (units.ValueKind != JsonValueKind.Object)
                {
                    throw new SecDataException(source, conceptPath + ".units", "expected an object of units");
                }

                foreach (var unit in units.EnumerateObject())
                {
                    string unitPath = JsonReading.Member(conceptPath + ".units", unit.Name);
                    if (unit.Value.ValueKind != JsonValueKind.Array)
                    {
                        throw new SecDataException(source, unitPath, "expected an array of facts");
                    }

                    int i = 0;
                    foreach (var fact in unit.Value.EnumerateArray())
                    {
                        string path = $"{unitPath}[{i++}]";
                        if (fact.ValueKind != JsonValueKind.Object)
                        {
                            throw new SecDataException(source, path, "expected a fact object");
                        }

                        LocalDate? start = null;
                        if (fact.TryGetProperty("start", out _))
                        {
                            // A duration fact: read only for a flow line item, and only when it covers one quarter.
                            if (!sink.Map.FlowConcepts.Contains(qualified))
                            {
                                continue;
                            }

                            var s = JsonReading.Date(fact, "start", source, path);
                            var e = JsonReading.Date(fact, "end", source, path);
                            if (Period.DaysBetween(s, e) is < 80 or > 100)
                            {
                                continue;
                            }

                            start = s;
                        }

                        sink.Accept(
                            new SecFact(
                                cik,
                                qualified,
                                unit.Name,
                                JsonReading.Date(fact, "end", source, path),
                                JsonReading.Decimal(fact, "val", source, path),
                                JsonReading.Accession(fact, "accn", source, path),
                                JsonReading.RequiredString(fact, "form", source, path),
                                JsonReading.Date(fact, "filed", source, path),
                                name,
                                Start: start),
                            SecImporter.CompanyFactsDataset,
                            source,
                            source,
                            path);
                    }
                }
            }
        }
    }
}
