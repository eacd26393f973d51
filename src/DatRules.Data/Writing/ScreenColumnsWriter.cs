using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using DatRules.Classification;
using DatRules.Issuers;
using DatRules.Policies;

namespace DatRules.Data;

/// <summary>
/// Writes a screen (<see cref="ScreenColumns"/>) as CSV, JSON or the 80-column table, streamed in blocks of UTF-8 from
/// the columns: integers to text, reasons by <see cref="ReasonWriter"/>. Memory does not grow with the row count.
/// </summary>
internal static class ScreenColumnsWriter
{
    private const int FlushBytes = 1 << 16;

    /// <summary>Rows formatted at a time by each core in large CSV screens (a quarter of it with reasons, whose rows are about four times longer: each core's buffer stays near 0.5 MB).</summary>
    private const int ChunkRows = 8192;

    private static readonly byte[][] ClassNames =
    [
        "Indeterminate"u8.ToArray(),
        "OperatingCompany"u8.ToArray(),
        "DigitalAssetTreasury"u8.ToArray(),
    ];

    /// <summary>Writes the CSV.</summary>
    /// <param name="s">The screen.</param>
    /// <param name="withReasons">Whether to write the estimate and reasons columns.</param>
    /// <param name="sink">Receives the output in order.</param>
    public static void WriteCsv(ScreenColumns s, bool withReasons, Action<ReadOnlySpan<byte>> sink)
    {
        var table = s.Table;
        bool withProvenance = table.HasProvenance && Enumerable.Range(0, s.Count).Any(i => table.ProvenanceAt(s.RowAt(i)) is not null);
        var o = new Utf8Text(FlushBytes * 2);
        o.Append("ticker,as_of,classification,digital_asset_ratio"u8);
        if (s.Policy is not null)
        {
            o.Append(",policy,action,ratio_test_classification"u8);
        }

        if (withProvenance)
        {
            o.Append(",cik,filed,accession,form,source"u8);
        }

        if (withReasons)
        {
            o.Append(",estimate,reasons"u8);
        }

        o.Append((byte)'\n');
        var policyId = new Utf8Text(64);
        if (s.Policy is not null)
        {
            CsvCell.Write(policyId, s.Policy.Id);
        }

        if (s.Count >= 4 * ChunkRows && Environment.ProcessorCount > 1 && !table.HasFlows)
        {
            // Large screens: blocks of rows formatted on two cores, alternately, each with its own buffer; a core writes
            // its block when the block before it is written, then formats its next one while the other core writes.
            sink(o.Span);
            var writers = new[] { Rows(), Rows() };
            int rows = withReasons ? ChunkRows / 4 : ChunkRows;
            int blocks = (s.Count + rows - 1) / rows, written = 0;
            bool failed = false;
            var gate = new object();
            Cores.Run(2, core =>
            {
                var buffer = new Utf8Text(FlushBytes * 2);
                try
                {
                    for (int block = core; block < blocks; block += 2)
                    {
                        buffer.Clear();
                        writers[core](buffer, block * rows, Math.Min(s.Count, (block + 1) * rows), null);
                        lock (gate)
                        {
                            while (written != block && !failed)
                            {
                                Monitor.Wait(gate);
                            }

                            if (failed)
                            {
                                return;
                            }

                            sink(buffer.Span);
                            written++;
                            Monitor.PulseAll(gate);
                        }
                    }
                }
                catch
                {
                    // The other core stops waiting; the exception is the one reported.
                    lock (gate)
                    {
                        failed = true;
                        Monitor.PulseAll(gate);
                    }

                    throw;
                }
            });

            return;
        }

        Rows()(o, 0, s.Count, sink);
        sink(o.Span);
        return;

        // Writes rows [from, to) after what o holds, passing o to flush (when given) whenever it grows large.
        Action<Utf8Text, int, int, Action<ReadOnlySpan<byte>>?> Rows()
        {
            var actions = ActionTexts(s.Policy, ActionText.Describe);
            var reasons = withReasons ? new ReasonWriter(table, s.Policy, s.Classifier, s.Age) : null;
            return (o, from, to, flush) =>
            {
                var classes = s.Screening.Classifications;
                for (int i = from; i < to; i++)
                {
                    int row = s.RowAt(i);
                    byte cls = (byte)classes[row];
                    CsvCell.Write(o, table.Ticker[row]);
                    o.Append((byte)',');
                    o.AppendDate(table.AsOf[row]);
                    o.Append((byte)',');
                    o.Append(ClassNames[cls]);
                    o.Append((byte)',');
                    Ratio(o, s, row);
                    if (s.Policy is not null)
                    {
                        o.Append((byte)',');
                        o.Append(policyId.Span);
                        o.Append((byte)',');
                        CsvCell.Write(o, actions(s.Screening, row));
                        o.Append((byte)',');
                        o.Append(ClassNames[(int)s.RatioTest!.Classifications[row]]);
                    }

                    if (withProvenance)
                    {
                        var p = table.ProvenanceAt(row);
                        o.Append((byte)',');
                        if (p?.Cik is { } cik)
                        {
                            o.AppendInteger(cik);
                        }

                        o.Append((byte)',');
                        if (p?.Filed is { } filed)
                        {
                            o.Append(filed.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                        }

                        o.Append((byte)',');
                        CsvCell.Write(o, p?.Accession?.ToString() ?? string.Empty);
                        o.Append((byte)',');
                        CsvCell.Write(o, p?.Form ?? string.Empty);
                        o.Append((byte)',');
                        CsvCell.Write(o, p?.Source ?? string.Empty);
                    }

                    if (reasons is not null)
                    {
                        o.Append(table.IsRatioEstimateAt(row) ? ",true,"u8 : ",false,"u8);
                        reasons.Build(row, (DatClassification)cls);
                        JoinedReasons(o, reasons);
                    }

                    o.Append((byte)'\n');
                    if (flush is not null && o.Length >= FlushBytes)
                    {
                        flush(o.Span);
                        o.Clear();
                    }
                }
            };
        }
    }

    /// <summary>Writes the JSON array (indented, as before), streamed.</summary>
    /// <param name="s">The screen.</param>
    /// <param name="sink">Receives the output in order.</param>
    public static void WriteJson(ScreenColumns s, Action<ReadOnlySpan<byte>> sink)
    {
        var table = s.Table;
        var buffer = new ArrayBufferWriter<byte>(FlushBytes * 2);
        var name = table.Store<TextColumn>("name");
        var reasons = new ReasonWriter(table, s.Policy, s.Classifier, s.Age);
        var actions = ActionTexts(s.Policy, ActionText.Describe);
        var classes = s.Screening.Classifications;
        var ratio = new Utf8Text(32);
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartArray();
            for (int i = 0; i < s.Count; i++)
            {
                int row = s.RowAt(i);
                byte cls = (byte)classes[row];
                json.WriteStartObject();
                json.WriteString("ticker"u8, table.Ticker[row]);
                if (name is not null && !name[row].IsEmpty)
                {
                    json.WriteString("name"u8, name[row]);
                }

                var date = ratio;
                date.Clear();
                date.AppendDate(table.AsOf[row]);
                json.WriteString("asOf"u8, date.Span);
                if (s.Age is { } age)
                {
                    int days = age.AgeAt(table, row);
                    json.WriteNumber("ageDays"u8, days);
                    if (days > ScreenAge.StaleDays)
                    {
                        json.WriteBoolean("stale"u8, true);
                    }
                }

                json.WriteString("classification"u8, ClassNames[cls]);
                ratio.Clear();
                Ratio(ratio, s, row);
                json.WritePropertyName("digitalAssetRatio"u8);
                if (ratio.Length > 0)
                {
                    json.WriteRawValue(ratio.Span, skipInputValidation: true);
                }
                else
                {
                    json.WriteNullValue();
                }

                if (s.Policy is not null)
                {
                    json.WriteString("policy"u8, s.Policy.Id);
                    json.WriteString("action"u8, actions(s.Screening, row));
                    json.WriteString("ratioTestClassification"u8, ClassNames[(int)s.RatioTest!.Classifications[row]]);
                }

                json.WriteBoolean("estimate"u8, table.IsRatioEstimateAt(row));
                if (table.HasKinds && table.HasKindAt(row))
                {
                    // The other kinds of crypto the row holds (non-zero amounts, USD, as screened), named as their CSV
                    // columns in camel case; the reasons say which the policy counted.
                    json.WriteStartObject("holdingKinds"u8);
                    foreach (var (kind, column) in table.Kinds)
                    {
                        if (column.ValueAt(row) is { } amount && amount != 0m)
                        {
                            json.WriteNumber(KindJsonName(kind), amount);
                        }
                    }

                    json.WriteEndObject();
                }

                if (table.HasProvenance && table.ProvenanceAt(row) is { } p)
                {
                    ScreenWriter.WriteProvenance(json, p);
                }

                json.WriteStartArray("reasons"u8);
                reasons.Build(row, (DatClassification)cls);
                for (int k = 0; k < reasons.Count; k++)
                {
                    json.WriteStringValue(reasons[k]);
                }

                json.WriteEndArray();
                json.WriteEndObject();
                if (json.BytesPending >= FlushBytes)
                {
                    json.Flush();
                    sink(buffer.WrittenSpan);
                    buffer.ResetWrittenCount();
                }
            }

            json.WriteEndArray();
        }

        sink(buffer.WrittenSpan);
        sink("\n"u8);
    }

    /// <summary>Writes the table: 80 columns (names cut with "~"), or wide (nothing cut, column widths following the content).</summary>
    /// <param name="s">The screen.</param>
    /// <param name="wide">Whether to write the wide table.</param>
    /// <param name="sink">Receives the output in order.</param>
    public static void WriteTable(ScreenColumns s, bool wide, Action<ReadOnlySpan<byte>> sink)
    {
        var table = s.Table;
        var o = new Utf8Text(FlushBytes * 2);
        var name = table.Store<TextColumn>("name");
        bool withPolicy = s.Policy is not null;
        var shortActions = ActionTexts(s.Policy, ActionText.Abbreviate);
        var classes = s.Screening.Classifications;

        // Column widths: the 80-column layout, or (wide) as wide as the longest cell of the column.
        int tickerWidth = 8, lastWidth = withPolicy ? 22 : 34, ruleWidth = 78;
        if (wide)
        {
            int last = 0;
            for (int i = 0; i < s.Count; i++)
            {
                int row = s.RowAt(i);
                tickerWidth = Math.Max(tickerWidth, TerminalText.Escape(table.Ticker.StringAt(row) ?? string.Empty).Length);
                string lastText = withPolicy ? shortActions(s.Screening, row) : name is null ? string.Empty : name.StringAt(row) ?? string.Empty;
                last = Math.Max(last, TerminalText.Escape(lastText).Length);
            }

            lastWidth = int.MaxValue;
            ruleWidth = Math.Max(ruleWidth - 8 + tickerWidth, tickerWidth + 1 + 10 + 1 + 8 + 2 + (withPolicy ? 28 : 14) + last);
        }

        Line(o, TerminalText.Escape(s.Heading));
        Line(o, string.Empty);
        Line(o, withPolicy
            ? $"{"Ticker".PadRight(tickerWidth)} {"As of",-10} {"Ratio",8}  {"Ratio test",-13} {"Policy",-13} Action"
            : $"{"Ticker".PadRight(tickerWidth)} {"As of",-10} {"Ratio",8}  {"Class",-13} Name");
        Line(o, new string('-', ruleWidth));
        var companies = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        int dat = 0, op = 0;
        int estimates = 0;
        var indeterminate = new List<int>();
        var pct = new Utf8Text(32);
        for (int i = 0; i < s.Count; i++)
        {
            int row = s.RowAt(i);
            var cls = (DatClassification)classes[row];
            dat += cls == DatClassification.DigitalAssetTreasury ? 1 : 0;
            op += cls == DatClassification.OperatingCompany ? 1 : 0;
            if (cls == DatClassification.Indeterminate)
            {
                indeterminate.Add(row);
            }

            bool estimate = table.IsRatioEstimateAt(row);
            estimates += estimate ? 1 : 0;
            companies.Add(table.Ticker.StringAt(row) ?? string.Empty);
            Cell(o, table.Ticker[row], tickerWidth, pad: true);
            o.Append((byte)' ');
            o.AppendDate(table.AsOf[row]);
            o.Append((byte)' ');
            pct.Clear();
            Percent(pct, s, row);
            pct.Append(estimate ? (byte)'*' : (byte)' ');
            for (int k = pct.Length; k < 8; k++)
            {
                o.Append((byte)' ');
            }

            o.Append(pct.Span);
            o.Append("  "u8);
            if (withPolicy)
            {
                Padded(o, ScreenWriter.ShortClass((DatClassification)s.RatioTest!.Classifications[row]), 13);
                o.Append((byte)' ');
                Padded(o, ScreenWriter.ShortClass(cls), 13);
                o.Append((byte)' ');
                Cell(o, Encoding.UTF8.GetBytes(shortActions(s.Screening, row)), lastWidth, pad: false);
            }
            else
            {
                Padded(o, ScreenWriter.ShortClass(cls), 13);
                o.Append((byte)' ');
                Cell(o, name is null ? default : name[row], lastWidth, pad: false);
            }

            while (o.Length > 0 && o.Span[^1] == (byte)' ')
            {
                o.Advance(-1);
            }

            o.Append((byte)'\n');
            if (o.Length >= FlushBytes)
            {
                sink(o.Span);
                o.Clear();
            }
        }

        Line(o, new string('-', ruleWidth));

        Line(o, CountsLine(companies.Count, s.Count, dat, op));
        if (AgeLine(s) is { } ageLine)
        {
            Line(o, ageLine);
        }
        if (withPolicy)
        {
            Line(o, RatioTestLine(s.Policy!));
            Line(o, "Action 'A | B': A if an index constituent, B if not (constituency unknown).");
        }

        if (estimates > 0)
        {
            Line(o, string.Create(CultureInfo.InvariantCulture, $"* {estimates} of {Plural.Of(s.Count, "ratio uses", "ratios use")} estimated inputs (not from a filing): see --format json."));
        }

        var reasons = new ReasonWriter(table, s.Policy, s.Classifier, s.Age);
        foreach (int row in indeterminate)
        {
            reasons.Build(row, DatClassification.Indeterminate);
            string first = reasons.Count > 0 ? Encoding.UTF8.GetString(reasons[0]) : string.Empty;
            string reasonLine = TerminalText.Escape($"{table.Ticker.StringAt(row)}: {first}");
            Line(o, wide ? reasonLine : Fit(reasonLine, 78));
            if (o.Length >= FlushBytes)
            {
                sink(o.Span);
                o.Clear();
            }
        }

        sink(o.Span);
    }

    /// <summary>
    /// The counts under a screen: companies (distinct tickers) and, when some have several, balance sheets (rows), then
    /// the verdicts: "32 companies: 16 DAT, 14 operating, 2 indeterminate."
    /// </summary>
    /// <param name="companies">The distinct tickers.</param>
    /// <param name="rows">The balance sheets.</param>
    /// <param name="dat">The rows classified DAT.</param>
    /// <param name="operating">The rows classified operating.</param>
    /// <returns>The line.</returns>
    internal static string CountsLine(int companies, int rows, int dat, int operating)
    {
        string counted = string.Create(CultureInfo.InvariantCulture, $"{companies} {(companies == 1 ? "company" : "companies")}");
        if (companies != rows)
        {
            counted += string.Create(CultureInfo.InvariantCulture, $", {rows} {(rows == 1 ? "balance sheet" : "balance sheets")}");
        }

        return string.Create(CultureInfo.InvariantCulture, $"{counted}: {dat} DAT, {operating} operating, {rows - dat - operating} indeterminate.");
    }

    /// <summary>The line naming the ratio test under a policy: the policy's own threshold, or MSCI's 50% when it has none.</summary>
    /// <param name="policy">The policy.</param>
    /// <returns>The line.</returns>
    internal static string RatioTestLine(IndexPolicy policy) =>
        "Ratio test: " + (policy.RatioThreshold is { } th ? $"digital assets {th} of total assets (the policy's own)" : "MSCI's digital assets >= 50% of total assets (the policy has no ratio criterion)") + ".";

    /// <summary>The table's line on the data's age: "Balance sheets are 30 to 250 days old on 2026-12-04 (1 more than 200 days)."</summary>
    internal static string? AgeLine(ScreenColumns s)
    {
        if (s.Age is not { } age || s.Count == 0)
        {
            return null;
        }

        int min = int.MaxValue, max = int.MinValue, stale = 0;
        for (int i = 0; i < s.Count; i++)
        {
            int days = age.AgeAt(s.Table, s.RowAt(i));
            (min, max) = (Math.Min(min, days), Math.Max(max, days));
            stale += days > ScreenAge.StaleDays ? 1 : 0;
        }

        string range = min == max ? string.Create(CultureInfo.InvariantCulture, $"{min} {(min == 1 ? "day" : "days")}") : string.Create(CultureInfo.InvariantCulture, $"{min} to {max} days");
        string staleText = stale == 0 ? string.Empty : string.Create(CultureInfo.InvariantCulture, $" ({stale} more than {ScreenAge.StaleDays} days)");
        string cut = age.MaxAgeDays is { } m ? string.Create(CultureInfo.InvariantCulture, $"; older than {m} days: indeterminate") : string.Empty;
        return string.Create(CultureInfo.InvariantCulture, $"{(s.Count == 1 ? "Balance sheet is" : "Balance sheets are")} {range} old on {age.Today:yyyy-MM-dd}{staleText}{cut}.");
    }

    /// <summary>Writes the ratio as the CSV and JSON show it (a fraction of 1, 10 decimals at most); nothing when undefined.</summary>
    /// <summary>Appends a row's ratio as the CSV writes it (nothing when there is none).</summary>
    /// <param name="o">The buffer.</param>
    /// <param name="s">The screen.</param>
    /// <param name="row">The table row.</param>
    internal static void Ratio(Utf8Text o, ScreenColumns s, int row)
    {
        long d = s.CountedCents(row), t = s.Table.Total[row];
        if (d >= 0 && t > 0 && d <= t)
        {
            o.Advance(RatioText.Write(d, t, o.Reserve(RatioText.MaxLength)));
        }
        else if (ScreenWriter.RoundedRatio(s.DomainRatio(row)) is { } r)
        {
            o.Append(r.ToString(CultureInfo.InvariantCulture));
        }
    }

    internal static void Percent(Utf8Text o, ScreenColumns s, int row)
    {
        long d = s.CountedCents(row), t = s.Table.Total[row];
        if (d >= 0 && t > 0 && d <= t)
        {
            o.AppendPercent(d, t, 2, fixedDecimals: true);
            o.Append((byte)'%');
        }
        else if (s.DomainRatio(row) is { } r)
        {
            o.Append((r * 100m).ToString("0.00", CultureInfo.InvariantCulture) + "%");
        }
        else
        {
            o.Append("n/a"u8);
        }
    }

    private static void JoinedReasons(Utf8Text o, ReasonWriter reasons)
    {
        // One cell: the reasons joined by " | ", quoted as a whole when needed.
        var joined = new Utf8Text(256);
        for (int k = 0; k < reasons.Count; k++)
        {
            if (k > 0)
            {
                joined.Append(" | "u8);
            }

            joined.Append(reasons[k]);
        }

        CsvCell.Write(o, joined.Span);
    }

    /// <summary>A row's action text under the policy (<see cref="ActionText"/>), the texts of known actions made once.</summary>
    private static Func<DatRules.Screening.PolicyScreening, int, string> ActionTexts(IndexPolicy? policy, Func<IndexPolicy, DatClassification, PolicyAction?, string> text)
    {
        var cache = new string[16];
        return (screening, row) =>
        {
            var a = screening.ActionAt(row);
            var c = screening.ClassificationAt(row);
            return a is { } known ? cache[(int)known] ??= text(policy!, c, known) : text(policy!, c, null);
        };
    }

    private static void Line(Utf8Text o, string text)
    {
        o.Append(text);
        o.Append((byte)'\n');
    }

    private static void Padded(Utf8Text o, string text, int width)
    {
        o.Append(text);
        for (int k = text.Length; k < width; k++)
        {
            o.Append((byte)' ');
        }
    }

    /// <summary>A cell of input text: escaped for the terminal, cut to <paramref name="width"/> characters ("~" marks a cut).</summary>
    private static void Cell(Utf8Text o, ReadOnlySpan<byte> utf8, int width, bool pad)
    {
        bool plain = utf8.Length <= width;
        foreach (byte b in utf8)
        {
            plain &= b is >= 0x20 and < 0x7F;
        }

        string text = plain ? string.Empty : Fit(TerminalText.Escape(Encoding.UTF8.GetString(utf8)), width);
        int length = plain ? utf8.Length : text.Length;
        if (plain)
        {
            o.Append(utf8);
        }
        else
        {
            o.Append(text);
        }

        if (pad)
        {
            for (int k = length; k < width; k++)
            {
                o.Append((byte)' ');
            }
        }
    }

    private static string Fit(string s, int width) => s.Length <= width ? s : string.Concat(s.AsSpan(0, width - 1), "~");

    // restricted_crypto_usd -> restrictedCryptoUsd
    private static string KindJsonName(HoldingKind kind)
    {
        string column = HoldingKindCsvColumns.All.First(k => k.Kind == kind).Column;
        var parts = column.Split('_');
        return parts[0] + string.Concat(parts.Skip(1).Select(w => char.ToUpperInvariant(w[0]) + w[1..]));
    }
}
