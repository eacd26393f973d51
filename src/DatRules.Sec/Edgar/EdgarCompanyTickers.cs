using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Text.Json;
using DatRules.Sec.Import;

namespace DatRules.Sec.Edgar;

/// <summary>
/// The SEC's company_tickers.json (<c>{"0":{"cik_str":320193,"ticker":"AAPL","title":"Apple Inc."},...}</c>), looked up
/// by ticker: how a ticker is resolved to a CIK and a name.
/// </summary>
public sealed class EdgarCompanyTickers
{
    private readonly FrozenDictionary<string, EdgarCompany> _byTicker;

    private EdgarCompanyTickers(ImmutableArray<EdgarCompany> companies)
    {
        Companies = companies;
        var byTicker = new Dictionary<string, EdgarCompany>(StringComparer.Ordinal);
        foreach (var c in companies)
        {
            byTicker.TryAdd(Normalize(c.Ticker), c);
        }

        _byTicker = byTicker.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>Gets the entries, in file order.</summary>
    public ImmutableArray<EdgarCompany> Companies { get; }

    /// <summary>Reads the SEC's ticker file.</summary>
    /// <param name="json">The file's content.</param>
    /// <param name="sourceName">The file name or URL, for error messages.</param>
    /// <returns>The entries.</returns>
    /// <exception cref="SecDataException">The file is not the SEC's ticker file; the message names the JSON path.</exception>
    public static EdgarCompanyTickers Read(Stream json, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(sourceName);
        using var doc = JsonReading.Parse(json, sourceName);
        if (doc.RootElement.ValueKind != JsonValueKind.Object)
        {
            throw new SecDataException(sourceName, "$", "expected an object of entries {\"cik_str\":..,\"ticker\":..,\"title\":..}");
        }

        var companies = ImmutableArray.CreateBuilder<EdgarCompany>();
        foreach (var entry in doc.RootElement.EnumerateObject())
        {
            string path = $"$['{entry.Name}']";
            long cik = JsonReading.Cik(entry.Value, "cik_str", sourceName, path);
            string ticker = JsonReading.RequiredString(entry.Value, "ticker", sourceName, path).Trim().ToUpperInvariant();
            string title = JsonReading.OptionalString(entry.Value, "title")?.Trim() ?? string.Empty;
            companies.Add(new EdgarCompany(cik, ticker, title));
        }

        return new EdgarCompanyTickers(companies.ToImmutable());
    }

    /// <summary>Finds a ticker: case-insensitive, a dot taken as the SEC's dash (<c>BRK.B</c> is <c>BRK-B</c>).</summary>
    /// <param name="ticker">The ticker.</param>
    /// <returns>The entry, or null when the file has none.</returns>
    public EdgarCompany? Find(string ticker)
    {
        ArgumentNullException.ThrowIfNull(ticker);
        return _byTicker.TryGetValue(Normalize(ticker), out var c) ? c : null;
    }

    private static string Normalize(string ticker) => ticker.Trim().ToUpperInvariant().Replace('.', '-');
}
