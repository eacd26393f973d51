using System.Globalization;
using System.Text.Json;
using DatRules.Classification;

namespace DatRules.Data;

/// <summary>Texts shared by the screen outputs (<see cref="ScreenColumnsWriter"/>) and the other commands.</summary>
public static class ScreenWriter
{
    /// <summary>The input columns the digital-asset ratio depends on.</summary>
    internal static readonly HashSet<string> RatioInputs = new(StringComparer.OrdinalIgnoreCase) { "digital_assets_usd", "total_assets_usd" };

    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>The ratio as the JSON/CSV number: a fraction of 1 rounded to 10 decimals.</summary>
    internal static decimal? RoundedRatio(decimal? ratio) => ratio is { } r ? Math.Round(r, 10, MidpointRounding.ToEven) : null;

    /// <summary>The short name of a classification for narrow tables: "DAT", "Operating", "Indeterminate".</summary>
    /// <param name="c">The classification.</param>
    /// <returns>The text.</returns>
    public static string ShortClass(DatClassification c) => c switch
    {
        DatClassification.DigitalAssetTreasury => "DAT",
        DatClassification.OperatingCompany => "Operating",
        _ => "Indeterminate",
    };

    /// <summary>Writes a snapshot's provenance as a <c>provenance</c> object (members present only when known).</summary>
    internal static void WriteProvenance(Utf8JsonWriter json, DatRules.Issuers.Provenance p)
    {
        json.WriteStartObject("provenance");
        json.WriteString("source", p.Source);
        if (p.Cik is { } cik)
        {
            json.WriteNumber("cik", cik);
        }

        if (p.Accession is { } a)
        {
            json.WriteString("accession", a.ToString());
        }

        if (p.Form is { } form)
        {
            json.WriteString("form", form);
        }

        if (p.Filed is { } filed)
        {
            json.WriteString("filed", filed.ToString("yyyy-MM-dd", Inv));
        }

        if (p.Concepts.Count > 0)
        {
            json.WriteStartArray("concepts");
            foreach (var c in p.Concepts)
            {
                json.WriteStringValue(c);
            }

            json.WriteEndArray();
        }

        json.WriteEndObject();
    }
}
