using DatRules.Outflows;
using DatRules.Policies;
using DatRules.Testing;

namespace DatRules.Tests.Outflows;

public class EstimatorGuardTests
{
    private static readonly MarketData Market = new("X", TestData.Q3, 100m, 1_000m, null, "t");
    private static readonly PassiveExposure[] Exposures = [PassiveExposure.FromHolding("X", PublishedEstimates.Msci, 1_000m, TestData.Q3, "t")];

    [Fact]
    public void NullArguments_Throw()
    {
        var e = new ForcedSellingEstimator();

        Assert.Throws<ArgumentNullException>("actingFamilies", () => e.Estimate(Exposures, Market, (IEnumerable<IndexFamily>)null!));
        Assert.Throws<ArgumentNullException>("exposures", () => e.Estimate(null!, Market, [PublishedEstimates.Msci]));
        Assert.Throws<ArgumentNullException>("market", () => e.Estimate(Exposures, null!, [PublishedEstimates.Msci]));
        Assert.Throws<ArgumentNullException>("decisions", () => e.EstimateForDecisions(Exposures, Market, null!));
        Assert.Throws<ArgumentNullException>("exposures", () => e.EstimateForDecisions(null!, Market, []));
        Assert.Throws<ArgumentNullException>("market", () => e.EstimateForDecisions(Exposures, null!, []));
        Assert.Throws<ArgumentNullException>("scenarios", () => e.Analyze(Exposures, Market, null!));
        Assert.Throws<ArgumentNullException>("exposures", () => e.Analyze(null!, Market, []));
    }

    [Fact]
    public void DecisionForAnotherIssuer_Throws()
    {
        var other = BuiltInPolicies.MsciDatProposal.Evaluate(TestData.Snapshot("Y", 60m, 100m, constituent: true));

        var ex = Assert.Throws<ArgumentException>("decisions", () => new ForcedSellingEstimator().EstimateForDecisions(Exposures, Market, [other]));
        Assert.StartsWith("Decision for Y given for an estimate of X.", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DuplicateScenarioNames_Throw()
    {
        var ex = Assert.Throws<ArgumentException>("scenarios", () => new ForcedSellingEstimator().Analyze(Exposures, Market,
            [new OutflowScenario("same", 0.5m, []), new OutflowScenario("SAME", 0.5m, [PublishedEstimates.Msci])]));

        Assert.StartsWith("Scenario name 'same' is used twice.", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DistinctScenarioNames_AreFine() =>
        Assert.Equal(2, new ForcedSellingEstimator().Analyze(Exposures, Market, [new OutflowScenario("a", 0.5m, []), new OutflowScenario("b", 0.5m, [])]).Distribution.Count);

    [Fact]
    public void Options_AreExposed()
    {
        var e = new ForcedSellingEstimator(new ImpactOptions { ImpactCoefficient = 0.7m, ExecutionDays = 3 });

        Assert.Equal(0.7m, e.ImpactCoefficient);
        Assert.Equal(3, e.ExecutionDays);
        Assert.Equal("X in MSCI (USA, World, ACWI, ...): 1,000 USD (H=1,000)", Exposures[0].ToString());
    }
}
