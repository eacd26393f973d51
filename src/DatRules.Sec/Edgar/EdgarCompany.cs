namespace DatRules.Sec.Edgar;

/// <summary>One entry of the SEC's company_tickers.json.</summary>
/// <param name="Cik">The filer's CIK.</param>
/// <param name="Ticker">The ticker, upper case as the SEC writes it (share classes with a dash, e.g. <c>BRK-B</c>).</param>
/// <param name="Title">The company's name as the SEC writes it.</param>
public sealed record EdgarCompany(long Cik, string Ticker, string Title);
