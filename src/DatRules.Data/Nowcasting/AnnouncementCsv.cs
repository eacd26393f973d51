using System.Globalization;
using DatRules.Nowcasting;

namespace DatRules.Data;

/// <summary>
/// Reads an events CSV: <c>ticker,announced,asset,units,cost,funded_by,source</c>, one purchase, sale or cash movement
/// announced after a balance sheet per row (other columns, e.g. <c>holdings_after</c>, are allowed and not read). Units
/// are signed (a sale negative, its cost then its proceeds); <c>funded_by</c> is <c>capital</c>, <c>debt</c> or
/// <c>cash</c>; an asset that is a currency code (<c>USD</c>, <c>EUR</c>, <c>JPY</c>, ...) is cash raised or spent.
/// </summary>
public static class AnnouncementCsv
{
    /// <summary>The resource name of Strategy's announcements.</summary>
    internal const string StrategyResource = "DatRules.Data.Data.strategy-announcements.csv";

    private static readonly string[] Required = ["ticker", "announced", "asset", "units", "cost", "funded_by", "source"];

    /// <summary>Gets the currency codes an events file may use as an asset (cash rather than coins).</summary>
    public static IReadOnlySet<string> CurrencyCodes { get; } = new HashSet<string>(
        ["USD", "EUR", "JPY", "GBP", "CHF", "CAD", "AUD", "HKD", "SGD", "SEK", "NOK", "DKK", "KRW", "CNY", "BRL"], StringComparer.OrdinalIgnoreCase);

    /// <summary>Gets Strategy's (MSTR) built-in announcements from 30 Sep 2025 to 6 Jan 2026 (8-K references in each row's source; docs/msci-list.md).</summary>
    /// <returns>The announcements.</returns>
    public static AnnouncementFile StrategyBuiltIn()
    {
        using var stream = typeof(AnnouncementCsv).Assembly.GetManifestResourceStream(StrategyResource)
            ?? throw new InvalidOperationException($"Embedded resource '{StrategyResource}' is missing from the build.");
        return Read(stream, "built-in Strategy announcements");
    }

    /// <summary>Reads an events file.</summary>
    /// <param name="path">The file.</param>
    /// <returns>The announcements with their lines.</returns>
    /// <exception cref="InputException">The file does not exist or a row is invalid (every error names its line and column).</exception>
    public static AnnouncementFile Read(string path)
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

    /// <summary>Reads events from a stream.</summary>
    /// <param name="stream">The UTF-8 bytes, read to the end and left open.</param>
    /// <param name="sourceName">The name errors give.</param>
    /// <returns>The announcements with their lines.</returns>
    /// <exception cref="InputException">The input is empty, its header misses a column, or a row is invalid: a bad date or number, an unknown <c>funded_by</c>, a sign that does not fit (a sale with funding, a negative cost), a purchase without cost or funding.</exception>
    public static AnnouncementFile Read(Stream stream, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(sourceName);
        var errors = new List<InputError>();
        var rows = new List<(Announcement, int)>();
        foreach (var (line, v) in NamedRows.Read(stream, sourceName, Required, errors))
        {
            int before = errors.Count;
            string? Get(string column)
            {
                if (v.TryGetValue(column, out string? s))
                {
                    return s;
                }

                errors.Add(new InputError(line, column, "value is missing"));
                return null;
            }

            string? ticker = Get("ticker"), asset = Get("asset"), source = Get("source");
            LocalDate announced = default;
            if (Get("announced") is { } d && !SnapshotCsvReader.TryParseIsoDate(d, out announced))
            {
                errors.Add(new InputError(line, "announced", $"'{d}' is not a date in yyyy-MM-dd form"));
            }

            decimal units = 0m;
            if (Get("units") is { } u)
            {
                if (SnapshotSchema.ParseSigned(u) is { } parsed)
                {
                    units = parsed;
                }
                else
                {
                    errors.Add(new InputError(line, "units", $"'{u}' is not a number (plain decimal notation, negative for a sale, e.g. -970)"));
                }
            }

            decimal? cost = null;
            if (v.TryGetValue("cost", out string? c))
            {
                cost = SnapshotSchema.ParseSigned(c);
                if (cost is null)
                {
                    errors.Add(new InputError(line, "cost", $"'{c}' is not a number (plain decimal notation)"));
                }
            }

            FundingSource? funded = null;
            if (v.TryGetValue("funded_by", out string? f))
            {
                funded = f.ToLowerInvariant() switch
                {
                    "capital" => FundingSource.Capital,
                    "debt" => FundingSource.Debt,
                    "cash" => FundingSource.Cash,
                    _ => null,
                };
                if (funded is null)
                {
                    errors.Add(new InputError(line, "funded_by", $"'{f}' is not capital, debt or cash"));
                }
            }

            if (errors.Count > before)
            {
                continue;
            }

            bool isCash = CurrencyCodes.Contains(asset!);
            var problems = Announcement.Problems(units, cost, funded, isCash);
            if (problems.Count > 0)
            {
                errors.AddRange(problems.Select(p => new InputError(line, p.Field, p.Message)));
                continue;
            }

            rows.Add((new Announcement(ticker!, announced, isCash ? asset!.ToUpperInvariant() : asset!, units, cost, funded, source!, isCash), line));
        }

        if (errors.Count > 0)
        {
            throw new InputException(sourceName, errors);
        }

        return new AnnouncementFile(sourceName, rows);
    }
}
