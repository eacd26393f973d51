using DatRules.Classification;
using DatRules.Headroom;
using DatRules.History;
using DatRules.Issuers;
using DatRules.Outflows;
using DatRules.Policies;
using DatRules.Testing;

namespace DatRules.Tests.Results;

/// <summary>
/// The result types that hold lists (issue 21): a readable ToString each, value equality (lists compared item by item)
/// where the result is made of values, reference equality where it belongs to snapshot and policy objects.
/// </summary>
public class ResultTextAndEqualityTests
{
    private static readonly MarketData MarketWithVolatility = new("MSTR", new LocalDate(2025, 11, 21), 170.39m, 18_620_000m, 0.05m, "test");

    [Fact]
    public void ClassificationResult_ToString_NamesSnapshotClassificationRatioAndThreshold()
    {
        Assert.Equal("MSTR @ 2025-09-30: DigitalAssetTreasury, 99.44% (>= 50%)", DatClassifier.Msci.Classify(TestData.Snapshot("MSTR", 9_944m, 10_000m)).ToString());
        Assert.Equal("ABC @ 2025-09-30: OperatingCompany, 12.35% (>= 50%)", DatClassifier.Msci.Classify(TestData.Snapshot("ABC", 12_345m, 100_000m)).ToString());
        Assert.Equal("XYZ @ 2025-09-30: Indeterminate, ratio undefined (>= 50%)", DatClassifier.Msci.Classify(TestData.Snapshot("XYZ", 1m, null)).ToString());
    }

    [Fact]
    public void ClassificationResult_Equality_IsReferenceEquality()
    {
        var snapshot = TestData.Snapshot("MSTR", 9_944m, 10_000m);
        var a = DatClassifier.Msci.Classify(snapshot);
        var b = DatClassifier.Msci.Classify(snapshot);

        Assert.True(a.Equals(a));
        Assert.False(a.Equals(b));
        Assert.Equal((a.Classification, a.DigitalAssetRatio), (b.Classification, b.DigitalAssetRatio)); // values: compare the members
        Assert.Equal(a.Reasons, b.Reasons);
    }

    [Fact]
    public void PolicyDecision_ToString_NamesSnapshotPolicyClassificationAndAction()
    {
        var known = BuiltInPolicies.MsciDatProposal.Evaluate(TestData.Snapshot("MSTR", 9_944m, 10_000m, constituent: true));
        var unknown = BuiltInPolicies.MsciDatProposal.Evaluate(TestData.Snapshot("MARA", 8_000m, 10_000m));
        var operating = BuiltInPolicies.MsciDatProposal.Evaluate(TestData.Snapshot("ABC", 1_000m, 10_000m));

        Assert.Equal("MSTR @ 2025-09-30 under msci-2025-10-dat-proposal: DigitalAssetTreasury, Exclude", known.ToString());
        Assert.Equal("MARA @ 2025-09-30 under msci-2025-10-dat-proposal: DigitalAssetTreasury, Exclude if constituent, else BlockAddition", unknown.ToString());
        Assert.Equal("ABC @ 2025-09-30 under msci-2025-10-dat-proposal: OperatingCompany, None", operating.ToString());
    }

    [Fact]
    public void PolicyDecision_Equality_IsReferenceEquality()
    {
        var snapshot = TestData.Snapshot("MSTR", 9_944m, 10_000m);
        var a = BuiltInPolicies.MsciDatProposal.Evaluate(snapshot);

        Assert.True(a.Equals(a));
        Assert.False(a.Equals(BuiltInPolicies.MsciDatProposal.Evaluate(snapshot)));
    }

    [Fact]
    public void RuleChangeReport_ToString_NamesPoliciesCountsAndTickers()
    {
        IssuerSnapshot[] universe =
        [
            TestData.Snapshot("MSTR", 99m, 100m), TestData.Snapshot("ABC", 10m, 100m), TestData.Snapshot("MARA", 80m, 100m),
            TestData.Snapshot("RIOT", 60m, 100m), TestData.Snapshot("DEF", 10m, 100m),
        ];

        var report = RuleChange.Compare(universe, BuiltInPolicies.MsciBaseline, BuiltInPolicies.MsciDatProposal);
        var none = RuleChange.Compare(universe, BuiltInPolicies.MsciDatProposal, BuiltInPolicies.MsciDatProposal);

        Assert.Equal("msci-gimi-baseline -> msci-2025-10-dat-proposal: 3 of 5 issuers change (MSTR, MARA, RIOT)", report.ToString());
        Assert.Equal("msci-2025-10-dat-proposal -> msci-2025-10-dat-proposal: 0 of 5 issuers change", none.ToString());
    }

    [Fact]
    public void RuleChangeReport_ToString_NamesTenTickersThenCountsTheRest()
    {
        var universe = Enumerable.Range(1, 12).Select(i => TestData.Snapshot($"T{i:00}", 90m, 100m)).ToList();

        var report = RuleChange.Compare(universe, BuiltInPolicies.MsciBaseline, BuiltInPolicies.MsciDatFreeze);

        Assert.Equal("msci-gimi-baseline -> msci-2026-01-dat-freeze: 12 of 12 issuers change (T01, T02, T03, T04, T05, T06, T07, T08, T09, T10, and 2 more)", report.ToString());
    }

    [Fact]
    public void RuleChangeReport_Equality_IsReferenceEquality()
    {
        IssuerSnapshot[] universe = [TestData.Snapshot("MSTR", 99m, 100m)];
        var a = RuleChange.Compare(universe, BuiltInPolicies.MsciBaseline, BuiltInPolicies.MsciDatProposal);

        Assert.True(a.Equals(a));
        Assert.False(a.Equals(RuleChange.Compare(universe, BuiltInPolicies.MsciBaseline, BuiltInPolicies.MsciDatProposal)));
    }

    [Fact]
    public void SensitivityCell_ToString_NamesMoveThresholdCountAndFlips()
    {
        Assert.Equal("+10% at >= 50%: 12 DATs, flips: A, B", new SensitivityCell(10m, RatioThreshold.Msci, 12, ["A", "B"]).ToString());
        Assert.Equal("-50% at >= 50%: 1 DAT, no flips", new SensitivityCell(-50m, RatioThreshold.Msci, 1, []).ToString());
        Assert.Equal("0% at >= 40%: 0 DATs, no flips", new SensitivityCell(0m, new RatioThreshold(40m), 0, []).ToString());
        Assert.Equal("+12.5% at >= 50%: 2 DATs, flips: MSTR", new SensitivityCell(12.5m, RatioThreshold.Msci, 2, ["MSTR"]).ToString());
    }

    [Fact]
    public void SensitivityCell_Equality_ComparesFlipsItemByItem()
    {
        var a = new SensitivityCell(10m, RatioThreshold.Msci, 2, new List<string> { "A", "B" });
        var b = new SensitivityCell(10.0m, new RatioThreshold(50m), 2, ["A", "B"]);

        Assert.Equal(a, b);
        Assert.True(a == b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, new SensitivityCell(10m, RatioThreshold.Msci, 2, ["B", "A"]));
        Assert.NotEqual(a, new SensitivityCell(10m, RatioThreshold.Msci, 3, ["A", "B"]));
        Assert.NotEqual(a, new SensitivityCell(10m, new RatioThreshold(40m), 2, ["A", "B"]));
        Assert.True(a != new SensitivityCell(20m, RatioThreshold.Msci, 2, ["A", "B"]));
    }

    [Fact]
    public void SensitivityCell_RowByRowAndColumnarGrids_AreEqualCellForCell()
    {
        var snapshots = new[] { TestData.Snapshot("A", 45m, 100m), TestData.Snapshot("B", 55m, 100m), TestData.Snapshot("C", 5m, 100m) };
        decimal[] moves = [-50m, 0m, 25m];
        RatioThreshold[] thresholds = [RatioThreshold.Msci, new RatioThreshold(40m)];

        var byRow = SensitivityAnalysis.Run(snapshots, moves, thresholds);
        var columnar = SensitivityAnalysis.Run(DatRules.Screening.Universe.From(snapshots), moves, thresholds);

        Assert.Equal(byRow, columnar);
    }

    [Fact]
    public void CriterionResult_ToStringAndEquality()
    {
        var a = new CriterionResult(CriterionOutcome.Met, ["ratio 99.44% >= 50%", "figures from the 10-Q"]);

        Assert.Equal("Met: ratio 99.44% >= 50%; figures from the 10-Q", a.ToString());
        Assert.Equal("Unknown", new CriterionResult(CriterionOutcome.Unknown, []).ToString());
        Assert.Equal(CriterionResult.Of(CriterionOutcome.NotMet, "listed in DE"), new CriterionResult(CriterionOutcome.NotMet, new List<string> { "listed in DE" }));
        Assert.Equal(a.GetHashCode(), new CriterionResult(CriterionOutcome.Met, ["ratio 99.44% >= 50%", "figures from the 10-Q"]).GetHashCode());
        Assert.NotEqual(a, new CriterionResult(CriterionOutcome.NotMet, ["ratio 99.44% >= 50%", "figures from the 10-Q"]));
        Assert.NotEqual(a, new CriterionResult(CriterionOutcome.Met, ["ratio 99.44% >= 50%"]));
    }

    [Fact]
    public void OutflowScenario_ToStringAndEquality()
    {
        var msciOnly = new OutflowScenario("MSCI only", 0.5m, [PublishedEstimates.Msci]);

        Assert.Equal("MSCI only 50%: MSCI (USA, World, ACWI, ...)", msciOnly.ToString());
        Assert.Equal("Nobody 25%: nobody acts", new OutflowScenario("Nobody", 0.25m, []).ToString());
        Assert.Equal("All 25%: MSCI (USA, World, ACWI, ...), Other providers (Nasdaq-100, Russell 1000, ...)",
            new OutflowScenario("All", 0.25m, [PublishedEstimates.Msci, PublishedEstimates.OtherProviders]).ToString());

        var same = new OutflowScenario("MSCI only", 0.50m, new List<IndexFamily> { new("MSCI (USA, World, ACWI, ...)", IndexProvider.Msci) });
        Assert.Equal(msciOnly, same);
        Assert.Equal(msciOnly.GetHashCode(), same.GetHashCode());
        Assert.NotEqual(msciOnly, new OutflowScenario("MSCI only", 0.5m, [PublishedEstimates.OtherProviders]));
        Assert.NotEqual(msciOnly, new OutflowScenario("MSCI only", 0.4m, [PublishedEstimates.Msci]));
    }

    [Fact]
    public void OutflowScenarioSet_ToStringAndEquality()
    {
        OutflowScenario[] scenarios = [new("Nobody", 0.5m, []), new("MSCI only", 0.5m, [PublishedEstimates.Msci])];
        var set = new OutflowScenarioSet(scenarios, new ImpactOptions(), 0.05m);

        Assert.Equal("2 scenarios (Nobody 50%: nobody acts; MSCI only 50%: MSCI (USA, World, ACWI, ...)), impact coefficient 1 over 1 day, daily volatility 5%", set.ToString());
        Assert.Equal("1 scenario (Nobody 100%: nobody acts), impact coefficient 0.5 over 3 days, daily volatility from the market data",
            new OutflowScenarioSet([new OutflowScenario("Nobody", 1m, [])], new ImpactOptions { ImpactCoefficient = 0.5m, ExecutionDays = 3 }, null).ToString());

        var same = new OutflowScenarioSet([.. scenarios], new ImpactOptions(), 0.05m);
        Assert.Equal(set, same);
        Assert.Equal(set.GetHashCode(), same.GetHashCode());
        Assert.NotEqual(set, new OutflowScenarioSet(scenarios, new ImpactOptions { ExecutionDays = 2 }, 0.05m));
        Assert.NotEqual(set, new OutflowScenarioSet(scenarios, new ImpactOptions(), null));
        Assert.NotEqual(set, new OutflowScenarioSet([.. scenarios.Reverse()], new ImpactOptions(), 0.05m));
    }

    [Fact]
    public void OutflowEstimate_ToString_NamesTotalAndFamilies()
    {
        var estimator = new ForcedSellingEstimator();

        // 2.8e9 / 170.39 = 16,432,889.25 shares; / 18.62M ADV = 0.8825 days; 0.05 x sqrt(0.8825) = 4.70% (docs/outflows.md).
        Assert.Equal("MSTR: 2,800,000,000 USD, 16,432,889 shares, 0.88 days of volume, impact 4.70% (MSCI (USA, World, ACWI, ...))",
            estimator.Estimate(PublishedEstimates.StrategyExposures, MarketWithVolatility, [PublishedEstimates.Msci]).ToString());
        Assert.Equal("MSTR: 2,800,000,000 USD, 16,432,889 shares, 0.88 days of volume, impact n/a (MSCI (USA, World, ACWI, ...))",
            estimator.Estimate(PublishedEstimates.StrategyExposures, PublishedEstimates.StrategyMarket, [PublishedEstimates.Msci]).ToString());
        Assert.Equal("MSTR: 0 USD, 0 shares, 0.00 days of volume, impact n/a (no family acts)",
            estimator.Estimate(PublishedEstimates.StrategyExposures, PublishedEstimates.StrategyMarket, []).ToString());
    }

    [Fact]
    public void OutflowEstimate_Equality_ComparesFamilyLinesItemByItem()
    {
        var estimator = new ForcedSellingEstimator();
        var a = estimator.Estimate(PublishedEstimates.StrategyExposures, MarketWithVolatility, [PublishedEstimates.Msci, PublishedEstimates.OtherProviders]);
        var b = estimator.Estimate(PublishedEstimates.StrategyExposures, MarketWithVolatility, [PublishedEstimates.Msci, PublishedEstimates.OtherProviders]);

        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.Equal(a, new OutflowEstimate(a.Ticker, a.Market, [.. a.Families], a.Total));
        Assert.NotEqual(a, new OutflowEstimate(a.Ticker, a.Market, [.. a.Families.Reverse()], a.Total));
        Assert.NotEqual(a, estimator.Estimate(PublishedEstimates.StrategyExposures, MarketWithVolatility, [PublishedEstimates.Msci]));
    }

    [Fact]
    public void ScenarioAnalysis_ToStringAndEquality()
    {
        OutflowScenario[] scenarios = [new("MSCI only", 0.5m, [PublishedEstimates.Msci]), new("Nobody", 0.5m, [])];
        var estimator = new ForcedSellingEstimator();
        var a = estimator.Analyze(PublishedEstimates.StrategyExposures, PublishedEstimates.StrategyMarket, scenarios);

        // Expected shares: 0.5 x 16,432,889.25 = 8,216,444.63; outcomes sorted by USD (Nobody first).
        Assert.Equal("MSTR: expected 1,400,000,000 USD (8,216,445 shares) over 2 scenarios: Nobody 50% 0 USD; MSCI only 50% 2,800,000,000 USD", a.ToString());

        var b = estimator.Analyze(PublishedEstimates.StrategyExposures, PublishedEstimates.StrategyMarket, scenarios);
        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, new ScenarioAnalysis(a.Ticker, [.. a.Distribution.Reverse()], a.ExpectedUsd, a.ExpectedShares));
        Assert.NotEqual(a, new ScenarioAnalysis(a.Ticker, a.Distribution, a.ExpectedUsd + 1m, a.ExpectedShares));
    }

    [Fact]
    public void FreezeCost_ToStringAndEquality()
    {
        ShareIssuance[] tranches = [new(new LocalDate(2026, 1, 10), 600_000m, 100m), new(new LocalDate(2026, 2, 10), 400_000m, 50m)];
        var cost = new FreezeCost(tranches, 1_000_000m, 150_000m, 12_000_000m);

        Assert.Equal("2 tranches, 1,000,000 new shares: 150,000 shares forgone, 12,000,000 USD", cost.ToString());
        Assert.Equal("0 tranches, 0 new shares: 0 shares forgone, 0 USD", new FreezeCost([], 0m, 0m, 0m).ToString());

        var same = new FreezeCost([new(new LocalDate(2026, 1, 10), 600_000m, 100m), new(new LocalDate(2026, 2, 10), 400_000m, 50m)], 1_000_000m, 150_000m, 12_000_000m);
        Assert.Equal(cost, same);
        Assert.Equal(cost.GetHashCode(), same.GetHashCode());
        Assert.NotEqual(cost, new FreezeCost([tranches[0]], 1_000_000m, 150_000m, 12_000_000m));
        Assert.NotEqual(cost, new FreezeCost(tranches, 1_000_000m, 150_000m, 12_000_001m));
    }

    [Fact]
    public void IssuerHistory_ToStringAndEquality()
    {
        IssuerSnapshot[] snapshots =
        [
            TestData.Snapshot("MSTR", 60m, 100m, asOf: new LocalDate(2025, 3, 31)),
            TestData.Snapshot("MSTR", 40m, 100m, asOf: new LocalDate(2024, 12, 31)),
            TestData.Snapshot("MSTR", 99m, 100m, asOf: new LocalDate(2025, 9, 30)),
            TestData.Snapshot("ABC", 10m, 100m),
        ];

        var histories = HistoryAnalysis.Run(snapshots);

        Assert.Equal("MSTR: 3 points 2024-12-31..2025-09-30, first DAT 2025-03-31", histories[0].ToString());
        Assert.Equal("ABC: 1 point 2025-09-30, never a DAT", histories[1].ToString());
        Assert.Equal("X: no points, never a DAT", new IssuerHistory("X", [], null).ToString());

        var again = HistoryAnalysis.Run(snapshots);
        Assert.Equal(histories, again);
        Assert.Equal(histories[0].GetHashCode(), again[0].GetHashCode());
        Assert.Equal(histories, HistoryAnalysis.Run(DatRules.Screening.Universe.From(snapshots), null));
        Assert.NotEqual(histories[0], new IssuerHistory("MSTR", [.. histories[0].Points.Take(2)], histories[0].FirstCrossed));
        Assert.NotEqual(histories[0], new IssuerHistory("MSTR", histories[0].Points, null));
    }

    [Fact]
    public void MnavResult_ToStringAndEquality()
    {
        var a = new MnavResult { Ticker = "MSTR", MnavOnMarketCap = 1.25m, MnavOnEnterpriseValue = 1.4m, DigitalAssetsPerShare = 120.5m, PremiumPct = 25m, Reasons = [] };
        var undefined = new MnavResult { Ticker = "X", Reasons = ["No market cap given.", "No shares outstanding given."] };

        Assert.Equal("MSTR: mNAV 1.25 on market cap, 1.40 on EV, premium 25.00%, 120.50 per share", a.ToString());
        Assert.Equal("X: mNAV n/a on market cap, n/a on EV, premium n/a, n/a per share (No market cap given.; No shares outstanding given.)", undefined.ToString());

        var same = new MnavResult { Ticker = "MSTR", MnavOnMarketCap = 1.25m, MnavOnEnterpriseValue = 1.40m, DigitalAssetsPerShare = 120.5m, PremiumPct = 25m, Reasons = new List<string>() };
        Assert.Equal(a, same);
        Assert.Equal(a.GetHashCode(), same.GetHashCode());
        Assert.Equal(undefined, new MnavResult { Ticker = "X", Reasons = ["No market cap given.", "No shares outstanding given."] });
        Assert.NotEqual(undefined, new MnavResult { Ticker = "X", Reasons = ["No market cap given."] });
        Assert.NotEqual(a, new MnavResult { Ticker = "MSTR", MnavOnMarketCap = 1.25m, Reasons = [] });
    }

    [Fact]
    public void HeadroomResult_ToStringAndEquality()
    {
        // D = 60, A = 40, t = 0.5: f* = 0.5 x 40 / (0.5 x 60) = 0.66666667 on the grid; price 60 x f* = 40.00, move -33.33%.
        var dat = HeadroomCalculator.Compute(TestData.Snapshot("MSTR", 60m, 100m));
        var indeterminate = HeadroomCalculator.Compute(TestData.Snapshot("XYZ", 1m, null));

        Assert.Equal("MSTR BTC: DigitalAssetTreasury at >= 50%, FallToExit: price move -33.33% (break-even 40.00, now 60.00)", dat.ToString());
        Assert.Equal($"XYZ BTC: Indeterminate at >= 50%, Undefined: {indeterminate.Reasons[0]}", indeterminate.ToString());

        var again = HeadroomCalculator.Compute(TestData.Snapshot("MSTR", 60m, 100m));
        Assert.Equal(dat, again);
        Assert.Equal(dat.GetHashCode(), again.GetHashCode());
        Assert.NotEqual(dat, HeadroomCalculator.Compute(TestData.Snapshot("MSTR", 60m, 100m), new RatioThreshold(40m)));
        Assert.NotEqual(dat, HeadroomCalculator.Compute(TestData.Snapshot("MSTR", 61m, 100m)));
    }

    [Fact]
    public void Provenance_Equality_ComparesConceptsItemByItem()
    {
        var a = new Provenance("sec-companyfacts") { Form = "10-Q", Concepts = new List<string> { "us-gaap:Assets", "us-gaap:CryptoAssetFairValue" } };
        var b = new Provenance("sec-companyfacts") { Form = "10-Q", Concepts = ["us-gaap:Assets", "us-gaap:CryptoAssetFairValue"] };

        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, b with { Concepts = ["us-gaap:CryptoAssetFairValue", "us-gaap:Assets"] });
        Assert.Equal("10-Q (sec-companyfacts)", a.ToString());
    }
}
