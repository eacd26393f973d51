using System.Text;
using DatRules.Outflows;
using DatRules.Policies;
using NodaTime;
using NodaTime.Text;

namespace DatRules.Data;

/// <summary>
/// Reads passive exposures and market data from CSV (the input of <c>datrules outflow --input</c>), with the snapshot
/// CSV's tokenizer and its rules for amounts. Required columns:
/// <c>ticker,index_family,provider,as_of,source,price,adv_shares</c> and, per row, exactly one of
/// <c>holding_usd</c> | <c>weight</c>+<c>tracking_aum_usd</c> | <c>share_of_market_cap</c>+<c>market_cap_usd</c>.
/// Optional: <c>daily_volatility</c>, <c>estimate</c>. Market columns must agree across a ticker's rows.
/// </summary>
public static class ExposureCsv
{
    private static readonly string[] Required = ["ticker", "index_family", "provider", "as_of", "source", "price", "adv_shares"];

    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Reads an exposures CSV.</summary>
    /// <param name="stream">The UTF-8 bytes, read to the end and left open.</param>
    /// <param name="sourceName">The name errors give.</param>
    /// <returns>The exposures and each ticker's market data.</returns>
    /// <exception cref="InputException">The file is empty or a row is invalid (every error names its line and column).</exception>
    public static ExposureData Read(Stream stream, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(sourceName);
        var reader = new CsvRecordReader(stream, sourceName);
        if (!reader.Read() || reader.FieldCount <= 1)
        {
            throw new InputException(sourceName, [new InputError(0, null, "the file is empty: expected a header with " + string.Join(",", Required))]);
        }

        var names = new string[reader.FieldCount];
        for (int i = 0; i < names.Length; i++)
        {
            names[i] = TryDecode(reader.Field(i), out string name, out _) ? name : string.Empty;
        }

        var missing = Required.Where(c => Array.IndexOf(names, c) < 0).ToList();
        if (missing.Count > 0)
        {
            throw new InputException(sourceName, missing.Select(c => new InputError(1, c, "required column is missing from the header")).ToList());
        }

        var errors = new List<InputError>();
        var exposures = new List<PassiveExposure>();
        var markets = new Dictionary<string, (MarketData Market, int Line)>(StringComparer.OrdinalIgnoreCase);
        var seen = new Dictionary<(string, string), int>();
        while (reader.Read())
        {
            int line = reader.Line;
            if (reader.RecordError is { } recordError)
            {
                errors.Add(new InputError(line, null, recordError));
                continue;
            }

            var v = new Dictionary<string, string>(StringComparer.Ordinal);
            bool decoded = true;
            for (int i = 0; i < names.Length && i < reader.FieldCount; i++)
            {
                if (!TryDecode(reader.Field(i), out string s, out string? problem))
                {
                    errors.Add(new InputError(line, names[i], problem!));
                    decoded = false;
                    break;
                }

                if (s.Length > 0)
                {
                    v[names[i]] = s;
                }
            }

            if (!decoded)
            {
                continue;
            }

            int before = errors.Count;
            string? Get(string c, bool required)
            {
                if (v.TryGetValue(c, out var s))
                {
                    return s;
                }

                if (required)
                {
                    errors.Add(new InputError(line, c, "value is missing"));
                }

                return null;
            }

            decimal? Num(string c, bool required) =>
                SnapshotCsvReader.Amount(v.TryGetValue(c, out var text) ? text : default, c, required, line, errors);

            string? ticker = Get("ticker", true), family = Get("index_family", true), provider = Get("provider", true), source = Get("source", true);
            LocalDate asOf = default;
            if (Get("as_of", true) is { } d)
            {
                var parsed = LocalDatePattern.Iso.Parse(d);
                if (parsed.Success)
                {
                    asOf = parsed.Value;
                }
                else
                {
                    errors.Add(new InputError(line, "as_of", $"'{d}' is not a date in yyyy-MM-dd form"));
                }
            }

            decimal? price = Num("price", true), adv = Num("adv_shares", true), sigma = Num("daily_volatility", false);
            decimal? holding = Num("holding_usd", false), weight = Num("weight", false), aum = Num("tracking_aum_usd", false);
            decimal? share = Num("share_of_market_cap", false), cap = Num("market_cap_usd", false);
            if (price == 0m)
            {
                errors.Add(new InputError(line, "price", "must be > 0 to convert USD to shares"));
            }

            if (adv == 0m)
            {
                errors.Add(new InputError(line, "adv_shares", "must be > 0 (days of volume are undefined otherwise)"));
            }

            int methods = (holding is not null ? 1 : 0) + (weight is not null || aum is not null ? 1 : 0) + (share is not null || cap is not null ? 1 : 0);
            if (methods != 1)
            {
                errors.Add(new InputError(line, "holding_usd", "give exactly one of holding_usd, weight+tracking_aum_usd, share_of_market_cap+market_cap_usd"));
            }
            else if ((weight is null) != (aum is null) || (share is null) != (cap is null))
            {
                errors.Add(new InputError(line, weight is null && aum is not null ? "weight" : aum is null && weight is not null ? "tracking_aum_usd" : share is null ? "share_of_market_cap" : "market_cap_usd", "value is missing (needed with its pair)"));
            }

            if (weight > 1m || share > 1m)
            {
                errors.Add(new InputError(line, weight > 1m ? "weight" : "share_of_market_cap", "must be a fraction in [0, 1]"));
            }

            if (errors.Count > before)
            {
                continue;
            }

            var key = (ticker!.ToUpperInvariant(), family!.ToUpperInvariant());
            if (seen.TryGetValue(key, out int firstLine))
            {
                errors.Add(new InputError(line, "index_family", $"duplicate exposure of {ticker} to {family} (first on line {firstLine})"));
                continue;
            }

            seen[key] = line;
            bool estimate = !string.Equals(Get("estimate", false), "false", StringComparison.OrdinalIgnoreCase);
            var fam = new IndexFamily(family!, new IndexProvider(provider!));
            exposures.Add(holding is { } h ? PassiveExposure.FromHolding(ticker!, fam, h, asOf, source!, estimate)
                : weight is { } w ? PassiveExposure.FromWeight(ticker!, fam, w, aum!.Value, asOf, source!, estimate)
                : PassiveExposure.FromShareOfMarketCap(ticker!, fam, share!.Value, cap!.Value, asOf, source!, estimate));
            var market = new MarketData(ticker!, asOf, price!.Value, adv!.Value, sigma, source!);
            if (markets.TryGetValue(ticker!, out var first))
            {
                if (first.Market.Price != market.Price || first.Market.AverageDailyVolume != market.AverageDailyVolume || first.Market.DailyVolatility != market.DailyVolatility)
                {
                    errors.Add(new InputError(line, "price", $"market data (price, adv_shares, daily_volatility) differ from line {first.Line} for {ticker}"));
                }
            }
            else
            {
                markets[ticker!] = (market, line);
            }
        }

        if (errors.Count > 0)
        {
            throw new InputException(sourceName, errors);
        }

        if (exposures.Count == 0)
        {
            throw new InputException(sourceName, [new InputError(0, null, "the file has a header but no data rows")]);
        }

        return new ExposureData(exposures, markets.ToDictionary(kv => kv.Key, kv => kv.Value.Market, StringComparer.OrdinalIgnoreCase));
    }

    internal static bool TryDecode(ReadOnlySpan<byte> bytes, out string text, out string? problem)
    {
        try
        {
            text = Strict.GetString(bytes).Trim();
            problem = null;
            return true;
        }
        catch (DecoderFallbackException ex)
        {
            // Invalid bytes used to become U+FFFD silently, so distinct tickers or families could collide.
            text = string.Empty;
            problem = $"not valid UTF-8 text (invalid byte{(ex.BytesUnknown is { Length: > 0 } b ? " 0x" + Convert.ToHexString(b) : string.Empty)}); save the file as UTF-8";
            return false;
        }
    }
}
