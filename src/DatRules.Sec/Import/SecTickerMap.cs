using System.Collections.Frozen;
using System.Text.Json;

namespace DatRules.Sec.Import;

/// <summary>
/// Tickers by CIK, from the SEC's <c>company_tickers.json</c> (<c>{"0":{"cik_str":320193,"ticker":"AAPL","title":"Apple Inc."},...}</c>).
/// A CIK with several tickers (share classes) gets the first one in the file.
/// </summary>
public sealed class SecTickerMap
{
    private readonly FrozenDictionary<long, string> _tickers;

    private SecTickerMap(Dictionary<long, string> tickers) => _tickers = tickers.ToFrozenDictionary();

    /// <summary>Gets the number of CIKs with a ticker.</summary>
    public int Count => _tickers.Count;

    /// <summary>Reads the SEC's ticker file.</summary>
    /// <param name="json">The file's content.</param>
    /// <param name="sourceName">The file name, for error messages.</param>
    /// <returns>The map.</returns>
    /// <exception cref="SecDataException">The file is not the SEC's ticker file; the message names the JSON path.</exception>
    public static SecTickerMap Read(Stream json, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(sourceName);
        using var doc = JsonReading.Parse(json, sourceName);
        if (doc.RootElement.ValueKind != JsonValueKind.Object)
        {
            throw new SecDataException(sourceName, "$", "expected an object of entries {\"cik_str\":..,\"ticker\":..,\"title\":..}");
        }

        var map = new Dictionary<long, string>();
        foreach (var entry in doc.RootElement.EnumerateObject())
        {
            string path = $"$['{entry.Name}']";
            long cik = JsonReading.Cik(entry.Value, "cik_str", sourceName, path);
            string ticker = JsonReading.RequiredString(entry.Value, "ticker", sourceName, path);
            map.TryAdd(cik, ticker.Trim().ToUpperInvariant());
        }

        return new SecTickerMap(map);
    }

    /// <summary>Creates a map from pairs (for tests and callers with their own ticker source).</summary>
    /// <param name="tickers">CIK and ticker pairs; the first ticker of a CIK wins.</param>
    /// <returns>The map.</returns>
    public static SecTickerMap From(IEnumerable<KeyValuePair<long, string>> tickers)
    {
        ArgumentNullException.ThrowIfNull(tickers);
        var map = new Dictionary<long, string>();
        foreach (var (cik, ticker) in tickers)
        {
            map.TryAdd(cik, ticker);
        }

        return new SecTickerMap(map);
    }

    /// <summary>Gets the ticker of a CIK, or null.</summary>
    /// <param name="cik">The CIK.</param>
    /// <returns>The ticker, or null when the file has none.</returns>
    public string? TickerFor(long cik) => _tickers.TryGetValue(cik, out var t) ? t : null;
}
