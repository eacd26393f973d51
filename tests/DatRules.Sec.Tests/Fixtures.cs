namespace DatRules.Sec.Tests;

/// <summary>The fixtures in Fixtures/ (see its README for where each came from).</summary>
internal static class Fixtures
{
    public const string MstrFacts = "CIK0001050446.json";
    public const string MaraFacts = "CIK0001507605.json";
    public const string Tickers = "company_tickers.json";
    public const string TickersPath = "/files/company_tickers.json";
    public const string MstrFactsPath = "/api/xbrl/companyfacts/CIK0001050446.json";
    public const string MaraFactsPath = "/api/xbrl/companyfacts/CIK0001507605.json";

    public static string PathOf(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", name);

    public static byte[] Bytes(string name) => File.ReadAllBytes(PathOf(name));
}
