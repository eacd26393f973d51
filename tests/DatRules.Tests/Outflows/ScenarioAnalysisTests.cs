using DatRules.Json;
using DatRules.Outflows;
using DatRules.Testing;

namespace DatRules.Tests.Outflows;

public class ScenarioAnalysisTests
{
    private static readonly IndexFamily Msci = PublishedEstimates.Msci;
    private static readonly IndexFamily Others = PublishedEstimates.OtherProviders;

    [Fact]
    public void Analyze_StrategyJpMorganFigures_ExpectedValueAndDistribution()
    {
        // Illustrative probabilities (not sourced): nobody 25%, MSCI only 50%, MSCI + others 25%.
        // Outflows (JPMorgan): 0, 2.8B, 11.6B. EV = 0.5 x 2.8 + 0.25 x 11.6 = 1.4 + 2.9 = 4.3B.
        var analysis = new ForcedSellingEstimator().Analyze(PublishedEstimates.StrategyExposures, PublishedEstimates.StrategyMarket,
        [
            new OutflowScenario("MSCI and others", 0.25m, [Msci, Others]),
            new OutflowScenario("Nobody", 0.25m, []),
            new OutflowScenario("MSCI only", 0.5m, [Msci]),
        ]);

        Assert.Equal(4_300_000_000m, analysis.ExpectedUsd);
        Assert.Equal(["Nobody", "MSCI only", "MSCI and others"], analysis.Distribution.Select(d => d.Scenario.Name));
        Assert.Equal([0.25m, 0.75m, 1m], analysis.Distribution.Select(d => d.CumulativeProbability));
        Assert.Equal(11_600_000_000m, analysis.Distribution[^1].Estimate.Total.ForcedSellingUsd);
        // 4.3e9 / 170.39 = 25,236,222.783 shares (expected value of shares is EV USD / price at one price).
        Assert.Equal(25_236_222.78m, Math.Round(analysis.ExpectedShares, 2));
    }

    [Fact]
    public void Analyze_ProbabilitiesNotSummingToOne_ThrowsWithSum()
    {
        var ex = Assert.Throws<ArgumentException>("scenarios", () => new ForcedSellingEstimator().Analyze(PublishedEstimates.StrategyExposures, PublishedEstimates.StrategyMarket,
        [
            new OutflowScenario("MSCI", 0.75m, [Msci]),
            new OutflowScenario("Nasdaq", 0.5m, [Others]),
        ]));

        Assert.StartsWith("Scenario probabilities must add up to 1 (the scenarios are mutually exclusive outcomes); they add up to 1.25: MSCI=0.75, Nasdaq=0.5.", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Analyze_NoScenario_Throws() =>
        Assert.Throws<ArgumentException>("scenarios", () => new ForcedSellingEstimator().Analyze(PublishedEstimates.StrategyExposures, PublishedEstimates.StrategyMarket, []));

    [Fact]
    public void Scenario_ProbabilityOutOfRange_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>("probability", () => new OutflowScenario("x", 1.01m, []));

    [Fact]
    public void Json_ParsesProvidersOrFamilyNames()
    {
        string json = """
            { "impactCoefficient": 0.5, "executionDays": 3, "dailyVolatility": 0.05,
              "scenarios": [ { "name": "none", "probability": 0.4, "acting": [] },
                             { "name": "msci", "probability": 0.6, "acting": ["MSCI"] } ] }
            """;

        var set = OutflowScenarioJson.Parse(json, [Msci, Others]);

        Assert.Equal(0.5m, set.Impact.ImpactCoefficient);
        Assert.Equal(3, set.Impact.ExecutionDays);
        Assert.Equal(0.05m, set.DailyVolatility);
        Assert.Equal([Msci], set.Scenarios[1].ActingFamilies);
    }

    [Fact]
    public void Json_UnknownFamilyAndBadSum_ReportPaths()
    {
        string json = """{ "scenarios": [ { "name": "a", "probability": 0.5, "acting": ["Vanguard"] } ] }""";

        var ex = Assert.Throws<JsonInputException>(() => OutflowScenarioJson.Parse(json, [Msci]));

        Assert.StartsWith("$.scenarios[0].acting[0]: 'Vanguard' matches no index family", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_ProbabilitiesNotOne_ReportsSum()
    {
        string json = """{ "scenarios": [ { "name": "a", "probability": 0.5, "acting": [] } ] }""";

        var ex = Assert.Throws<JsonInputException>(() => OutflowScenarioJson.Parse(json, [Msci]));

        Assert.Equal("$.scenarios: probabilities must add up to 1 (mutually exclusive outcomes); they add up to 0.5", ex.Message);
    }

    [Fact]
    public void Json_BadOptions_Reported()
    {
        string json = """{ "executionDays": 0, "scenarios": [ { "name": "a", "probability": 1, "acting": [] } ] }""";

        var ex = Assert.Throws<JsonInputException>(() => OutflowScenarioJson.Parse(json, [Msci]));

        Assert.Contains("ExecutionDays should be in range [1-250]; was 0", ex.Message, StringComparison.Ordinal);
    }
}
