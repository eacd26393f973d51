using System.Text;
using DatRules.Classification;
using DatRules.Data;
using DatRules.Issuers;
using DatRules.Policies;
using DatRules.Screening;
using NodaTime;

namespace DatRules.Data.Tests;

/// <summary>The library path of issue 21: SnapshotFrame read, select, mark, write, and the screens it feeds.</summary>
public sealed class SnapshotFrameTests
{
    private const string Header = "ticker,as_of,digital_assets_usd,total_assets_usd,asset,units,filed,form";

    private static SnapshotFrame Read(string csv) => SnapshotFrame.ReadCsv(new MemoryStream(Encoding.UTF8.GetBytes(csv)));

    [Fact]
    public void WriteCsv_ReadBack_SameRowsAndScreen()
    {
        var frame = Read(Header + ",cash_and_equivalents,index_constituent,name\n"
            + "AAA,2025-06-30,60.25,100,BTC,2,2025-08-01,10-Q,5,true,\"Alpha, Inc.\"\n"
            + "BBB,2025-06-30,0,200,,,,,,,Beta\n");
        var buffer = new MemoryStream();

        frame.WriteCsv(buffer);
        var back = SnapshotFrame.ReadCsv(new MemoryStream(buffer.ToArray()));

        Assert.Equal(frame.Count, back.Count);
        for (int row = 0; row < frame.Count; row++)
        {
            var (a, b) = (frame.SnapshotAt(row), back.SnapshotAt(row));
            Assert.Equal((a.Issuer.Ticker, a.Issuer.Name, a.AsOf, a.TotalAssets, a.DigitalAssets, a.IsIndexConstituent), (b.Issuer.Ticker, b.Issuer.Name, b.AsOf, b.TotalAssets, b.DigitalAssets, b.IsIndexConstituent));
            Assert.Equal(a.Provenance?.ToString(), b.Provenance?.ToString());
            Assert.Equal(a.LineItems.Select(v => (v.Item.Name, v.Amount)), b.LineItems.Select(v => (v.Item.Name, v.Amount)));
        }

        // And the same bytes when written again.
        var again = new MemoryStream();
        back.WriteCsv(again);
        Assert.Equal(buffer.ToArray(), again.ToArray());
    }

    [Fact]
    public void KnownOn_LookAheadRow_NeverSelectedAndNamed()
    {
        // AAA's 30 Sep row says it was filed on 1 Sep, before its own period ended: look-ahead. Its 30 Jun row (filed
        // 1 Aug) is what was known on 10 Oct. BBB's only row was filed after 10 Oct.
        var frame = Read(Header + "\n"
            + "AAA,2025-06-30,10,100,,,2025-08-01,10-Q\n"
            + "AAA,2025-09-30,90,100,,,2025-09-01,10-Q\n"
            + "BBB,2025-09-30,10,100,,,2025-11-03,10-Q\n");

        var known = frame.KnownOn(new LocalDate(2025, 10, 10));

        var only = Assert.Single(known.ToSnapshots());
        Assert.Equal(("AAA", new LocalDate(2025, 6, 30)), (only.Issuer.Ticker, only.AsOf));
        Assert.Contains(known.SelectionNotes, n => n.StartsWith("AAA as of 2025-09-30: filed 2025-09-01, before its own period ended (look-ahead)", StringComparison.Ordinal));
        Assert.Contains(known.SelectionNotes, n => n.StartsWith("BBB: no balance sheet filed by 2025-10-10", StringComparison.Ordinal));
        // On any later date the look-ahead row is still never the one selected.
        Assert.Equal(new LocalDate(2025, 6, 30), Assert.Single(frame.KnownOn(new LocalDate(2030, 1, 1)).WhereTicker(["AAA"]).ToSnapshots()).AsOf);
    }

    [Fact]
    public void MarkToMarket_LineItemPolicy_KeepsLineItems()
    {
        // Fails before issue 21: marking went through CSV text and dropped the line items, so this policy's ratio,
        // (digital assets + cash) / total assets, was Indeterminate for every row.
        // Book: 2 BTC at 30 = 60, cash 5, total 100. At 40 a coin: digital 80, total 100 - 60 + 80 = 120;
        // (80 + 5) / 120 = 70.83% >= 50%.
        var frame = Read(Header + ",cash_and_equivalents\nAAA,2025-06-30,60,100,BTC,2,2025-08-01,10-Q,5\n");
        var policy = IndexPolicy.CreateBuilder("liquid")
            .For(new IndexProvider("test"), "test")
            .Dated(new LocalDate(2025, 1, 1), new LocalDate(2025, 1, 1))
            .WithCriterion(PolicyCriteria.ShareOfTotalAssets(RatioComparison.AtLeast, 50m, LineItem.DigitalAssets, LineItem.CashAndEquivalents))
            .OnMatch(PolicyAction.Exclude, PolicyAction.BlockAddition)
            .CitedFrom(new PolicySource("test", "test", new LocalDate(2025, 1, 1)))
            .Build();

        var marked = frame.MarkToMarket(new MarketPrices(new LocalDate(2025, 11, 28), [new("BTC", 40m)]));
        var report = ScreenReport.Create(marked, policy);

        Assert.Equal(DatClassification.DigitalAssetTreasury, report.Screening.ClassificationAt(0));
        Assert.Equal(80m, marked.SnapshotAt(0).DigitalAssets);
        Assert.Equal(120m, marked.SnapshotAt(0).TotalAssets);
        Assert.Equal(policy.Evaluate(marked.SnapshotAt(0)).Reasons, report.ReasonsAt(0));
    }

    [Fact]
    public void MarkToMarket_Reasons_SameAsDomainWithValuationNotes()
    {
        // 640,031 x 87,000 = 55,682,697,000; total 73,619,038,000 - 73,205,725,000 + 55,682,697,000 = 56,096,010,000.
        var frame = Read(Header + "\nMSTR,2025-09-30,73205725000,73619038000,BTC,640031,2025-11-03,10-Q\n");
        var marked = frame.MarkToMarket(new MarketPrices(new LocalDate(2025, 11, 28), [new("BTC", 87_000m)]));

        var reasons = ScreenReport.Classify(marked).ReasonsAt(0);

        Assert.Equal(DatClassifier.Msci.Classify(frame.SnapshotAt(0).MarkToMarket(new MarketPrices(new LocalDate(2025, 11, 28), [new("BTC", 87_000m)]))).Reasons, reasons);
        Assert.Contains("BTC marked to market on 2025-11-28: 640,031 x 87,000 = 55,682,697,000 USD (book 73,205,725,000 USD on 2025-09-30).", reasons);
    }

    [Fact]
    public void Flips_UnknownConstituentDat_SameAsRuleChangeCompare()
    {
        // Fails before issue 21: a DAT (60%) of unknown index membership gets "Exclude if constituent" under the Oct 2025
        // proposal and "Freeze+DeferMigration if constituent" under the Jan 2026 freeze: RuleChange.Compare counted it as
        // a change, ScreeningEngine.Flips counted nothing.
        var frame = Read(Header + "\nAAA,2025-09-30,60,100,,,2025-11-03,10-Q\nBBB,2025-09-30,10,100,,,2025-11-03,10-Q\n");
        var universe = frame.ToUniverse();
        var engine = new ScreeningEngine();

        var flips = ScreeningEngine.Flips(engine.Screen(universe, BuiltInPolicies.MsciDatProposal), engine.Screen(universe, BuiltInPolicies.MsciDatFreeze));
        var compare = RuleChange.Compare(frame.ToSnapshots(), BuiltInPolicies.MsciDatProposal, BuiltInPolicies.MsciDatFreeze);

        Assert.Equal(["AAA"], flips.Select(f => f.Ticker));
        Assert.Equal(["AAA"], compare.Changes.Select(c => c.Snapshot.Issuer.Ticker));
    }

    [Fact]
    public void Snippet_LibraryPath_GivesTheCliAnswer()
    {
        // The snippet: read, known on, universe, screen; the same DAT count as `datrules screen` (ScreenReport).
        string path = Path.Combine(Path.GetTempPath(), $"frame-{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, Header + "\nAAA,2025-06-30,50,100,,,2025-08-01,10-Q\nAAA,2025-09-30,40,100,,,2025-11-03,10-Q\nBBB,2025-06-30,49.99,100,,,2025-08-01,10-Q\n");
        try
        {
            SnapshotFrame frame = SnapshotFrame.ReadCsv(path);
            SnapshotFrame known = frame.KnownOn(new LocalDate(2025, 10, 10));
            Universe universe = known.ToUniverse();
            PolicyScreening s = new ScreeningEngine().Screen(universe, BuiltInPolicies.MsciDatProposal);

            // Known on 10 Oct: AAA's 30 Jun sheet, exactly 50.00% (inclusive bound: DAT); BBB 49.99% (operating).
            Assert.Equal((3, 2, 1), (frame.Count, known.Count, s.DatCount));
            Assert.Equal(s.DatCount, ScreenReport.Create(known, BuiltInPolicies.MsciDatProposal).Screening.DatCount);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
