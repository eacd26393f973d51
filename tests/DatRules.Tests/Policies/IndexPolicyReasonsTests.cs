using DatRules.Classification;
using DatRules.Issuers;
using DatRules.Policies;

namespace DatRules.Tests.Policies;

/// <summary>Every reason a policy decision gives, word for word, and the AND of criteria with several of a kind.</summary>
public class IndexPolicyReasonsTests
{
    [Fact]
    public void Reasons_Constituent()
    {
        var d = BuiltInPolicies.MsciDatProposal.Evaluate(TestData.Snapshot("A", 60m, 100m, constituent: true));

        Assert.Equal("msci-2025-10-dat-proposal: index constituent -> Exclude.", d.Reasons[^1]);
    }

    [Fact]
    public void Reasons_UnknownConstituencyWithSameActions()
    {
        var same = IndexPolicyBuilderTests.Valid().OnMatch(PolicyAction.BlockAddition, PolicyAction.BlockAddition).Build();

        var d = same.Evaluate(TestData.Snapshot("A", 60m, 100m));

        Assert.Equal(PolicyAction.BlockAddition, d.Action);
        Assert.Equal("custom: BlockAddition (constituents and non-constituents alike).", d.Reasons[^1]);
    }

    [Fact]
    public void Reasons_UnknownConstituencyWithDifferentActions()
    {
        var d = BuiltInPolicies.MsciDatProposal.Evaluate(TestData.Snapshot("A", 60m, 100m));

        Assert.Equal("msci-2025-10-dat-proposal: constituent status unknown -> Exclude if a constituent, BlockAddition if not.", d.Reasons[^1]);
    }

    [Fact]
    public void Reasons_IndeterminateAndBaseline()
    {
        var indeterminate = BuiltInPolicies.MsciDatProposal.Evaluate(TestData.Snapshot("A", 1m, null));
        var baseline = BuiltInPolicies.MsciBaseline.Evaluate(TestData.Snapshot("A", 60m, 100m));

        Assert.Equal("msci-2025-10-dat-proposal: action unknown because the classification is indeterminate.", indeterminate.Reasons[^1]);
        Assert.Equal(["msci-gimi-baseline: MSCI has no digital-asset criterion under this policy."], baseline.Reasons);
        Assert.Equal(PolicyAction.None, baseline.Action);
    }

    [Fact]
    public void TwoCriteriaNotMet_IsOperating_AndTwoUnknown_IsIndeterminate()
    {
        // Two "not met" must stay "not met" (an exclusive-or would cancel them out); same for two "unknown".
        var policy = IndexPolicyBuilderTests.Valid().WithCriterion(PolicyCriteria.SelfDescribedDat()).WithCriterion(PolicyCriteria.CapitalRaisedPrimarilyForDigitalAssets()).Build();
        var bothNo = new IssuerSnapshot(new IssuerId("A"), TestData.Q3, 100m, [new DigitalAssetHolding("BTC", 1m, 60m)]) { SelfDescribedDat = false, CapitalRaisedPrimarilyForDigitalAssets = false };
        var bothUnknown = TestData.Snapshot("B", 60m, 100m);
        var allYes = new IssuerSnapshot(new IssuerId("C"), TestData.Q3, 100m, [new DigitalAssetHolding("BTC", 1m, 60m)]) { SelfDescribedDat = true, CapitalRaisedPrimarilyForDigitalAssets = true };

        Assert.Equal(DatClassification.OperatingCompany, policy.Evaluate(bothNo).Classification);
        Assert.Equal(DatClassification.Indeterminate, policy.Evaluate(bothUnknown).Classification);
        Assert.Equal(DatClassification.DigitalAssetTreasury, policy.Evaluate(allYes).Classification);
        Assert.Contains("company describes itself as a digital-asset treasury company: yes.", policy.Evaluate(allYes).Reasons);
        Assert.Contains("company raised capital primarily to accumulate digital assets: no.", policy.Evaluate(bothNo).Reasons);
    }

    [Fact]
    public void IssuerList_ReasonsAndValidation()
    {
        var d = BuiltInPolicies.MsciIssuerFreeze.Evaluate(TestData.Snapshot("3350.T", 1m, 100m, constituent: true));

        Assert.Equal("3350.T is named by the policy (issuer is one of 3350.T, ALCPB).", d.Reasons[0]);
        Assert.Equal("MSTR is not named by the policy (issuer is one of 3350.T, ALCPB).", BuiltInPolicies.MsciIssuerFreeze.Evaluate(TestData.Snapshot("MSTR", 1m, 100m)).Reasons[0]);
        Assert.Throws<ArgumentException>("tickers", () => PolicyCriteria.Issuers(Array.Empty<string>()));
    }

    [Fact]
    public void Builder_OnlyOneDate_AndUndefinedActionFlags_Fail()
    {
        var oneDate = IndexPolicy.CreateBuilder("x").For(IndexProvider.Msci, "s").CitedFrom(new PolicySource("t", "p", TestData.Q3)).Build;
        var badFlags = IndexPolicyBuilderTests.Valid().OnMatch((PolicyAction)64, PolicyAction.None);

        Assert.Equal("policy 'custom': action has undefined flags", Assert.Throws<PolicyValidationException>(() => badFlags.Build()).Message);
        Assert.Contains("policy 'x': announcement and effective dates are required (Dated)", Assert.Throws<PolicyValidationException>(oneDate).Failures);
        Assert.Equal("policy 'custom': action has undefined flags", Assert.Throws<PolicyValidationException>(() => IndexPolicyBuilderTests.Valid().OnMatch(PolicyAction.None, (PolicyAction)64).Build()).Message);
    }

    [Fact]
    public void Builder_BlankId_MessageSaysPolicy()
    {
        var ex = Assert.Throws<PolicyValidationException>(() => IndexPolicy.CreateBuilder("").For(IndexProvider.Msci, "s").Build());

        Assert.Contains("policy: announcement and effective dates are required (Dated)", ex.Failures);
    }

    [Fact]
    public void PolicySource_ToString()
    {
        Assert.Equal("MSCI, \"t\", 2025-10-10 https://example.org/", new PolicySource("t", "MSCI", new LocalDate(2025, 10, 10), new Uri("https://example.org/")).ToString());
        Assert.Equal("P, \"t\", 2025-10-10", new PolicySource("t", "P", new LocalDate(2025, 10, 10)).ToString());
        Assert.Throws<ArgumentException>("title", () => new PolicySource(" ", "P", TestData.Q3));
    }

    [Fact]
    public void Policy_ToString_AndRatioThreshold()
    {
        Assert.Equal("msci-2026-01-dat-freeze (MSCI, Adopted, effective 2026-01-06)", BuiltInPolicies.MsciDatFreeze.ToString());
        Assert.Equal(RatioThreshold.Msci, BuiltInPolicies.MsciDatFreeze.RatioThreshold);
        Assert.Null(BuiltInPolicies.MsciBaseline.RatioThreshold);
    }

    [Fact]
    public void IssuerChange_ActionKnownOnOneSideOnly_IsAChange()
    {
        // Constituent known: proposal says Exclude, freeze says Freeze+Defer. Unknown on one side (indeterminate after).
        var before = TestData.Snapshot("A", 60m, 100m, constituent: true);
        var change = Assert.Single(RuleChange.Compare([before], BuiltInPolicies.MsciDatProposal, BuiltInPolicies.MsciDatFreeze).Changes);
        Assert.True(change.ActionChanged);

        // Same classification, actions unknown on both sides and equal alternatives: no change.
        var unknown = TestData.Snapshot("B", 60m, 100m);
        Assert.Empty(RuleChange.Compare([unknown], BuiltInPolicies.MsciDatProposal, BuiltInPolicies.NasdaqFollowsMsciScenario).Changes);
    }

    [Fact]
    public void Reasons_IssuerListOfFive_NamesEveryTicker()
    {
        var policy = IndexPolicyBuilderTests.Valid().WithCriterion(PolicyCriteria.Issuers("E", "D", "C", "B", "A")).Build();

        var d = policy.Evaluate(TestData.Snapshot("Z", 60m, 100m));

        Assert.Contains("Z is not named by the policy (issuer is one of A, B, C, D, E).", d.Reasons);
    }

    [Fact]
    public void Reasons_LongIssuerList_SummarisedWithCountAndFirstFive()
    {
        var tickers = Enumerable.Range(0, 100_000).Select(i => $"T{i:D6}").ToArray();
        var policy = IndexPolicyBuilderTests.Valid().WithCriterion(PolicyCriteria.Issuers(tickers)).Build();

        var d = policy.Evaluate(TestData.Snapshot("T000007", 60m, 100m));

        Assert.Contains("T000007 is named by the policy (issuer is one of 100,000 named issuers (T000000, T000001, T000002, T000003, T000004 and 99,995 more)).", d.Reasons);
        Assert.True(d.Reasons.Sum(r => r.Length) < 2_000, "a reason repeats the issuer list");
    }

    [Fact]
    public void ToString_OpenEndedStart_SaysInForceFromTheStart() =>
        Assert.Equal("msci-gimi-baseline (MSCI, Adopted, in force from the start)", BuiltInPolicies.MsciBaseline.ToString());

    [Fact]
    public void ToString_DatedPolicy_SaysEffectiveDate() =>
        Assert.Equal("msci-2026-01-dat-freeze (MSCI, Adopted, effective 2026-01-06)", BuiltInPolicies.MsciDatFreeze.ToString());
}
