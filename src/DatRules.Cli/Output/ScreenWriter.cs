using System.Globalization;
using System.Text.Json;
using DatRules.Classification;
using nietras.SeparatedValues;

namespace DatRules.Cli.Output;

/// <summary>Writes screen rows as an 80-column table, a JSON array or CSV.</summary>
internal static class ScreenWriter
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static void Write(IReadOnlyList<ScreenRow> rows, OutputFormat format, TextWriter output, string heading)
    {
        switch (format)
        {
            case OutputFormat.Json:
                WriteJson(rows, output);
                break;
            case OutputFormat.Csv:
                WriteCsv(rows, output);
                break;
            default:
                WriteTable(rows, output, heading);
                break;
        }
    }

    /// <summary>The ratio as the JSON/CSV number: a fraction of 1 rounded to 10 decimals.</summary>
    internal static decimal? RoundedRatio(decimal? ratio) => ratio is { } r ? Math.Round(r, 10, MidpointRounding.ToEven) : null;

    internal static string ShortClass(DatClassification c) => c switch
    {
        DatClassification.DigitalAssetTreasury => "DAT",
        DatClassification.OperatingCompany => "Operating",
        _ => "Indeterminate",
    };

    private static void WriteJson(IReadOnlyList<ScreenRow> rows, TextWriter output)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartArray();
            foreach (var r in rows)
            {
                json.WriteStartObject();
                json.WriteString("ticker", r.Ticker);
                if (r.Name is not null)
                {
                    json.WriteString("name", r.Name);
                }

                json.WriteString("asOf", r.AsOf.ToString("yyyy-MM-dd", Inv));
                json.WriteString("classification", r.Classification.ToString());
                if (RoundedRatio(r.Ratio) is { } ratio)
                {
                    json.WriteNumber("digitalAssetRatio", ratio);
                }
                else
                {
                    json.WriteNull("digitalAssetRatio");
                }

                if (r.PolicyId is not null)
                {
                    json.WriteString("policy", r.PolicyId);
                    json.WriteString("action", r.Action);
                }

                json.WriteBoolean("estimate", r.IsEstimate);
                if (r.Provenance is { } p)
                {
                    WriteProvenance(json, p);
                }

                json.WriteStartArray("reasons");
                foreach (var reason in r.Reasons)
                {
                    json.WriteStringValue(reason);
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        output.WriteLine(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
    }

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

    /// <summary>The provenance columns of the CSV output (written when any row has a provenance).</summary>
    internal static void SetProvenanceColumns(SepWriter.Row row, DatRules.Issuers.Provenance? p)
    {
        row["cik"].Set(p?.Cik is { } cik ? cik.ToString(Inv) : string.Empty);
        row["filed"].Set(p?.Filed is { } f ? f.ToString("yyyy-MM-dd", Inv) : string.Empty);
        row["accession"].Set(p?.Accession?.ToString() ?? string.Empty);
        row["form"].Set(p?.Form ?? string.Empty);
        row["source"].Set(p?.Source ?? string.Empty);
    }

    private static void WriteCsv(IReadOnlyList<ScreenRow> rows, TextWriter output)
    {
        bool withPolicy = rows.Any(r => r.PolicyId is not null);
        bool withProvenance = rows.Any(r => r.Provenance is not null);
        using var writer = Sep.New(',').Writer(o => o with { Escape = true }).To(output, leaveOpen: true);
        foreach (var r in rows)
        {
            using var row = writer.NewRow();
            row["ticker"].Set(r.Ticker);
            row["as_of"].Set(r.AsOf.ToString("yyyy-MM-dd", Inv));
            row["classification"].Set(r.Classification.ToString());
            row["digital_asset_ratio"].Set(RoundedRatio(r.Ratio)?.ToString(Inv) ?? string.Empty);
            if (withPolicy)
            {
                row["policy"].Set(r.PolicyId ?? string.Empty);
                row["action"].Set(r.Action ?? string.Empty);
            }

            if (withProvenance)
            {
                SetProvenanceColumns(row, r.Provenance);
            }

            row["estimate"].Set(r.IsEstimate ? "true" : "false");
            row["reasons"].Set(string.Join(" | ", r.Reasons));
        }
    }

    private static void WriteTable(IReadOnlyList<ScreenRow> rows, TextWriter output, string heading)
    {
        bool withPolicy = rows.Any(r => r.PolicyId is not null);
        output.WriteLine(heading);
        output.WriteLine();

        // Widths chosen so that a line never exceeds 80 columns.
        if (withPolicy)
        {
            output.WriteLine($"{"Ticker",-8} {"As of",-10} {"Ratio",8}  {"Class",-13} Action");
            output.WriteLine(new string('-', 78));
            foreach (var r in rows)
            {
                output.WriteLine($"{Fit(r.Ticker, 8),-8} {r.AsOf.ToString("yyyy-MM-dd", Inv),-10} {Pct(r),8}  {ShortClass(r.Classification),-13} {Fit(r.ShortAction ?? "-", 34)}".TrimEnd());
            }
        }
        else
        {
            output.WriteLine($"{"Ticker",-8} {"As of",-10} {"Ratio",8}  {"Class",-13} Name");
            output.WriteLine(new string('-', 78));
            foreach (var r in rows)
            {
                output.WriteLine($"{Fit(r.Ticker, 8),-8} {r.AsOf.ToString("yyyy-MM-dd", Inv),-10} {Pct(r),8}  {ShortClass(r.Classification),-13} {Fit(r.Name ?? string.Empty, 34),-34}".TrimEnd());
            }
        }

        output.WriteLine(new string('-', 78));
        int dat = rows.Count(r => r.Classification == DatClassification.DigitalAssetTreasury);
        int op = rows.Count(r => r.Classification == DatClassification.OperatingCompany);
        int ind = rows.Count - dat - op;
        output.WriteLine(string.Create(Inv, $"{rows.Count} companies: {dat} DAT, {op} operating, {ind} indeterminate."));
        if (withPolicy)
        {
            output.WriteLine("Action 'A | B': A if an index constituent, B if not (constituency unknown).");
        }

        if (rows.Any(r => r.IsEstimate))
        {
            output.WriteLine("* ratio uses estimated inputs (not from a filing); --format json lists them.");
        }

        foreach (var r in rows.Where(r => r.Classification == DatClassification.Indeterminate))
        {
            output.WriteLine(Fit($"{r.Ticker}: {(r.Reasons.Count > 0 ? r.Reasons[0] : string.Empty)}", 78));
        }
    }

    private static string Pct(ScreenRow r) =>
        (r.Ratio is { } x ? (x * 100m).ToString("0.00", Inv) + "%" : "n/a") + (r.IsEstimate ? "*" : " ");

    private static string Fit(string s, int width) => s.Length <= width ? s : string.Concat(s.AsSpan(0, width - 1), "~");
}
