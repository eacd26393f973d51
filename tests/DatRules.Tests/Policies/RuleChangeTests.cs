using DatRules.Classification;
using DatRules.Issuers;
using DatRules.Policies;

namespace DatRules.Tests.Policies;

public class RuleChangeTests
{
    private static readonly IssuerSnapshot[] Universe =
    [
        TestData.Snapshot("DAT_IN", 60m, 100m, constituent: true),     // 60%: DAT, constituent
        TestData.Snapshot("DAT_OUT", 70m, 100m, constituent: false),   // 70%: DAT, not a constituent
        TestData.Snapshot("MID", 45m, 100m, constituent: true),        // 45%: operating at 50%, DAT at 40%
        TestData.Snapshot("LOW", 10m, 100m, constituent: true),        // 10%: operating everywhere
    ];

    [Fact]
    public void Compare_ProposalToAdoptedFreeze_ChangesActionsOfDatsOnly()
    {
        var report = RuleChange.Compare(Universe, BuiltInPolicies.MsciDatProposal, BuiltInPolicies.MsciDatFreeze);

        // DAT_IN: Exclude -> Freeze+Defer; DAT_OUT: BlockAddition under both -> no change; MID, LOW: None under both.
        var change = Assert.Single(report.Changes);
        Assert.Equal("DAT_IN", change.Snapshot.Issuer.Ticker);
        Assert.False(change.ClassificationChanged);
        Assert.True(change.ActionChanged);
        Assert.Equal(PolicyAction.Exclude, change.Before.Action);
        Assert.Equal(PolicyAction.FreezeShareIncreases | PolicyAction.DeferSizeSegmentMigration, change.After.Action);
        Assert.Equal(4, report.Screened);
    }

    [Fact]
    public void Compare_LoweringThresholdTo40_FlipsOnlyTheIssuerBetween40And50()
    {
        var at40 = IndexPolicyBuilderTests.Valid().WithStatus(PolicyStatus.Proposed).Build();
        var lowered = IndexPolicy.CreateBuilder("lowered")
            .For(IndexProvider.Msci, "x").Dated(at40.AnnouncedOn, at40.EffectiveOn)
            .WithRatioThreshold(RatioThreshold.AtLeast(40m))
            .OnMatch(PolicyAction.Exclude, PolicyAction.BlockAddition)
            .CitedFrom(at40.Source).Build();

        var report = RuleChange.Compare(Universe, at40, lowered);

        Assert.Equal(["MID"], report.ChangedTickers);
        Assert.Equal(DatClassification.OperatingCompany, report.Changes[0].Before.Classification);
        Assert.Equal(DatClassification.DigitalAssetTreasury, report.Changes[0].After.Classification);
        Assert.Equal("MID: OperatingCompany/None -> DigitalAssetTreasury/Exclude", report.Changes[0].ToString());
    }

    [Fact]
    public void Compare_ByDates_ResolvesPoliciesInForce()
    {
        var report = RuleChange.Compare(Universe, PolicyCatalog.BuiltIn, IndexProvider.Msci, new LocalDate(2025, 12, 31), new LocalDate(2026, 3, 2));

        Assert.Equal("msci-2025-10-issuer-freeze", report.From.Id);
        Assert.Equal("msci-2026-01-dat-freeze", report.To.Id);
        Assert.Equal(["DAT_IN", "DAT_OUT"], report.ChangedTickers);
    }

    [Fact]
    public void Compare_SamePolicy_NoChanges() =>
        Assert.Empty(RuleChange.Compare(Universe, BuiltInPolicies.MsciDatFreeze, BuiltInPolicies.MsciDatFreeze).Changes);

    [Fact]
    public void Compare_UnknownConstituency_DetectsChangeInEitherAlternative()
    {
        var unknown = TestData.Snapshot("UNK", 60m, 100m);

        var change = Assert.Single(RuleChange.Compare([unknown], BuiltInPolicies.MsciDatProposal, BuiltInPolicies.MsciDatFreeze).Changes);

        Assert.Null(change.Before.Action);
        Assert.True(change.ActionChanged);
    }
}
