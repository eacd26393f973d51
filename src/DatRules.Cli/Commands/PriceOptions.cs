using System.CommandLine;
using System.Globalization;
using DatRules.Cli.Input;
using DatRules.Issuers;
using NodaTime;

namespace DatRules.Cli.Commands;

/// <summary><c>--price BTC=87000</c> (repeatable), <c>--prices F.csv</c> and <c>--prices-on</c>: mark holdings to market.</summary>
internal sealed class PriceOptions
{
    public Option<string[]> Price { get; } = new("--price")
    {
        Description = "Mark holdings to market: ASSET=PRICE in USD per unit, e.g. --price BTC=87000 --price ETH=2900 (repeatable). Other assets stay at book value.",
        HelpName = "ASSET=PRICE",
    };

    public Option<FileInfo?> Prices { get; } = new("--prices")
    {
        Description = "CSV of prices in USD per unit: asset,price to mark holdings to market, or a history asset,date,price (the last price on or before --prices-on is used; with --events, the built-in BTC/ETH/SOL history when omitted).",
    };

    public Option<string?> PricesOn { get; } = new("--prices-on")
    {
        Description = "Date of the prices (yyyy-MM-dd): the label 'marked to market on', the day a price history is read on, and the nowcast day with --events. Default: today (UTC), or --as-known-on with --events.",
        HelpName = "date",
    };

    public void AddTo(Command command)
    {
        command.Options.Add(Price);
        command.Options.Add(Prices);
        command.Options.Add(PricesOn);
    }

    /// <summary>The prices given, or null when none is; every malformed entry listed in one usage error.</summary>
    public MarketPrices? Resolve(ParseResult parse, IClock clock)
    {
        var pairs = new List<KeyValuePair<string, decimal>>();
        var errors = new List<string>();
        foreach (string entry in parse.GetValue(Price) ?? [])
        {
            int eq = entry.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0 || !decimal.TryParse(entry.AsSpan(eq + 1), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out decimal price))
            {
                errors.Add($"--price '{entry}' is not ASSET=PRICE (e.g. BTC=87000)");
                continue;
            }

            pairs.Add(new(entry[..eq].Trim(), price));
        }

        string? on = parse.GetValue(PricesOn);
        if (parse.GetValue(Prices) is { } file)
        {
            if (PriceHistoryCsv.IsHistory(file.FullName))
            {
                // asset,date,price: the last price on or before --prices-on of each asset.
                var day = on is null ? throw new UsageException("--prices names a price history (asset,date,price): give the day with --prices-on.") : PolicySelection.ParseDate(on, "--prices-on");
                var picked = PriceHistoryCsv.Read(file.FullName).On(day);
                pairs.AddRange(picked?.Prices ?? throw new UsageException(string.Create(CultureInfo.InvariantCulture, $"--prices: {file.Name} has no price on or before {day:yyyy-MM-dd}.")));
            }
            else
            {
                ReadFile(file, pairs, errors);
            }
        }

        if (pairs.Count == 0 && errors.Count == 0)
        {
            return on is null ? null : throw new UsageException("--prices-on needs --price or --prices.");
        }

        if (errors.Count > 0)
        {
            throw new UsageException(string.Join("; ", errors) + ".");
        }

        var date = on is null ? clock.GetCurrentInstant().InUtc().Date : PolicySelection.ParseDate(on, "--prices-on");
        try
        {
            return new MarketPrices(date, pairs);
        }
        catch (ArgumentException e)
        {
            throw new UsageException(e.Message[..(e.Message.IndexOf(" (Parameter", StringComparison.Ordinal) is var i and > 0 ? i : e.Message.Length)]);
        }
    }

    private static void ReadFile(FileInfo file, List<KeyValuePair<string, decimal>> pairs, List<string> errors)
    {
        if (!file.Exists)
        {
            throw new InputException(file.FullName, [new InputError(0, null, "file not found")]);
        }

        string[] lines = File.ReadAllLines(file.FullName, new System.Text.UTF8Encoding(false, throwOnInvalidBytes: true));
        var header = lines.Length == 0 ? [] : lines[0].Split(',').Select(h => h.Trim()).ToArray();
        int asset = Array.IndexOf(header, "asset"), price = Array.IndexOf(header, "price");
        if (asset < 0 || price < 0)
        {
            throw new InputException(file.Name, [new InputError(1, null, "expected a header with the columns asset,price")]);
        }

        for (int i = 1; i < lines.Length; i++)
        {
            if (lines[i].Length == 0)
            {
                continue;
            }

            var f = lines[i].Split(',');
            if (f.Length != header.Length)
            {
                errors.Add($"{file.Name} line {i + 1}: {f.Length} fields, the header has {header.Length}");
            }
            else if (!decimal.TryParse(f[price].Trim(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out decimal p))
            {
                errors.Add($"{file.Name} line {i + 1}, column 'price': '{f[price]}' is not a number");
            }
            else
            {
                pairs.Add(new(f[asset].Trim(), p));
            }
        }
    }
}
