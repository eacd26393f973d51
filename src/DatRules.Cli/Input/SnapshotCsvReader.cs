using System.Globalization;
using DatRules.Issuers;
using NodaTime;
using nietras.SeparatedValues;

namespace DatRules.Cli.Input;

/// <summary>
/// Reads issuer snapshots from CSV with the Sep library. Required columns:
/// <c>ticker,as_of,digital_assets_usd,total_assets_usd</c>; optional:
/// <c>name,country,asset,units,shares_outstanding,market_cap_usd,index_constituent,
/// self_described_dat,capital_raised_for_digital_assets,estimated_fields,source,currency</c> and the provenance
/// columns <c>cik,filed,accession,form,concepts</c>.
/// </summary>
/// <remarks>
/// All-or-nothing by default: any invalid row fails the whole read with every error listed.
/// With <c>skipInvalid</c>, invalid rows are skipped and each is reported in <see cref="ReadResult.Skipped"/>.
/// A blank <c>total_assets_usd</c> means "not reported" (the classifier then says Indeterminate);
/// every other required value must be present.
/// </remarks>
internal static class SnapshotCsvReader
{
    internal static readonly string[] RequiredColumns = ["ticker", "as_of", "digital_assets_usd", "total_assets_usd"];

    internal sealed record ReadResult(IReadOnlyList<IssuerSnapshot> Snapshots, IReadOnlyList<InputError> Skipped);

    public static ReadResult Read(TextReader text, string sourceName, bool skipInvalid = false)
    {
        var snapshots = new List<IssuerSnapshot>();
        var skipped = ReadRows(text, sourceName, skipInvalid, row => snapshots.Add(row.ToSnapshot()));
        return new ReadResult(snapshots, skipped);
    }

    /// <summary>Reads every row, handing each valid one to <paramref name="sink"/>; returns the skipped rows' errors.</summary>
    /// <remarks>All-or-nothing unless <paramref name="skipInvalid"/>: the sink may have seen rows before an InputException.</remarks>
    public static IReadOnlyList<InputError> ReadRows(TextReader text, string sourceName, bool skipInvalid, Action<SnapshotRow> sink, int expectedRows = 0)
    {
        using var reader = Sep.New(',').Reader(o => o with { Unescape = true, DisableColCountCheck = true, Trim = SepTrim.Outer }).From(text);
        if (!reader.HasHeader || reader.Header.ColNames.Count == 0 || (reader.Header.ColNames.Count == 1 && reader.Header.ColNames[0].Length == 0))
        {
            throw new InputException(sourceName, [new InputError(0, null, "the file is empty: expected a header line with columns " + string.Join(",", RequiredColumns))]);
        }

        var header = reader.Header;
        var missing = RequiredColumns.Where(c => !header.TryIndexOf(c, out _)).ToList();
        if (missing.Count > 0)
        {
            throw new InputException(sourceName, missing.Select(c => new InputError(1, c, "required column is missing from the header")).ToList());
        }

        var cols = new Columns(header);
        var errors = new List<InputError>();
        var skipped = new List<InputError>();
        var seen = new Dictionary<(string, LocalDate, LocalDate?), int>(expectedRows, TickerDateComparer.Instance);
        int dataRows = 0;

        foreach (var row in reader)
        {
            int line = row.LineNumberFrom;
            dataRows++;
            var rowErrors = new List<InputError>();
            var parsed = ParseRow(row, cols, line, rowErrors);
            if (parsed is not null)
            {
                var key = (parsed.Ticker, parsed.AsOf, parsed.Filed);
                if (seen.TryGetValue(key, out int firstLine))
                {
                    string filedText = parsed.Filed is { } f ? $" filed {f:yyyy-MM-dd}" : string.Empty;
                    rowErrors.Add(new InputError(line, "ticker", $"duplicate row for {parsed.Ticker} as of {parsed.AsOf:yyyy-MM-dd}{filedText} (first on line {firstLine})"));
                    parsed = null;
                }
                else
                {
                    seen[key] = line;
                }
            }

            if (parsed is not null)
            {
                if (errors.Count == 0)
                {
                    sink(parsed);
                }
            }
            else if (skipInvalid)
            {
                skipped.AddRange(rowErrors);
            }
            else
            {
                errors.AddRange(rowErrors);
            }
        }

        if (dataRows == 0)
        {
            throw new InputException(sourceName, [new InputError(0, null, "the file has a header but no data rows")]);
        }

        if (errors.Count > 0)
        {
            throw new InputException(sourceName, errors);
        }

        return skipped;
    }

    private static SnapshotRow? ParseRow(SepReader.Row row, Columns c, int line, List<InputError> errors)
    {
        // Spans, not strings: only the ticker (and optional text columns, when present) allocate.
        var tickerSpan = Col(row, c.Ticker);
        string? ticker = tickerSpan.IsEmpty ? null : tickerSpan.ToString();
        if (ticker is null)
        {
            errors.Add(new InputError(line, "ticker", "value is missing"));
        }

        LocalDate? asOf = null;
        var asOfSpan = Col(row, c.AsOf);
        if (asOfSpan.IsEmpty)
        {
            errors.Add(new InputError(line, "as_of", "value is missing"));
        }
        else if (TryParseIsoDate(asOfSpan, out var date))
        {
            asOf = date;
        }
        else
        {
            errors.Add(new InputError(line, "as_of", $"'{asOfSpan}' is not a date in yyyy-MM-dd form"));
        }

        decimal? digital = Amount(Col(row, c.Digital), "digital_assets_usd", required: true, line, errors);
        decimal? total = Amount(Col(row, c.Total), "total_assets_usd", required: false, line, errors);
        decimal? units = Amount(Col(row, c.Units), "units", required: false, line, errors);
        decimal? shares = Amount(Col(row, c.Shares), "shares_outstanding", required: false, line, errors);
        decimal? marketCap = Amount(Col(row, c.MarketCap), "market_cap_usd", required: false, line, errors);
        bool? constituent = Flag(Col(row, c.Constituent), "index_constituent", line, errors);
        bool? selfDescribed = Flag(Col(row, c.SelfDescribed), "self_described_dat", line, errors);
        bool? capitalRaised = Flag(Col(row, c.CapitalRaised), "capital_raised_for_digital_assets", line, errors);
        var provenance = ParseProvenance(row, c, line, errors);
        var lineItemCells = new string?[c.LineItems.Count];
        for (int k = 0; k < lineItemCells.Length; k++)
        {
            lineItemCells[k] = Text(row, c.LineItems.IndexAt(k));
        }

        var lineItems = c.LineItems.Read(lineItemCells, asOf, provenance, line, errors);
        string? currency = Text(row, c.Currency);
        if (currency is not null && (currency.Length != 3 || !currency.All(char.IsAsciiLetterUpper)))
        {
            errors.Add(new InputError(line, "currency", $"'{currency}' is not an ISO 4217 code of three capital letters (e.g. USD, JPY)"));
        }

        if (errors.Count > 0)
        {
            return null;
        }

        string? estimated = Text(row, c.Estimated);
        return new SnapshotRow(
            line, ticker!, asOf!.Value, digital!.Value, total, units, shares, marketCap, constituent, selfDescribed, capitalRaised,
            Text(row, c.Name), Text(row, c.Country), Text(row, c.Asset),
            estimated is null ? [] : estimated.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
            Text(row, c.Source))
        {
            Currency = currency,
            Provenance = provenance,
            LineItems = lineItems,
        };
    }

    /// <summary>Parses the optional provenance columns; null when none is present.</summary>
    private static Provenance? ParseProvenance(SepReader.Row row, Columns c, int line, List<InputError> errors)
    {
        var cikSpan = Col(row, c.Cik);
        var filedSpan = Col(row, c.Filed);
        var accessionSpan = Col(row, c.Accession);
        var formSpan = Col(row, c.Form);
        var conceptsSpan = Col(row, c.Concepts);
        if (cikSpan.IsEmpty && filedSpan.IsEmpty && accessionSpan.IsEmpty && formSpan.IsEmpty && conceptsSpan.IsEmpty)
        {
            return null;
        }

        int before = errors.Count;
        long? cik = null;
        if (!cikSpan.IsEmpty)
        {
            var digits = cikSpan.StartsWith("CIK", StringComparison.OrdinalIgnoreCase) ? cikSpan[3..] : cikSpan;
            if (digits.Length <= 10 && long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out long v) && v > 0)
            {
                cik = v;
            }
            else
            {
                errors.Add(new InputError(line, "cik", $"'{cikSpan}' is not an SEC CIK (1 to 10 digits, optionally prefixed CIK)"));
            }
        }

        LocalDate? filed = null;
        if (!filedSpan.IsEmpty)
        {
            if (TryParseIsoDate(filedSpan, out var f))
            {
                filed = f;
            }
            else
            {
                errors.Add(new InputError(line, "filed", $"'{filedSpan}' is not a date in yyyy-MM-dd form"));
            }
        }

        AccessionNumber? accession = null;
        if (!accessionSpan.IsEmpty)
        {
            if (AccessionNumber.TryParse(accessionSpan, out var a))
            {
                accession = a;
            }
            else
            {
                errors.Add(new InputError(line, "accession", $"'{accessionSpan}' is not an SEC accession number (0001234567-25-012345)"));
            }
        }

        if (errors.Count > before)
        {
            return null;
        }

        string? source = Text(row, c.Source);
        return new Provenance(source ?? "input file")
        {
            Cik = cik,
            Filed = filed,
            Accession = accession,
            Form = formSpan.IsEmpty ? null : formSpan.ToString(),
            Concepts = conceptsSpan.IsEmpty ? [] : conceptsSpan.ToString().Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
        };
    }

    /// <summary>Parses exactly yyyy-MM-dd (ISO calendar, no other form), without allocating.</summary>
    internal static bool TryParseIsoDate(ReadOnlySpan<char> s, out LocalDate date)
    {
        date = default;
        if (s.Length != 10 || s[4] != '-' || s[7] != '-'
            || !int.TryParse(s[..4], NumberStyles.None, CultureInfo.InvariantCulture, out int y)
            || !int.TryParse(s[5..7], NumberStyles.None, CultureInfo.InvariantCulture, out int m)
            || !int.TryParse(s[8..], NumberStyles.None, CultureInfo.InvariantCulture, out int d)
            || y < 1 || m is < 1 or > 12 || d < 1 || d > DateTime.DaysInMonth(y, m))
        {
            return false;
        }

        date = new LocalDate(y, m, d);
        return true;
    }

    private static ReadOnlySpan<char> Col(SepReader.Row row, int idx) => idx < 0 || idx >= row.ColCount ? default : row[idx].Span.Trim();

    private static string? Text(SepReader.Row row, int idx) => Col(row, idx) is { IsEmpty: false } span ? span.ToString() : null;

    /// <summary>Parses a non-negative amount in plain decimal notation, recording what is wrong (shared by the CSV readers).</summary>
    internal static decimal? Amount(ReadOnlySpan<char> text, string column, bool required, int line, List<InputError> errors)
    {
        if (text.IsEmpty)
        {
            if (required)
            {
                errors.Add(new InputError(line, column, "value is missing"));
            }

            return null;
        }

        // Plain decimal notation only: no thousands separators, no exponent, invariant culture.
        if (!decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out decimal value))
        {
            errors.Add(new InputError(line, column, $"'{text}' is not a number (expected plain decimal notation such as 1234.56)"));
            return null;
        }

        if (value < 0m)
        {
            errors.Add(new InputError(line, column, $"'{text}' is negative; amounts and counts must be >= 0"));
            return null;
        }

        return value;
    }

    private static bool? Flag(ReadOnlySpan<char> text, string column, int line, List<InputError> errors)
    {
        if (text.IsEmpty)
        {
            return null;
        }

        if (text.Equals("true", StringComparison.OrdinalIgnoreCase) || text.Equals("yes", StringComparison.OrdinalIgnoreCase) || text is "1")
        {
            return true;
        }

        if (text.Equals("false", StringComparison.OrdinalIgnoreCase) || text.Equals("no", StringComparison.OrdinalIgnoreCase) || text is "0")
        {
            return false;
        }

        errors.Add(new InputError(line, column, $"'{text}' is not true/false"));
        return null;
    }

    private sealed class TickerDateComparer : IEqualityComparer<(string Ticker, LocalDate AsOf, LocalDate? Filed)>
    {
        public static readonly TickerDateComparer Instance = new();

        public bool Equals((string Ticker, LocalDate AsOf, LocalDate? Filed) x, (string Ticker, LocalDate AsOf, LocalDate? Filed) y) =>
            x.AsOf == y.AsOf && x.Filed == y.Filed && string.Equals(x.Ticker, y.Ticker, StringComparison.OrdinalIgnoreCase);

        public int GetHashCode((string Ticker, LocalDate AsOf, LocalDate? Filed) obj) => HashCode.Combine(StringComparer.OrdinalIgnoreCase.GetHashCode(obj.Ticker), obj.AsOf, obj.Filed);
    }

    private sealed class Columns
    {
        public Columns(SepReaderHeader header)
        {
            int Idx(string name) => header.TryIndexOf(name, out int i) ? i : -1;
            Ticker = Idx("ticker");
            AsOf = Idx("as_of");
            Digital = Idx("digital_assets_usd");
            Total = Idx("total_assets_usd");
            Name = Idx("name");
            Country = Idx("country");
            Asset = Idx("asset");
            Units = Idx("units");
            Shares = Idx("shares_outstanding");
            MarketCap = Idx("market_cap_usd");
            Constituent = Idx("index_constituent");
            SelfDescribed = Idx("self_described_dat");
            CapitalRaised = Idx("capital_raised_for_digital_assets");
            Estimated = Idx("estimated_fields");
            Source = Idx("source");
            Currency = Idx("currency");
            Cik = Idx("cik");
            Filed = Idx("filed");
            Accession = Idx("accession");
            Form = Idx("form");
            Concepts = Idx("concepts");
            LineItems = LineItemCsvColumns.FromHeader(header.ColNames);
        }

        public LineItemCsvColumns LineItems { get; }

        public int Ticker { get; }
        public int AsOf { get; }
        public int Digital { get; }
        public int Total { get; }
        public int Name { get; }
        public int Country { get; }
        public int Asset { get; }
        public int Units { get; }
        public int Shares { get; }
        public int MarketCap { get; }
        public int Constituent { get; }
        public int SelfDescribed { get; }
        public int CapitalRaised { get; }
        public int Estimated { get; }
        public int Source { get; }
        public int Currency { get; }
        public int Cik { get; }
        public int Filed { get; }
        public int Accession { get; }
        public int Form { get; }
        public int Concepts { get; }
    }
}
