using DatRules.Sec.Edgar;
using DatRules.Sec.Tests.Edgar;

namespace DatRules.Sec.Tests.Cli;

/// <summary>
/// `fetch sec` reading its User-Agent and base URL from the environment. In the non-parallel <see cref="Timing"/>
/// collection: it sets process-wide variables, which no other test may see.
/// </summary>
[Collection(Timing.Name)]
public sealed class FetchEnvironmentTests : IDisposable
{
    private readonly EdgarTestServer _server = new();

    public void Dispose() => _server.Dispose();

    [Fact]
    public void UserAgentAndBaseUrl_FromTheEnvironment()
    {
        _server.ServeFixture(Fixtures.TickersPath, Fixtures.Tickers);
        _server.ServeFixture(Fixtures.MstrFactsPath, Fixtures.MstrFacts);
        string? userAgent = Environment.GetEnvironmentVariable(EdgarClientOptions.UserAgentVariable);
        string? baseUrl = Environment.GetEnvironmentVariable(EdgarClientOptions.BaseUrlVariable);
        Environment.SetEnvironmentVariable(EdgarClientOptions.UserAgentVariable, "Env Tester env@example.com");
        Environment.SetEnvironmentVariable(EdgarClientOptions.BaseUrlVariable, _server.BaseAddress.ToString());
        try
        {
            var result = CliRunner.Run("fetch", "sec", "--tickers", "MSTR");

            Assert.Equal(0, result.ExitCode);
            Assert.StartsWith("ticker,as_of,", result.Out, StringComparison.Ordinal);
            Assert.Contains("\nMSTR,2020-", result.Out, StringComparison.Ordinal);
            Assert.Equal(2, _server.Requests.Count);
            Assert.All(_server.Requests, r => Assert.Equal("Env Tester env@example.com", r.UserAgent));
        }
        finally
        {
            Environment.SetEnvironmentVariable(EdgarClientOptions.UserAgentVariable, userAgent);
            Environment.SetEnvironmentVariable(EdgarClientOptions.BaseUrlVariable, baseUrl);
        }
    }
}
