using DatRules.Classification;
using DatRules.Issuers;
using DatRules.Policies;

namespace DatRules.Tests.Policies;

public class IndexPolicyBuilderTests
{
    [Fact]
    public void Build_Empty_ListsEveryFailure()
    {
        var ex = Assert.Throws<PolicyValidationException>(() => IndexPolicy.CreateBuilder("x").OnMatch(PolicyAction.Exclude, PolicyAction.None).Build());

        Assert.Equal(
            [
                "policy 'x': provider is required (For)",
                "policy 'x': scope (index family) is required (For)",
                "policy 'x': announcement and effective dates are required (Dated)",
                "policy 'x': a policy with actions needs at least one criterion",
                "policy 'x': a public source is required (CitedFrom)",
            ],
            ex.Failures);
    }

    [Fact]
    public void Build_EffectiveBeforeAnnounced_Fails()
    {
        var ex = Assert.Throws<PolicyValidationException>(() => Valid().Dated(new LocalDate(2026, 2, 1), new LocalDate(2026, 1, 1)).Build());

        Assert.Equal("policy 'custom': effective date 2026-01-01 is before announcement date 2026-02-01", ex.Message);
    }

    [Fact]
    public void Build_ExcludeCombinedWithFreeze_Fails()
    {
        var ex = Assert.Throws<PolicyValidationException>(() => Valid().OnMatch(PolicyAction.Exclude | PolicyAction.FreezeShareIncreases, PolicyAction.None).Build());

        Assert.Contains("Exclude cannot be combined", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_BlankId_Fails() =>
        Assert.Contains("policy id is required", Assert.Throws<PolicyValidationException>(() => IndexPolicy.CreateBuilder(" ").Build()).Failures);

    [Fact]
    public void CustomCriterion_PlugsIn_AndAllCriteriaMustBeMet()
    {
        // A methodology team's own rule: only issuers listed in the US.
        var policy = Valid().WithCriterion(new CountryCriterion("US")).Build();
        var usDat = new IssuerSnapshot(new IssuerId("A", country: "US"), TestData.Q3, 100m, [new DigitalAssetHolding("BTC", 1m, 60m)]) { IsIndexConstituent = true };
        var jpDat = new IssuerSnapshot(new IssuerId("B", country: "JP"), TestData.Q3, 100m, [new DigitalAssetHolding("BTC", 1m, 60m)]) { IsIndexConstituent = true };

        Assert.Equal(PolicyAction.Exclude, policy.Evaluate(usDat).Action);
        Assert.Equal(PolicyAction.None, policy.Evaluate(jpDat).Action);
        Assert.Contains("listed in JP, not US", policy.Evaluate(jpDat).Reasons);
    }

    [Fact]
    public void SelfDescribedCriterion_UnknownFlag_IsIndeterminate()
    {
        var policy = Valid().WithCriterion(PolicyCriteria.SelfDescribedDat()).Build();

        var decision = policy.Evaluate(TestData.Snapshot("A", 60m, 100m, constituent: true));

        Assert.Equal(DatClassification.Indeterminate, decision.Classification);
        Assert.Contains("company describes itself as a digital-asset treasury company: unknown (self_described_dat is not given).", decision.Reasons);
    }

    [Fact]
    public void SelfDescribedCriterion_NotMet_OutweighsUnknown()
    {
        var policy = Valid().WithCriterion(PolicyCriteria.SelfDescribedDat()).WithCriterion(PolicyCriteria.CapitalRaisedPrimarilyForDigitalAssets()).Build();
        var s = new IssuerSnapshot(new IssuerId("A"), TestData.Q3, 100m, [new DigitalAssetHolding("BTC", 1m, 60m)]) { SelfDescribedDat = false };

        Assert.Equal(DatClassification.OperatingCompany, policy.Evaluate(s).Classification);
    }

    internal static IndexPolicyBuilder Valid() => IndexPolicy.CreateBuilder("custom")
        .For(IndexProvider.Msci, "Custom scope")
        .WithStatus(PolicyStatus.Scenario)
        .Dated(new LocalDate(2026, 1, 1), new LocalDate(2026, 3, 2))
        .WithRatioThreshold(RatioThreshold.Msci)
        .OnMatch(PolicyAction.Exclude, PolicyAction.BlockAddition)
        .CitedFrom(new PolicySource("Internal methodology note", "Test team", new LocalDate(2026, 1, 1)));

    private sealed class CountryCriterion(string country) : IPolicyCriterion
    {
        public string Description => $"listed in {country}";

        public CriterionResult Evaluate(IssuerSnapshot snapshot) => snapshot.Issuer.Country switch
        {
            null => CriterionResult.Of(CriterionOutcome.Unknown, "country unknown"),
            var c when c == country => CriterionResult.Of(CriterionOutcome.Met, $"listed in {c}"),
            var c => CriterionResult.Of(CriterionOutcome.NotMet, $"listed in {c}, not {country}"),
        };
    }
}
