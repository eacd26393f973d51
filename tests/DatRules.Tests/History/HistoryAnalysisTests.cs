using DatRules.Classification;
using DatRules.History;
using DatRules.Policies;
using DatRules.Testing;

namespace DatRules.Tests.History;

public class HistoryAnalysisTests
{
    [Fact]
    public void Run_FirstCrossed_IsTheFirstDatBalanceSheet()
    {
        var snapshots = new[]
        {
            SnapshotBuilder.For("A").AsOf(new LocalDate(2025, 3, 31)).WithRatio(0.4m).Build(),
            SnapshotBuilder.For("A").AsOf(new LocalDate(2024, 12, 31)).WithRatio(0.3m).Build(),
            SnapshotBuilder.For("A").AsOf(new LocalDate(2025, 6, 30)).WithRatio(0.5m).Build(),
            SnapshotBuilder.For("B").AsOf(new LocalDate(2025, 6, 30)).WithRatio(0.1m).Build(),
        };

        var histories = HistoryAnalysis.Run(snapshots);

        Assert.Equal(new LocalDate(2025, 6, 30), histories[0].FirstCrossed);
        Assert.Equal([new LocalDate(2024, 12, 31), new LocalDate(2025, 3, 31), new LocalDate(2025, 6, 30)], histories[0].Points.Select(p => p.AsOf));
        Assert.Null(histories[1].FirstCrossed);
    }

    [Fact]
    public void RunUnderPoliciesInForce_RecordsThePolicyOfEachDate()
    {
        var snapshots = new[]
        {
            SnapshotBuilder.For("A").AsOf(new LocalDate(2025, 9, 30)).Constituent().WithRatio(0.9m).Build(),
            SnapshotBuilder.For("A").AsOf(new LocalDate(2026, 3, 31)).Constituent().WithRatio(0.9m).Build(),
        };

        var h = Assert.Single(HistoryAnalysis.RunUnderPoliciesInForce(snapshots, PolicyCatalog.BuiltIn, IndexProvider.Msci));

        Assert.Equal(["msci-gimi-baseline", "msci-2026-01-dat-freeze"], h.Points.Select(p => p.PolicyId));
        Assert.Equal([DatClassification.OperatingCompany, DatClassification.DigitalAssetTreasury], h.Points.Select(p => p.Classification));
        Assert.Equal(new LocalDate(2026, 3, 31), h.FirstCrossed);
    }

    [Fact]
    public void LegalAnalogies_AreLabelledAndUseTheirBounds()
    {
        // 40% exactly: not "exceeding 40 per centum" (ICA, exclusive); 50% exactly: "at least 50 percent" (PFIC, inclusive).
        var at40 = SnapshotBuilder.For("A").WithRatio(0.4m).Build();
        var at50 = SnapshotBuilder.For("B").WithRatio(0.5m).Build();

        Assert.Equal(DatClassification.OperatingCompany, BuiltInPolicies.UsInvestmentCompanyActAnalogy.Evaluate(at40).Classification);
        Assert.Equal(DatClassification.DigitalAssetTreasury, BuiltInPolicies.UsPficAssetTestAnalogy.Evaluate(at50).Classification);
        Assert.All([BuiltInPolicies.UsInvestmentCompanyActAnalogy, BuiltInPolicies.UsPficAssetTestAnalogy], p =>
        {
            Assert.Equal(PolicyStatus.LegalAnalogy, p.Status);
            Assert.StartsWith("ANALOGY, not legal advice", p.Notes, StringComparison.Ordinal);
        });
    }
}
