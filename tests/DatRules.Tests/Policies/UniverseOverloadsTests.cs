using DatRules.Classification;
using DatRules.History;
using DatRules.Issuers;
using DatRules.Policies;
using DatRules.Screening;
using NodaTime;

namespace DatRules.Tests.Policies;

/// <summary>The Universe overloads of RuleChange.Compare and HistoryAnalysis give the per-snapshot overloads' answers.</summary>
public sealed class UniverseOverloadsTests
{
    private static readonly LocalDate[] Dates = [new(2025, 3, 31), new(2025, 6, 30), new(2025, 9, 30), new(2025, 12, 31), new(2026, 3, 31)];

    /// <summary>Random snapshots around the 50% line: ratios 0..100% in 0.5% steps, some without total assets, membership true/false/unknown, tickers in mixed case.</summary>
    private static List<IssuerSnapshot> RandomSnapshots(int seed, int count)
    {
        var random = new Random(seed);
        var list = new List<IssuerSnapshot>();
        for (int i = 0; i < count; i++)
        {
            string ticker = (random.Next(2) == 0 ? "t" : "T") + random.Next(count / 3 + 1);
            decimal total = 1000m;
            decimal digital = random.Next(201) * 5m;
            bool? member = random.Next(3) switch { 0 => true, 1 => false, _ => null };
            list.Add(new IssuerSnapshot(new IssuerId(ticker), Dates[random.Next(Dates.Length)], random.Next(15) == 0 ? null : total, [new DigitalAssetHolding("BTC", 1m, digital)]) { IsIndexConstituent = member });
        }

        return list;
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Compare_Universe_SameAsPerSnapshot(int seed)
    {
        var snapshots = RandomSnapshots(seed, 300);
        foreach (var (from, to) in new[]
        {
            (BuiltInPolicies.MsciBaseline, BuiltInPolicies.MsciDatProposal),
            (BuiltInPolicies.MsciDatProposal, BuiltInPolicies.MsciDatFreeze),
            (BuiltInPolicies.MsciDatFreeze, BuiltInPolicies.NasdaqFollowsMsciScenario),
        })
        {
            var expected = RuleChange.Compare(snapshots, from, to);
            var actual = RuleChange.Compare(Universe.From(snapshots), from, to);

            Assert.Equal(expected.Screened, actual.Screened);
            Assert.Equal(
                expected.Changes.Select(c => (c.Snapshot.Issuer.Ticker, c.Before.Classification, c.After.Classification, RuleChange.Describe(c.Before), RuleChange.Describe(c.After))),
                actual.Changes.Select(c => (c.Snapshot.Issuer.Ticker, c.Before.Classification, c.After.Classification, RuleChange.Describe(c.Before), RuleChange.Describe(c.After))));
        }
    }

    [Theory]
    [InlineData(4)]
    [InlineData(5)]
    public void History_Universe_SameAsPerSnapshot(int seed)
    {
        var snapshots = RandomSnapshots(seed, 200);
        var universe = Universe.From(snapshots);

        Assert.Equal(Flatten(HistoryAnalysis.Run(snapshots)), Flatten(HistoryAnalysis.Run(universe, null)));
        var classifier = new DatClassifier(RatioThreshold.Above(40m));
        Assert.Equal(Flatten(HistoryAnalysis.Run(snapshots, classifier)), Flatten(HistoryAnalysis.Run(universe, classifier)));
        Assert.Equal(
            Flatten(HistoryAnalysis.RunUnderPoliciesInForce(snapshots, PolicyCatalog.BuiltIn, IndexProvider.Msci)),
            Flatten(HistoryAnalysis.RunUnderPoliciesInForce(universe, PolicyCatalog.BuiltIn, IndexProvider.Msci)));
    }

    [Fact]
    public void Compare_ExactlyAtTheLine_CountsTheInclusiveBound()
    {
        // 500 / 1000 = exactly 50%: a DAT under the proposal's >= 50% (inclusive), operating under the baseline (no criterion).
        var universe = Universe.From([TestData.Snapshot("EXACT", 500m, 1000m, constituent: true), TestData.Snapshot("BELOW", 499.99m, 1000m, constituent: true)]);

        var change = Assert.Single(RuleChange.Compare(universe, BuiltInPolicies.MsciBaseline, BuiltInPolicies.MsciDatProposal).Changes);

        Assert.Equal(("EXACT", DatClassification.DigitalAssetTreasury, (PolicyAction?)PolicyAction.Exclude), (change.Snapshot.Issuer.Ticker, change.After.Classification, change.After.Action));
    }

    private static List<(string, LocalDate, decimal?, DatClassification, string?, LocalDate?)> Flatten(IReadOnlyList<IssuerHistory> histories) =>
        [.. histories.SelectMany(h => h.Points.Select(p => (h.Ticker, p.AsOf, p.Ratio, p.Classification, p.PolicyId, h.FirstCrossed)))];
}
