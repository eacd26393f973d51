using DatRules.Classification;
using DatRules.Issuers;
using DatRules.Policies;
using DatRules.Screening;

namespace DatRules.Tests.Screening;

public class ScreeningEngineTests
{
    private static readonly LocalDate Q2 = new(2025, 6, 30);

    [Fact]
    public void ScreenOnDates_UsesLatestSnapshotAndPolicyInForce()
    {
        // AAA crosses 50% between Q2 (40%) and Q3 (60%); BBB reports only from Q3; CCC never crosses.
        var universe = new UniverseBuilder()
            .Add("AAA", Q2, 40m, 100m, isIndexConstituent: true)
            .Add("AAA", TestData.Q3, 60m, 100m, isIndexConstituent: true)
            .Add("BBB", TestData.Q3, 90m, 100m, isIndexConstituent: false)
            .Add("CCC", Q2, 10m, 100m, isIndexConstituent: true)
            .Build();
        var dates = new[] { new LocalDate(2025, 8, 1), new LocalDate(2025, 12, 31), new LocalDate(2026, 3, 2) };

        var results = new ScreeningEngine().ScreenOnDates(universe, PolicyCatalog.BuiltIn, IndexProvider.Msci, dates);

        Assert.Equal(["msci-gimi-baseline", "msci-2025-10-issuer-freeze", "msci-2026-01-dat-freeze"], results.Select(r => r.Policy.Id));
        var march = results[2];
        Assert.Equal(["AAA", "BBB", "CCC"], Enumerable.Range(0, 3).Select(march.TickerAt));
        Assert.Equal(1, march.RowAt(0));                          // AAA's Q3 snapshot
        Assert.Equal(PolicyAction.FreezeShareIncreases | PolicyAction.DeferSizeSegmentMigration, march.ActionAt(0));
        Assert.Equal(PolicyAction.BlockAddition, march.ActionAt(1));
        Assert.Equal(DatClassification.OperatingCompany, march.ClassificationAt(2));
        Assert.Equal(2, march.DatCount);
        Assert.Equal(-1, results[0].RowAt(1));                      // BBB has no snapshot by 1 Aug 2025
        Assert.Equal(1, results[0].NoDataCount);
        Assert.Equal(0.6m, march.RatioAt(0));                       // AAA's Q3 snapshot: 60 / 100
        Assert.Equal(0.4m, results[0].RatioAt(0));                  // on 1 Aug 2025 still its Q2 one: 40 / 100
        Assert.Null(results[0].RatioAt(1));
    }

    [Fact]
    public void Flips_BetweenTwoDates_ListsIssuersThatChange()
    {
        var universe = new UniverseBuilder()
            .Add("AAA", Q2, 60m, 100m, isIndexConstituent: true)
            .Add("CCC", Q2, 10m, 100m, isIndexConstituent: true)
            .Build();
        var engine = new ScreeningEngine();
        var r = engine.ScreenOnDates(universe, PolicyCatalog.BuiltIn, IndexProvider.Msci, [new LocalDate(2025, 12, 31), new LocalDate(2026, 3, 2)]);

        var flip = Assert.Single(ScreeningEngine.Flips(r[0], r[1]));

        Assert.Equal("AAA", flip.Ticker);
        Assert.Equal(DatClassification.OperatingCompany, flip.Before);
        Assert.Equal(DatClassification.DigitalAssetTreasury, flip.After);
    }

    [Fact]
    public void Screen_ManyPolicies_CountsPerPolicy()
    {
        // Ratios 10%, 45%, 50%, 60%: >= 50% -> 2 DAT; > 40% (custom) -> 3 DAT.
        var universe = new UniverseBuilder().Add("A", Q2, 10m, 100m).Add("B", Q2, 45m, 100m).Add("C", Q2, 50m, 100m).Add("D", Q2, 60m, 100m).Add("E", Q2, 1m, null).Build();
        var above40 = IndexPolicyBuilderTests().Build();

        var results = new ScreeningEngine().Screen(universe, [BuiltInPolicies.MsciDatFreeze, above40]);

        Assert.Equal((2, 2, 1), (results[0].DatCount, results[0].OperatingCount, results[0].IndeterminateCount));
        Assert.Equal(3, results[1].DatCount);
        // B flips class (45%: operating under >= 50%, DAT under > 40%). C and D are DAT under both with unknown index
        // membership: a constituent gets Freeze+DeferMigration under the freeze but Exclude under the custom policy, so their
        // action changes too (RuleChange.Compare's meaning; before issue 21 Flips missed them).
        Assert.Equal(["B", "C", "D"], ScreeningEngine.Flips(results[0], results[1]).Select(f => f.Ticker));
    }

    [Fact]
    public void Screen_IssuerListAndFlagCriteria_MatchDomain()
    {
        var snapshots = new[]
        {
            new IssuerSnapshot(new IssuerId("3350.T"), Q2, 100m, [new DigitalAssetHolding("BTC", 1m, 96m)]) { IsIndexConstituent = true, SelfDescribedDat = true },
            new IssuerSnapshot(new IssuerId("X"), Q2, 100m, [new DigitalAssetHolding("BTC", 1m, 96m)]) { IsIndexConstituent = true, SelfDescribedDat = false },
            new IssuerSnapshot(new IssuerId("Y"), Q2, 100m, [new DigitalAssetHolding("BTC", 1m, 96m)]) { IsIndexConstituent = true },
        };
        var flagged = IndexPolicyBuilderTests().WithCriterion(PolicyCriteria.SelfDescribedDat()).Build();
        var policies = new[] { BuiltInPolicies.MsciIssuerFreeze, flagged, BuiltInPolicies.MsciBaseline };

        var results = new ScreeningEngine().Screen(Universe.From(snapshots), policies);

        for (int p = 0; p < policies.Length; p++)
        {
            for (int i = 0; i < snapshots.Length; i++)
            {
                var d = policies[p].Evaluate(snapshots[i]);
                Assert.Equal((d.Classification, d.Action), (results[p].ClassificationAt(i), results[p].ActionAt(i)));
            }
        }
    }

    [Fact]
    public void Screen_CustomCriterion_RunsInsideTheEngineAsTheDomain()
    {
        // Policy: ratio > 40% AND a custom criterion that reads the issuer's name (which the columns do not carry).
        // A (45%, named "Alpha Treasury"): both met -> DAT. B (45%, "Beta Mining"): custom not met -> operating.
        // C (10%, "Gamma Treasury"): ratio not met -> operating. D (no total assets): ratio unknown, custom met -> indeterminate.
        var custom = IndexPolicyBuilderTests().WithCriterion(new NameSaysTreasury()).Build();
        var snapshots = new[]
        {
            Snapshot("A", "Alpha Treasury", 45m, 100m),
            Snapshot("B", "Beta Mining", 45m, 100m),
            Snapshot("C", "Gamma Treasury", 10m, 100m),
            Snapshot("D", "Delta Treasury", 10m, null),
        };

        var screening = new ScreeningEngine().Screen(Universe.From(snapshots), custom);

        Assert.Equal(
            [DatClassification.DigitalAssetTreasury, DatClassification.OperatingCompany, DatClassification.OperatingCompany, DatClassification.Indeterminate],
            screening.Classifications.ToArray());
        Assert.Equal(snapshots.Select(s => custom.Evaluate(s).Classification), screening.Classifications.ToArray());
        Assert.Equal(snapshots.Select(s => custom.Evaluate(s).Action), Enumerable.Range(0, 4).Select(screening.ActionAt));
    }

    [Fact]
    public void Screen_CustomCriterionOnly_SameAsDomain()
    {
        var custom = IndexPolicy.CreateBuilder("always").For(IndexProvider.Msci, "x").Dated(Q2, Q2).WithCriterion(new AlwaysMet())
            .OnMatch(PolicyAction.Exclude, PolicyAction.BlockAddition).CitedFrom(new PolicySource("t", "t", Q2)).Build();
        var universe = new UniverseBuilder().Add("A", Q2, 1m, 2m, isIndexConstituent: true).Add("B", Q2, 0m, 2m, isIndexConstituent: false).Build();

        var screening = new ScreeningEngine().Screen(universe, custom);

        // Met for every row: DAT; a constituent is excluded, a non-constituent blocked.
        Assert.Equal([PolicyAction.Exclude, PolicyAction.BlockAddition], [screening.ActionAt(0), screening.ActionAt(1)]);
        Assert.Equal(2, screening.DatCount);
    }

    private static IssuerSnapshot Snapshot(string ticker, string name, decimal digital, decimal? total) =>
        new(new IssuerId(ticker, name), Q2, total, [new DigitalAssetHolding("BTC", 1m, digital)]);

    private sealed class NameSaysTreasury : IPolicyCriterion
    {
        public string Description => "name says treasury";

        public CriterionResult Evaluate(IssuerSnapshot snapshot) =>
            CriterionResult.Of(snapshot.Issuer.Name?.Contains("Treasury", StringComparison.Ordinal) == true ? CriterionOutcome.Met : CriterionOutcome.NotMet, "name");
    }

    [Fact]
    public void Explain_GivesDomainReasons()
    {
        var universe = new UniverseBuilder().Add("A", Q2, 50m, 100m, isIndexConstituent: true).Build();

        var decision = new ScreeningEngine().Screen(universe, BuiltInPolicies.MsciDatFreeze).Explain(0)!;

        Assert.Contains("= 50% meets >= 50%", decision.Reasons[0], StringComparison.Ordinal);
        Assert.Equal(0.5m, universe.RatioAt(0));
    }

    [Fact]
    public void Options_Invalid_Throw()
    {
        var ex = Assert.Throws<ArgumentException>(() => new ScreeningEngine(new ScreeningOptions { MaxDegreeOfParallelism = 0, ChunkSize = 100 }));
        Assert.Equal("MaxDegreeOfParallelism should be >= 1; was 0; ChunkSize should be >= 1024 and a multiple of 8; was 100", ex.Message);
    }

    [Fact]
    public void Builder_NegativeAmount_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>("totalAssets", () => new UniverseBuilder().Add("A", Q2, 1m, -1m));

    private static IndexPolicyBuilder IndexPolicyBuilderTests() => IndexPolicy.CreateBuilder("custom")
        .For(IndexProvider.Msci, "x").Dated(Q2, Q2).WithRatioThreshold(RatioThreshold.Above(40m))
        .OnMatch(PolicyAction.Exclude, PolicyAction.BlockAddition).CitedFrom(new PolicySource("t", "t", Q2));

    private sealed class AlwaysMet : IPolicyCriterion
    {
        public string Description => "always";

        public CriterionResult Evaluate(IssuerSnapshot snapshot) => CriterionResult.Of(CriterionOutcome.Met, "always");
    }
}

public class ScreenIntoTests
{
    [Fact]
    public void ScreenInto_SameAsScreen()
    {
        // 10%, 50%, 70% (not a constituent), missing total.
        var universe = new UniverseBuilder()
            .Add("A", TestData.Q3, 10m, 100m, true).Add("B", TestData.Q3, 50m, 100m, true)
            .Add("C", TestData.Q3, 70m, 100m, false).Add("D", TestData.Q3, 1m, null).Build();
        var classes = new DatClassification[4];
        var actions = new ScreenedAction[4];

        int dat = new ScreeningEngine().ScreenInto(universe, BuiltInPolicies.MsciDatFreeze, classes, actions);

        Assert.Equal(2, dat);
        Assert.Equal([DatClassification.OperatingCompany, DatClassification.DigitalAssetTreasury, DatClassification.DigitalAssetTreasury, DatClassification.Indeterminate], classes);
        // B is a constituent: Freeze | DeferMigration; C is not: BlockAddition; D is indeterminate: unknown.
        Assert.Equal([PolicyAction.None, PolicyAction.FreezeShareIncreases | PolicyAction.DeferSizeSegmentMigration, PolicyAction.BlockAddition, null], actions.Select(a => a.Action));
    }

    [Fact]
    public void ScreenInto_ShortBuffer_Throws() =>
        Assert.Throws<ArgumentException>("classifications", () => new ScreeningEngine().ScreenInto(new UniverseBuilder().Add("A", TestData.Q3, 1m, 2m).Build(), BuiltInPolicies.MsciDatFreeze, Array.Empty<DatClassification>(), new ScreenedAction[1]));
}

public class CurrencyMixScreeningTests
{
    [Fact]
    public void CurrencyMixRow_IsIndeterminate_AndExplainsWhy()
    {
        var mixed = new DatRules.Issuers.IssuerSnapshot(new DatRules.Issuers.IssuerId("EUR"), TestData.Q3, 100m, [new DatRules.Issuers.DigitalAssetHolding("BTC", 1m, 60m, new DatRules.Issuers.Currency("EUR"))]);
        var universe = Universe.From([mixed]);

        var screening = new ScreeningEngine().Screen(universe, BuiltInPolicies.MsciDatFreeze);

        Assert.Equal(DatClassification.Indeterminate, screening.ClassificationAt(0));
        Assert.Contains("unknown currency mix", screening.Explain(0)!.Reasons[0], StringComparison.Ordinal);
        Assert.Null(universe.RatioAt(0));
        Assert.Equal(1, universe.FallbackCount);
    }
}
