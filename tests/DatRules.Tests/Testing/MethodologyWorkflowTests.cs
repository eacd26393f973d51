using DatRules.Classification;
using DatRules.Json;
using DatRules.Policies;
using DatRules.Testing;

namespace DatRules.Tests.Testing;

/// <summary>A methodology team's workflow with DatRules.Testing: load a proposed JSON policy, assert the flips.</summary>
public class MethodologyWorkflowTests
{
    [Fact]
    public void ProposedFortyPercentLine_FlipsExactlyTheThreeIssuersBetween40And50()
    {
        // Latest embedded balance sheets: RIOT 49.12%, DJT 47.31%, HUT 40.06% sit in [40%, 50%); CleanSpark's latest
        // (10-K, 30 Sep 2025) is 1,189 / 3,180 = 37.39%, Bit Digital 37.39%, Canaan 28.62%: below; everything else above 50%.
        var proposed = Assert.Single(PolicyJson.Parse(PolicyExamples.Example));

        var report = RuleChangeAssert.FlipsExactly(SampleData.Companies(), BuiltInPolicies.MsciDatProposal, proposed, "RIOT", "DJT", "HUT");

        Assert.All(report.Changes, c => Assert.Equal(DatClassification.DigitalAssetTreasury, c.After.Classification));
    }

    [Fact]
    public void FlipsExactly_WrongExpectation_ListsUnexpectedAndMissingFlips()
    {
        var proposed = Assert.Single(PolicyJson.Parse(PolicyExamples.Example));

        var ex = Assert.Throws<RuleChangeAssertionException>(() =>
            RuleChangeAssert.FlipsExactly(SampleData.Companies(), BuiltInPolicies.MsciDatProposal, proposed, "RIOT", "DJT", "TSLA"));

        Assert.Contains("expected 3 flip(s) [RIOT, DJT, TSLA], got 3 [RIOT, DJT, HUT]", ex.Message, StringComparison.Ordinal);
        Assert.Contains("unexpected flip: HUT OperatingCompany/None -> DigitalAssetTreasury/Exclude if constituent, else BlockAddition", ex.Message, StringComparison.Ordinal);
        Assert.Contains("missing flip: TSLA", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FlipsExactly_ByDates_TheJanuary2026Decision()
    {
        // From 31 Dec 2025 (issuer freeze only) to 2 Mar 2026 (>= 50% freeze): the sixteen ratio DATs change (the ten of
        // the first dataset, and LM Funding 57.74%, Fold 94.09%, BTCS 97.34%, Sharps 91.04%, ProCap 99.98%, Forward 97.28%);
        // Metaplanet was frozen already but gains DeferSizeSegmentMigration; Capital B and Smarter Web become Indeterminate.
        RuleChangeAssert.FlipsExactly(SampleData.Companies(), PolicyCatalog.BuiltIn, IndexProvider.Msci, new LocalDate(2025, 12, 31), new LocalDate(2026, 3, 2),
            "MSTR", "3350.T", "MARA", "XXI", "SMLR", "BMNR", "SBET", "UPXI", "DFDV", "NAKA", "ALCPB", "SWC", "LMFA", "FLD", "BTCS", "STSS", "BRR", "FWDI");
    }

    [Fact]
    public void Decides_ReportsReasonsOnFailure()
    {
        var snapshot = SnapshotBuilder.For("EDGE").Constituent().WithRatio(0.5m).Build();

        RuleChangeAssert.Decides(BuiltInPolicies.MsciDatProposal, snapshot, DatClassification.DigitalAssetTreasury, PolicyAction.Exclude);
        var ex = Assert.Throws<RuleChangeAssertionException>(() => RuleChangeAssert.Decides(BuiltInPolicies.MsciDatProposal, snapshot, DatClassification.OperatingCompany, PolicyAction.None));
        Assert.Contains("= 50% meets >= 50%", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SnapshotBuilder_Defaults_AreRealistic()
    {
        var s = new SnapshotBuilder().Build();

        Assert.Equal("TEST", s.Issuer.Ticker);
        Assert.Equal(new LocalDate(2025, 9, 30), s.AsOf);
        Assert.Equal(1_000_000_000m, s.TotalAssets);
        Assert.Equal(0m, s.DigitalAssetRatio);
        Assert.Throws<InvalidOperationException>(() => new SnapshotBuilder().TotalAssets(null).WithRatio(0.5m));
    }

    [Fact]
    public void SampleData_HasTheEmbeddedCompanies()
    {
        var companies = SampleData.Companies();

        // 39 balance sheets of 32 companies; the latest of each: Metaplanet's is 31 Dec 2025, in JPY.
        Assert.Equal(32, companies.Count);
        Assert.Equal(39, SampleData.AllBalanceSheets().Count);
        Assert.Equal(73_205_725_000m, companies.Single(c => c.Issuer.Ticker == "MSTR").DigitalAssets);
        var metaplanet = companies.Single(c => c.Issuer.Ticker == "3350.T");
        Assert.Equal(new LocalDate(2025, 12, 31), metaplanet.AsOf);
        Assert.Equal(new DatRules.Issuers.Currency("JPY"), metaplanet.Currency);
    }

    [Fact]
    public void TestClock_IsNoonUtcOnTheDate() =>
        Assert.Equal(Instant.FromUtc(2026, 3, 2, 12, 0), TestClock.At(new LocalDate(2026, 3, 2)).GetCurrentInstant());
}
