using DatRules.Outflows;
using DatRules.Policies;
using NodaTime;

namespace DatRules.Cli.Input;

/// <summary>
/// What <c>datrules outflow</c> estimates without <c>--input</c>: Strategy's passive holdings per JPMorgan (20 Nov 2025)
/// and its market data, as docs/sources.md lists them. The same figures are <c>DatRules.Testing.PublishedEstimates</c>
/// (test expectations; a test checks the two agree); the core holds no published figures.
/// </summary>
internal static class DefaultOutflowInput
{
    private const string JpMorgan = "JPMorgan note of 20 Nov 2025 as reported by The Block / Bloomberg (https://particle.news/story/jpmorgan-warns-msci-review-puts-strategys-index-status-at-risk-threatening-billions-in-passive)";

    /// <summary>The MSCI family (MSCI USA, MSCI World, ACWI and other MSCI indexes holding Strategy).</summary>
    internal static IndexFamily Msci { get; } = new("MSCI (USA, World, ACWI, ...)", IndexProvider.Msci);

    /// <summary>The other providers' families taken together (Nasdaq-100, Russell 1000, ...), as JPMorgan reported them.</summary>
    internal static IndexFamily OtherProviders { get; } = new("Other providers (Nasdaq-100, Russell 1000, ...)", new IndexProvider("Other providers"));

    /// <summary>USD 2.8B in MSCI-tracking funds, USD 8.8B more with other providers (estimates, as reported).</summary>
    internal static IReadOnlyList<PassiveExposure> StrategyExposures { get; } = Array.AsReadOnly(
    [
        PassiveExposure.FromHolding("MSTR", Msci, 2_800_000_000m, new LocalDate(2025, 11, 20), JpMorgan),
        PassiveExposure.FromHolding("MSTR", OtherProviders, 8_800_000_000m, new LocalDate(2025, 11, 20), JpMorgan),
    ]);

    /// <summary>Close of USD 170.39 on 21 Nov 2025 and an average daily volume of 18.62 million shares (Apr 2025); no volatility.</summary>
    internal static MarketData StrategyMarket { get; } = new(
        "MSTR",
        new LocalDate(2025, 11, 21),
        170.39m,
        18_620_000m,
        null,
        "close 2025-11-21: https://chartexchange.com/symbol/nasdaq-mstr/exchange-volume/dark-pool-levels ; ADV (Apr 2025): https://lifetelegraph.com/2025/04/21/now-is-a-suitable-moment-for-a-long-term-purchase-of-strategy-nasdaq-mstr");
}
