using System.Collections.Immutable;

namespace DatRules.Sec.Edgar;

/// <summary>Tickers not in the SEC's company_tickers.json; nothing else was fetched. The message names the tickers and the URL.</summary>
public sealed class EdgarUnknownTickerException : EdgarException
{
    /// <summary>Initializes the exception.</summary>
    /// <param name="url">The URL of the ticker file read.</param>
    /// <param name="tickers">The tickers not found.</param>
    public EdgarUnknownTickerException(Uri url, IEnumerable<string> tickers)
        : this(url, [.. tickers ?? throw new ArgumentNullException(nameof(tickers))])
    {
    }

    private EdgarUnknownTickerException(Uri url, ImmutableArray<string> tickers)
        : base(url, $"Ticker{(tickers.Length == 1 ? string.Empty : "s")} not in {url}: {string.Join(", ", tickers)}.")
    {
        Tickers = tickers;
    }

    /// <summary>Gets the tickers not found.</summary>
    public ImmutableArray<string> Tickers { get; }
}
