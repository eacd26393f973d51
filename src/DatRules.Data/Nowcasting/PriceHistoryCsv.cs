using System.Globalization;
using DatRules.Nowcasting;

namespace DatRules.Data;

/// <summary>
/// Reads a price history CSV (<c>asset,date,price</c>, USD per unit; other columns such as <c>source</c> are kept out of the
/// history) with the snapshot CSV's tokenizer and number rules, and gives the built-in history of BTC, ETH and SOL.
/// </summary>
public static class PriceHistoryCsv
{
    /// <summary>The resource name of the built-in history.</summary>
    internal const string BuiltInResource = "DatRules.Data.Data.prices.csv";

    private static readonly string[] Required = ["asset", "date", "price"];

    /// <summary>Gets the built-in history: daily closes of BTC, ETH and SOL at the dates the built-in reviews need (sources in docs/sources.md).</summary>
    /// <returns>The history.</returns>
    public static PriceHistory BuiltIn()
    {
        using var stream = typeof(PriceHistoryCsv).Assembly.GetManifestResourceStream(BuiltInResource)
            ?? throw new InvalidOperationException($"Embedded resource '{BuiltInResource}' is missing from the build.");
        return Read(stream, "built-in prices");
    }

    /// <summary>Gets whether a prices file is a history: its header (read with the snapshot CSV's tokenizer) names a <c>date</c> column, where a plain <c>asset,price</c> list does not.</summary>
    /// <param name="path">The file.</param>
    /// <returns>Whether it is a history; <see langword="false"/> for a file that does not exist or is empty.</returns>
    public static bool IsHistory(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            return false;
        }

        using var stream = File.OpenRead(path);
        var reader = new CsvRecordReader(stream, Path.GetFileName(path));
        if (!reader.Read() || reader.RecordError is not null)
        {
            return false;
        }

        for (int i = 0; i < reader.FieldCount; i++)
        {
            if (ExposureCsv.TryDecode(reader.Field(i), out string name, out _) && string.Equals(name, "date", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Reads a price history file.</summary>
    /// <param name="path">The file.</param>
    /// <returns>The history.</returns>
    /// <exception cref="InputException">The file does not exist or a row is invalid (every error names its line and column).</exception>
    public static PriceHistory Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        string full = Path.GetFullPath(path);
        if (!File.Exists(full))
        {
            throw new InputException(full, [new InputError(0, null, "file not found")]);
        }

        using var stream = File.OpenRead(full);
        return Read(stream, Path.GetFileName(full));
    }

    /// <summary>Reads a price history from a stream.</summary>
    /// <param name="stream">The UTF-8 bytes, read to the end and left open.</param>
    /// <param name="sourceName">The name errors give.</param>
    /// <returns>The history.</returns>
    /// <exception cref="InputException">The input is empty, its header misses a column, a date or price is invalid, or one asset has two different prices on one day (both lines named).</exception>
    public static PriceHistory Read(Stream stream, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(sourceName);
        var errors = new List<InputError>();
        var points = new List<PricePoint>();
        var seen = new Dictionary<(string, LocalDate), (decimal Price, int Line)>();
        foreach (var (line, v) in NamedRows.Read(stream, sourceName, Required, errors))
        {
            int before = errors.Count;
            string? asset = v.GetValueOrDefault("asset");
            if (asset is null)
            {
                errors.Add(new InputError(line, "asset", "value is missing"));
            }

            LocalDate date = default;
            if (!v.TryGetValue("date", out string? d))
            {
                errors.Add(new InputError(line, "date", "value is missing"));
            }
            else if (!SnapshotCsvReader.TryParseIsoDate(d, out date))
            {
                errors.Add(new InputError(line, "date", $"'{d}' is not a date in yyyy-MM-dd form"));
            }

            decimal? price = SnapshotCsvReader.Amount(v.GetValueOrDefault("price"), "price", true, line, errors);
            if (price == 0m)
            {
                errors.Add(new InputError(line, "price", "must be > 0"));
            }

            if (errors.Count > before)
            {
                continue;
            }

            var key = (asset!.ToUpperInvariant(), date);
            if (seen.TryGetValue(key, out var first))
            {
                if (first.Price != price)
                {
                    errors.Add(new InputError(line, "price", string.Create(CultureInfo.InvariantCulture, $"{asset} on {date:yyyy-MM-dd} is priced {price} here and {first.Price} on line {first.Line}")));
                }

                continue;
            }

            seen[key] = (price!.Value, line);
            points.Add(new PricePoint(asset, date, price.Value));
        }

        if (errors.Count > 0)
        {
            throw new InputException(sourceName, errors);
        }

        if (points.Count == 0)
        {
            throw new InputException(sourceName, [new InputError(0, null, "the file has a header but no data rows")]);
        }

        return new PriceHistory(points);
    }
}
