using System.Text;
using DatRules.Sec.Edgar;

namespace DatRules.Sec.Tests.Edgar;

public sealed class EdgarCompanyTickersTests
{
    [Fact]
    public void Read_FileOrder_FindIsCaseInsensitiveAndDotIsDash()
    {
        using var stream = File.OpenRead(Fixtures.PathOf(Fixtures.Tickers));
        var tickers = EdgarCompanyTickers.Read(stream, "company_tickers.json");

        Assert.Equal(["NVDA", "AAPL", "MSTR", "MARA", "BRK-B"], tickers.Companies.Select(c => c.Ticker));
        Assert.Equal(new EdgarCompany(320193, "AAPL", "Apple Inc."), tickers.Find(" aapl "));
        Assert.Equal(1067983, tickers.Find("brk.b")?.Cik);
    }

    [Fact]
    public void Read_NotTheTickerFile_ErrorNamingSourceAndPath()
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes("""{"0":{"cik_str":"x","ticker":"A"}}"""));

        var ex = Assert.Throws<SecDataException>(() => EdgarCompanyTickers.Read(stream, "https://example.test/files/company_tickers.json"));

        Assert.Equal("https://example.test/files/company_tickers.json: $['0'].cik_str: '\"x\"' is not a CIK (an integer in [1-9999999999])", ex.Message);
    }
}
