using DatRules.Classification;
using DatRules.Issuers;
using DatRules.Policies;

namespace DatRules.Tests.Policies;

public class PolicyCatalogTests
{
    // Strategy at 30 Sep 2025 (10-Q): 73,205,725,000 / 73,619,038,000 = 99.44%; an MSCI constituent.
    private static readonly IssuerSnapshot Strategy = new(new IssuerId("MSTR", "Strategy Inc"), new LocalDate(2025, 9, 30), 73_619_038_000m,
        [new DigitalAssetHolding("BTC", 640_031m, 73_205_725_000m)]) { IsIndexConstituent = true };

    [Fact]
    public void InForce_2025_12_31_MsciHasNoDatRatioAction()
    {
        var policy = PolicyCatalog.BuiltIn.InForce(IndexProvider.Msci, new LocalDate(2025, 12, 31));

        Assert.Equal("msci-2025-10-issuer-freeze", policy.Id);
        Assert.Null(policy.RatioThreshold);
        var decision = policy.Evaluate(Strategy);
        Assert.Equal(PolicyAction.None, decision.Action);
    }

    [Fact]
    public void InForce_BeforeOct2025_IsBaselineWithoutCriteria()
    {
        var policy = PolicyCatalog.BuiltIn.InForce(IndexProvider.Msci, new LocalDate(2024, 6, 1));

        Assert.Equal("msci-gimi-baseline", policy.Id);
        Assert.Empty(policy.Criteria);
        Assert.Equal(DatClassification.OperatingCompany, policy.Evaluate(Strategy).Classification);
    }

    [Fact]
    public void ProposedFor_Feb2026Review_ExcludesStrategy()
    {
        // The Feb 2026 review applies as of 2 Mar 2026 (after the close of 27 Feb 2026).
        var proposal = PolicyCatalog.BuiltIn.ProposedFor(IndexProvider.Msci, new LocalDate(2026, 3, 2));

        var decision = proposal.Evaluate(Strategy);

        Assert.Equal("msci-2025-10-dat-proposal", proposal.Id);
        Assert.Equal(PolicyStatus.Proposed, proposal.Status);
        Assert.Equal(DatClassification.DigitalAssetTreasury, decision.Classification);
        Assert.Equal(PolicyAction.Exclude, decision.Action);
    }

    [Fact]
    public void ProposedFor_BeforeItsEffectiveDate_Throws()
    {
        var ex = Assert.Throws<PolicyNotFoundException>(() => PolicyCatalog.BuiltIn.ProposedFor(IndexProvider.Msci, new LocalDate(2026, 3, 1)));

        Assert.Equal("No MSCI policy proposed for 2026-03-01; the earliest is 'msci-2025-10-dat-proposal', effective 2026-03-02.", ex.Message);
    }

    [Theory]
    [InlineData(2026, 1, 6)]
    [InlineData(2026, 3, 2)]
    [InlineData(2026, 11, 24)]
    public void InForce_FromJan6_2026_IsTheFreeze(int y, int m, int d)
    {
        Assert.Equal("msci-2026-01-dat-freeze", PolicyCatalog.BuiltIn.InForce(IndexProvider.Msci, new LocalDate(y, m, d)).Id);
    }

    [Fact]
    public void InForce_Jan5_2026_IsStillTheIssuerFreeze() =>
        Assert.Equal("msci-2025-10-issuer-freeze", PolicyCatalog.BuiltIn.InForce(IndexProvider.Msci, new LocalDate(2026, 1, 5)).Id);

    [Fact]
    public void AdoptedFreeze_ConstituentStrategy_FreezesSharesAndDefersMigration()
    {
        var decision = BuiltInPolicies.MsciDatFreeze.Evaluate(Strategy);

        Assert.Equal(PolicyAction.FreezeShareIncreases | PolicyAction.DeferSizeSegmentMigration, decision.Action);
        Assert.True(decision.Action!.Value.HasFlag(PolicyAction.FreezeShareIncreases));
    }

    [Fact]
    public void AdoptedFreeze_NonConstituentDat_IsBlockedFromAddition()
    {
        var s = TestData.Snapshot("NEWDAT", 60m, 100m, constituent: false);

        var decision = BuiltInPolicies.MsciDatFreeze.Evaluate(s);

        Assert.Equal(PolicyAction.BlockAddition, decision.Action);
        Assert.Contains("msci-2026-01-dat-freeze: not an index constituent -> BlockAddition.", decision.Reasons);
    }

    [Fact]
    public void Evaluate_UnknownConstituency_GivesBothActionsAndNoSingleAction()
    {
        var decision = BuiltInPolicies.MsciDatProposal.Evaluate(TestData.Snapshot("X", 60m, 100m));

        Assert.Null(decision.Action);
        Assert.Equal(PolicyAction.Exclude, decision.ActionIfConstituent);
        Assert.Equal(PolicyAction.BlockAddition, decision.ActionIfNonConstituent);
        Assert.Equal("Exclude if constituent, else BlockAddition", RuleChange.Describe(decision));
    }

    [Fact]
    public void Evaluate_OperatingCompany_NoAction()
    {
        var decision = BuiltInPolicies.MsciDatFreeze.Evaluate(TestData.Snapshot("RIOT", 2_200_029_516m, 4_479_000_000m, constituent: true));

        Assert.Equal(DatClassification.OperatingCompany, decision.Classification);
        Assert.Equal(PolicyAction.None, decision.Action);
    }

    [Fact]
    public void Evaluate_MissingTotalAssets_IndeterminateAndUnknownAction()
    {
        var decision = BuiltInPolicies.MsciDatFreeze.Evaluate(TestData.Snapshot("ALCPB", 320_759_216m, null, constituent: true));

        Assert.Equal(DatClassification.Indeterminate, decision.Classification);
        Assert.Null(decision.Action);
        Assert.Equal("unknown", RuleChange.Describe(decision));
    }

    [Fact]
    public void IssuerFreeze_Metaplanet_IsFrozen()
    {
        var metaplanet = TestData.Snapshot("3350.T", 1m, 100m, constituent: true);

        Assert.Equal(PolicyAction.FreezeShareIncreases, BuiltInPolicies.MsciIssuerFreeze.Evaluate(metaplanet).Action);
        Assert.Equal(PolicyAction.None, BuiltInPolicies.MsciIssuerFreeze.Evaluate(Strategy).Action);
    }

    [Fact]
    public void InForce_UnknownProvider_ThrowsListingKnownOnes()
    {
        var ex = Assert.Throws<PolicyNotFoundException>(() => PolicyCatalog.BuiltIn.InForce(new IndexProvider("CRSP"), new LocalDate(2026, 3, 2)));

        Assert.Equal("Unknown index provider 'CRSP'. Known providers: MSCI, Nasdaq, FTSE Russell, US Investment Company Act (analogy), US PFIC (analogy).", ex.Message);
    }

    [Fact]
    public void InForce_ProviderWithScenariosOnly_ThrowsNamingThem()
    {
        var ex = Assert.Throws<PolicyNotFoundException>(() => PolicyCatalog.BuiltIn.InForce(IndexProvider.Nasdaq, new LocalDate(2026, 3, 2)));

        Assert.Equal("Nasdaq has no adopted policy; its policies are: scenario-nasdaq-follows-msci-proposal (Scenario).", ex.Message);
    }

    [Fact]
    public void Get_UnknownId_ThrowsListingIds()
    {
        var ex = Assert.Throws<PolicyNotFoundException>(() => PolicyCatalog.BuiltIn.Get("nope"));

        Assert.StartsWith("No policy with id 'nope'. Known ids: msci-gimi-baseline, ", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Scenarios_AreLabelledAsScenarios()
    {
        var scenarios = PolicyCatalog.BuiltIn.Policies.Where(p => p.Id.StartsWith("scenario-", StringComparison.Ordinal)).ToList();

        Assert.NotEmpty(scenarios);
        Assert.All(scenarios, p => Assert.Equal(PolicyStatus.Scenario, p.Status));
        Assert.All(scenarios, p => Assert.StartsWith("SCENARIO", p.Notes, StringComparison.Ordinal));
    }

    [Fact]
    public void BuiltIns_EachCiteASource()
    {
        Assert.All(BuiltInPolicies.All, p =>
        {
            Assert.False(string.IsNullOrWhiteSpace(p.Source.Title));
            Assert.False(string.IsNullOrWhiteSpace(p.Source.Publisher));
        });
    }

    [Fact]
    public void Constructor_DuplicateIds_Throws()
    {
        var ex = Assert.Throws<PolicyValidationException>(() => PolicyCatalog.BuiltIn.WithPolicies([BuiltInPolicies.MsciDatFreeze]));

        Assert.Equal("policy id 'msci-2026-01-dat-freeze' is defined 2 times", ex.Message);
    }

    [Fact]
    public void InForce_PicksLatestEffectiveOnOrBefore_AndIgnoresNotYetAnnounced()
    {
        // A policy announced 2026-06-01 but back-dated to take effect 2026-05-01 is not "in force" on 2026-05-15:
        // nobody knew of it yet.
        var backDated = IndexPolicy.CreateBuilder("test-backdated")
            .For(IndexProvider.Msci, BuiltInPolicies.MsciGimi)
            .Dated(new LocalDate(2026, 6, 1), new LocalDate(2026, 6, 1))
            .WithRatioThreshold(RatioThreshold.AtLeast(40m))
            .OnMatch(PolicyAction.Exclude, PolicyAction.BlockAddition)
            .CitedFrom(new PolicySource("test", "test", new LocalDate(2026, 6, 1)))
            .Build();
        var catalog = PolicyCatalog.BuiltIn.WithPolicies([backDated]);

        Assert.Equal("msci-2026-01-dat-freeze", catalog.InForce(IndexProvider.Msci, new LocalDate(2026, 5, 31)).Id);
        Assert.Equal("test-backdated", catalog.InForce(IndexProvider.Msci, new LocalDate(2026, 6, 1)).Id);
        Assert.Equal("msci-2026-01-dat-freeze", PolicyCatalog.BuiltIn.InForce(IndexProvider.Msci, new LocalDate(2026, 6, 1)).Id);
    }
}
