using DatRules.Classification;
using DatRules.Issuers;
using DatRules.Json;
using DatRules.Policies;
using DatRules.Screening;
using DatRules.Testing;

namespace DatRules.Tests.Policies;

/// <summary>
/// The three candidate non-operating rules of docs/non-operating.md (SCENARIOS, not MSCI's rules), from their JSON
/// files, on hand-computed cases including the exact boundary; library, engine and CLI give the same answers.
/// </summary>
public class NonOperatingRulesTests
{
    private static readonly LocalDate Q3 = new(2025, 9, 30);

    public static TheoryData<string, IssuerSnapshot, DatClassification> LiquidAssetsCases => new()
    {
        // (350,000,000 + 50,000,000 + 100,000,000) / 1,000,000,000 = 50% exactly: met (inclusive).
        { "exactly 50%", SnapshotBuilder.For("EXA1").TotalAssets(1_000_000_000m).Holding("BTC", 1m, 100_000_000m).LineItem(LineItem.CashAndEquivalents, 350_000_000m).LineItem(LineItem.MarketableSecurities, 50_000_000m).Build(), DatClassification.DigitalAssetTreasury },
        // 499,999,999.99 / 1,000,000,000 = 49.999999999%: not met.
        { "one cent below", SnapshotBuilder.For("EXA2").TotalAssets(1_000_000_000m).Holding("BTC", 1m, 100_000_000m).LineItem(LineItem.CashAndEquivalents, 349_999_999.99m).LineItem(LineItem.MarketableSecurities, 50_000_000m).Build(), DatClassification.OperatingCompany },
        // Bitdeer 30 Jun 2025: (299,792 + 4,540 + 169,340) / 2,041,070 = 473,672 / 2,041,070 = 23.21%: not met.
        { "Bitdeer", SnapshotBuilder.For("BTDR").AsOf(new LocalDate(2025, 6, 30)).TotalAssets(2_041_070_000m).Holding("BTC", 0m, 169_340_000m).LineItem(LineItem.CashAndEquivalents, 299_792_000m).LineItem(LineItem.MarketableSecurities, 4_540_000m).Build(), DatClassification.OperatingCompany },
        // Strategy: cash and securities not given, but digital alone 73,205,725 / 73,619,038 = 99.44% >= 50%: met.
        { "missing balances not needed", SnapshotBuilder.For("MSTR").TotalAssets(73_619_038_000m).Holding("BTC", 640_031m, 73_205_725_000m).Build(), DatClassification.DigitalAssetTreasury },
        // Cash not given and digital 10% of total assets: the missing cash could cross, so unknown (never read as zero).
        { "missing balance needed", SnapshotBuilder.For("EXA9").TotalAssets(1_000_000_000m).Holding("BTC", 1m, 100_000_000m).LineItem(LineItem.MarketableSecurities, 0m).Build(), DatClassification.Indeterminate },
        // Total assets not given: unknown.
        { "no total assets", SnapshotBuilder.For("DJT").TotalAssets(null).Holding("BTC", 1m, 1_466_689_000m).Build(), DatClassification.Indeterminate },
    };

    public static TheoryData<string, IssuerSnapshot, DatClassification> LowRevenueCases => new()
    {
        // (25 + 30 + 25 + 20) million = 100,000,000 / 2,000,000,000 = 5% exactly: not below 5%.
        { "exactly 5%", SnapshotBuilder.For("EXA3").TotalAssets(2_000_000_000m).Quarters(LineItem.Revenue, 25_000_000m, 30_000_000m, 25_000_000m, 20_000_000m).Build(), DatClassification.OperatingCompany },
        // 3 x 25,000,000 + 24,999,999.99 = 99,999,999.99 / 2,000,000,000 = 4.9999999995%: below 5%.
        { "one cent below", SnapshotBuilder.For("EXA4").TotalAssets(2_000_000_000m).Quarters(LineItem.Revenue, 25_000_000m, 25_000_000m, 25_000_000m, 24_999_999.99m).Build(), DatClassification.DigitalAssetTreasury },
        // Three quarters only: the four-quarter sum is missing.
        { "three quarters", SnapshotBuilder.For("EXA5").TotalAssets(2_000_000_000m).Quarters(LineItem.Revenue, 1m, 1m, 1m).Build(), DatClassification.Indeterminate },
        // A fiscal year 1 Oct 2024 - 30 Sep 2025 covers the window as four quarters do: 90,000,000 / 2,000,000,000 = 4.5%.
        { "fiscal year", SnapshotBuilder.For("EXA6").TotalAssets(2_000_000_000m).Build().WithLineItems(new LineItemValue(LineItem.Revenue, 90_000_000m, new DateInterval(new LocalDate(2024, 10, 1), new LocalDate(2025, 9, 30)))), DatClassification.DigitalAssetTreasury },
    };

    public static TheoryData<string, IssuerSnapshot, DatClassification> DigitalOrAccumulationCases => new()
    {
        // 400,000,000 / 1,000,000,000 = 40% >= 30% and capital raised for accumulation: met.
        { "40% with accumulation", SnapshotBuilder.For("EXA5").TotalAssets(1_000_000_000m).Holding("BTC", 1m, 400_000_000m).Disclosures(null, true).Build(), DatClassification.DigitalAssetTreasury },
        // 40% but the capital-raising flag unknown: neither branch is known to be met, the second may be: unknown.
        { "40% flag unknown", SnapshotBuilder.For("EXA6").TotalAssets(1_000_000_000m).Holding("BTC", 1m, 400_000_000m).Build(), DatClassification.Indeterminate },
        // 300,000,000 / 1,000,000,000 = 30% exactly with accumulation: met (inclusive).
        { "exactly 30%", SnapshotBuilder.For("EXA7").TotalAssets(1_000_000_000m).Holding("BTC", 1m, 300_000_000m).Disclosures(null, true).Build(), DatClassification.DigitalAssetTreasury },
        // 299,999,999.99 / 1,000,000,000 = 29.999999999%: not met even with accumulation.
        { "one cent below 30%", SnapshotBuilder.For("EXA8").TotalAssets(1_000_000_000m).Holding("BTC", 1m, 299_999_999.99m).Disclosures(null, true).Build(), DatClassification.OperatingCompany },
        // 500,000,000 / 1,000,000,000 = 50% exactly, flag unknown: the first branch is met.
        { "exactly 50%", SnapshotBuilder.For("EXA9").TotalAssets(1_000_000_000m).Holding("BTC", 1m, 500_000_000m).Build(), DatClassification.DigitalAssetTreasury },
        // 10%, flag unknown: both branches fail on the ratio, so not met whatever the flag.
        { "10% flag unknown", SnapshotBuilder.For("EXA1").TotalAssets(1_000_000_000m).Holding("BTC", 1m, 100_000_000m).Build(), DatClassification.OperatingCompany },
    };

    [Theory]
    [MemberData(nameof(LiquidAssetsCases))]
    public void LiquidAssetsRule_HandComputedCases_LibraryAndEngineAgree(string name, IssuerSnapshot snapshot, DatClassification expected) =>
        AssertBothPaths("non-operating-liquid-assets.json", name, snapshot, expected);

    [Theory]
    [MemberData(nameof(LowRevenueCases))]
    public void LowRevenueRule_HandComputedCases_LibraryAndEngineAgree(string name, IssuerSnapshot snapshot, DatClassification expected) =>
        AssertBothPaths("non-operating-low-revenue.json", name, snapshot, expected);

    [Theory]
    [MemberData(nameof(DigitalOrAccumulationCases))]
    public void DigitalOrAccumulationRule_HandComputedCases_LibraryAndEngineAgree(string name, IssuerSnapshot snapshot, DatClassification expected) =>
        AssertBothPaths("non-operating-digital-or-accumulation.json", name, snapshot, expected);

    [Fact]
    public void RuleChangeAssert_DigitalRuleToLiquidAssetsRule_FlipsExactlyTheCashRichCompany()
    {
        // EXA1: digital 10% (operating under MSCI's 50%), cash + securities + digital 50% (DAT); EXA2 one cent short stays operating.
        var proposed = Assert.Single(PolicyJson.Parse(File.ReadAllText(Example("non-operating-liquid-assets.json"))));
        var companies = new[] { LiquidAssetsCases.Select(row => (IssuerSnapshot)row[1]).ToArray() }.SelectMany(x => x).Where(s => s.Issuer.Ticker is "EXA1" or "EXA2" or "BTDR" or "MSTR").ToArray();

        RuleChangeAssert.FlipsExactly(companies, BuiltInPolicies.MsciDatFreeze, proposed, "EXA1");
    }

    [Fact]
    public void Parse_InvalidCriteria_ListsEveryErrorWithItsPath()
    {
        string json = """
            { "policies": [ { "id": "x", "provider": "MSCI", "scope": "s", "announced": "2026-01-06", "effective": "2026-01-06",
              "criteria": [
                { "ratio": { "numerator": ["cash", { "item": "revenue" }], "atLeast": 150 } },
                { "anyOf": [] },
                { "not": { "flag": "isFund" } },
                { "ratio": { "numerator": [{ "item": "cash_and_equivalents", "trailingQuarters": 4 }], "below": 5, "above": 5 } },
                { "bogus": 1 }
              ],
              "actions": { "constituent": [], "nonConstituent": [] }, "source": { "title": "t", "publisher": "p", "date": "2026-01-06" } } ] }
            """;

        var ex = Assert.Throws<JsonInputException>(() => PolicyJson.Parse(json));

        var paths = ex.Errors.Select(e => e.Path).ToArray();
        Assert.Contains("$.policies[0].criteria[0].ratio.numerator[0]", paths);
        Assert.Contains("$.policies[0].criteria[0].ratio.numerator[1]", paths);
        Assert.Contains("$.policies[0].criteria[0].ratio.atLeast", paths);
        Assert.Contains("$.policies[0].criteria[1].anyOf", paths);
        Assert.Contains("$.policies[0].criteria[2].not.flag", paths);
        Assert.Contains("$.policies[0].criteria[3].ratio", paths);
        Assert.Contains("$.policies[0].criteria[3].ratio.numerator[0].trailingQuarters", paths);
        Assert.Contains("$.policies[0].criteria[4]", paths);
        Assert.Contains(ex.Errors, e => e.Message.Contains("'cash' is not a known line item; known: cash_and_equivalents", StringComparison.Ordinal));
        Assert.Contains(ex.Errors, e => e.Message.Contains("'revenue' is a flow", StringComparison.Ordinal));
    }

    private static string Example(string file) => Path.Combine(RepoFiles.Root(), "docs", "examples", file);

    private static void AssertBothPaths(string file, string name, IssuerSnapshot snapshot, DatClassification expected)
    {
        var policy = Assert.Single(PolicyJson.Parse(File.ReadAllText(Example(file))));
        Assert.Equal(PolicyStatus.Scenario, policy.Status);

        var decision = policy.Evaluate(snapshot);
        var screened = new ScreeningEngine().Screen(Universe.From([snapshot]), policy);

        Assert.True(expected == decision.Classification, $"{name}: {decision.Classification}; {string.Join(" | ", decision.Reasons)}");
        Assert.Equal(expected, screened.ClassificationAt(0));
    }
}
