using System.Globalization;
using DatRules.Issuers;
using NodaTime;
using NodaTime.Text;
using nietras.SeparatedValues;

namespace DatRules.Cli.Input;

/// <summary>
/// Reads issuer snapshots from CSV with the Sep library. Required columns:
/// <c>ticker,as_of,digital_assets_usd,total_assets_usd</c>; optional:
/// <c>name,country,asset,units,shares_outstanding,market_cap_usd,index_constituent,
/// self_described_dat,capital_raised_for_digital_assets,estimated_fields,source</c>.
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
        var snapshots = new List<IssuerSnapshot>();
        var errors = new List<InputError>();
        var skipped = new List<InputError>();
        var seen = new Dictionary<(string, LocalDate), int>();
        int dataRows = 0;

        foreach (var row in reader)
        {
            int line = row.LineNumberFrom;
            dataRows++;
            var rowErrors = new List<InputError>();
            var snapshot = ParseRow(row, cols, line, rowErrors);
            if (snapshot is not null)
            {
                var key = (snapshot.Issuer.Ticker.ToUpperInvariant(), snapshot.AsOf);
                if (seen.TryGetValue(key, out int firstLine))
                {
                    rowErrors.Add(new InputError(line, "ticker", $"duplicate row for {snapshot.Issuer.Ticker} as of {snapshot.AsOf:yyyy-MM-dd} (first on line {firstLine})"));
                    snapshot = null;
                }
                else
                {
                    seen[key] = line;
                }
            }

            if (snapshot is not null)
            {
                snapshots.Add(snapshot);
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

        return new ReadResult(snapshots, skipped);
    }

    private static IssuerSnapshot? ParseRow(SepReader.Row row, Columns c, int line, List<InputError> errors)
    {
        var values = new string?[row.ColCount];
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = NullIfBlank(row[i].ToString());
        }

        string? Text(int idx) => idx < 0 || idx >= values.Length ? null : values[idx];

        string? ticker = Text(c.Ticker);
        if (ticker is null)
        {
            errors.Add(new InputError(line, "ticker", "value is missing"));
        }

        LocalDate? asOf = null;
        string? asOfText = Text(c.AsOf);
        if (asOfText is null)
        {
            errors.Add(new InputError(line, "as_of", "value is missing"));
        }
        else if (LocalDatePattern.Iso.Parse(asOfText) is { Success: true } parsed)
        {
            asOf = parsed.Value;
        }
        else
        {
            errors.Add(new InputError(line, "as_of", $"'{asOfText}' is not a date in yyyy-MM-dd form"));
        }

        decimal? digital = Amount(Text(c.Digital), "digital_assets_usd", required: true, line, errors);
        decimal? total = Amount(Text(c.Total), "total_assets_usd", required: false, line, errors);
        decimal? units = Amount(Text(c.Units), "units", required: false, line, errors);
        decimal? shares = Amount(Text(c.Shares), "shares_outstanding", required: false, line, errors);
        decimal? marketCap = Amount(Text(c.MarketCap), "market_cap_usd", required: false, line, errors);
        bool? constituent = Flag(Text(c.Constituent), "index_constituent", line, errors);
        bool? selfDescribed = Flag(Text(c.SelfDescribed), "self_described_dat", line, errors);
        bool? capitalRaised = Flag(Text(c.CapitalRaised), "capital_raised_for_digital_assets", line, errors);

        if (errors.Count > 0)
        {
            return null;
        }

        string asset = Text(c.Asset) ?? "DIGITAL";
        var holdings = digital!.Value == 0m && units is null or 0m
            ? Array.Empty<DigitalAssetHolding>()
            : [new DigitalAssetHolding(asset, units ?? 0m, digital.Value)];
        string? estimated = Text(c.Estimated);
        return new IssuerSnapshot(new IssuerId(ticker!, Text(c.Name), Text(c.Country)), asOf!.Value, total, holdings)
        {
            SharesOutstanding = shares,
            MarketCap = marketCap,
            IsIndexConstituent = constituent,
            SelfDescribedDat = selfDescribed,
            CapitalRaisedPrimarilyForDigitalAssets = capitalRaised,
            Source = Text(c.Source),
            EstimatedFields = estimated is null ? [] : estimated.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
        };
    }

    private static decimal? Amount(string? text, string column, bool required, int line, List<InputError> errors)
    {
        if (text is null)
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

    private static bool? Flag(string? text, string column, int line, List<InputError> errors)
    {
        if (text is null)
        {
            return null;
        }

        switch (text.ToUpperInvariant())
        {
            case "TRUE" or "YES" or "1":
                return true;
            case "FALSE" or "NO" or "0":
                return false;
            default:
                errors.Add(new InputError(line, column, $"'{text}' is not true/false"));
                return null;
        }
    }

    private static string? NullIfBlank(string s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

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
        }

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
    }
}
