using DatRules.Outflows;
using DatRules.Policies;

namespace DatRules.Testing;

/// <summary>
/// Published figures to test forced-selling estimates against, labelled as estimates (see docs/outflows.md and
/// docs/sources.md): JPMorgan's USD 2.8B of Strategy (MSTR) held by MSCI trackers and USD 8.8B more with other
/// providers, and Strategy's market data. Only Strategy has a sourced breakdown of passive holdings by provider.
/// </summary>
/// <remarks>
/// Test expectations, not library data (moved here from the core, namespace <c>DatRules.Outflows</c>). The
/// <c>datrules outflow</c> command keeps the same figures as its default input.
/// </remarks>
public static class PublishedEstimates
{
    private const string JpMorgan = "JPMorgan note of 20 Nov 2025 as reported by The Block / Bloomberg (https://particle.news/story/jpmorgan-warns-msci-review-puts-strategys-index-status-at-risk-threatening-billions-in-passive)";

    /// <summary>Gets the MSCI family (MSCI USA, MSCI World, ACWI and other MSCI indexes holding Strategy).</summary>
    public static IndexFamily Msci { get; } = new("MSCI (USA, World, ACWI, ...)", IndexProvider.Msci);

    /// <summary>Gets the other providers' families taken together (Nasdaq-100, Russell 1000, ...), as JPMorgan reported them.</summary>
    public static IndexFamily OtherProviders { get; } = new("Other providers (Nasdaq-100, Russell 1000, ...)", new IndexProvider("Other providers"));

    /// <summary>
    /// Gets Strategy's passive holdings per JPMorgan (20 Nov 2025): USD 2.8B in MSCI-tracking funds, USD 8.8B more with
    /// other providers (USD 11.6B in all). Estimates, as reported.
    /// </summary>
    public static IReadOnlyList<PassiveExposure> StrategyExposures { get; } =
    [
        PassiveExposure.FromHolding("MSTR", Msci, 2_800_000_000m, new LocalDate(2025, 11, 20), JpMorgan),
        PassiveExposure.FromHolding("MSTR", OtherProviders, 8_800_000_000m, new LocalDate(2025, 11, 20), JpMorgan),
    ];

    /// <summary>
    /// Gets Strategy's market data: close of USD 170.39 on 21 Nov 2025 (chartexchange.com) and an average daily volume
    /// of 18.62 million shares (lifetelegraph.com, 21 Apr 2025: the only average volume in our sources, and stale).
    /// No daily volatility is sourced, so no price impact is estimated unless the user gives one.
    /// </summary>
    public static MarketData StrategyMarket { get; } = new(
        "MSTR",
        new LocalDate(2025, 11, 21),
        170.39m,
        18_620_000m,
        null,
        "close 2025-11-21: https://chartexchange.com/symbol/nasdaq-mstr/exchange-volume/dark-pool-levels ; ADV (Apr 2025): https://lifetelegraph.com/2025/04/21/now-is-a-suitable-moment-for-a-long-term-purchase-of-strategy-nasdaq-mstr");
}
