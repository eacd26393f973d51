using System.Text;
using DatRules.Classification;
using DatRules.Issuers;
using DatRules.Policies;
using NodaTime;

namespace DatRules.Data.Tests;

/// <summary>Holding kinds through the frame (issue 23): read, written, read back, marked to market, screened.</summary>
public sealed class HoldingKindsFrameTests
{
    private const string Old = "ticker,as_of,digital_assets_usd,total_assets_usd,asset,units\n"
        + "AAA,2025-09-30,400,1000,BTC,4\n"
        + "BBB,2025-09-30,500,1000,BTC,5\n";

    // AAA: 400 held + 150 receivable of 1,000 -> 0.55 counted (default), 0.40 with receivables excluded.
    // BBB: 300 held + 250 ETP of 1,000 -> 0.30 (ETPs excluded by default), 0.55 counted.
    // CCC: 450 held + 100 restricted + 1,000 customer of 2,000 -> (450 + 100) / 2,000 = 0.275; customer never counts.
    private const string WithKinds = "ticker,as_of,digital_assets_usd,total_assets_usd,crypto_receivable_usd,crypto_etp_usd,restricted_crypto_usd,customer_crypto_usd,staked_crypto_usd,stablecoins_usd\n"
        + "AAA,2025-09-30,400,1000,150,,,,,\n"
        + "BBB,2025-09-30,300,1000,,250,,,,\n"
        + "CCC,2025-09-30,450,2000,,,100,1000,0,\n";

    private static SnapshotFrame Read(string csv) => SnapshotFrame.ReadCsv(new MemoryStream(Encoding.UTF8.GetBytes(csv)));

    private static string Screen(SnapshotFrame frame, IndexPolicy policy)
    {
        var o = new MemoryStream();
        ScreenReport.Create(frame, policy).WriteCsv(o);
        return Encoding.UTF8.GetString(o.ToArray());
    }

    private static IndexPolicy Narrow() => IndexPolicy.CreateBuilder("test-narrow")
        .For(IndexProvider.Msci, "test")
        .Dated(new LocalDate(2025, 10, 10), new LocalDate(2025, 10, 10))
        .WithRatioThreshold(RatioThreshold.Msci)
        .WithHoldings(HoldingsTreatment.Default.With(HoldingKind.Receivable, HoldingTreatment.Exclude).With(HoldingKind.Etp, HoldingTreatment.Count))
        .OnMatch(PolicyAction.Exclude, PolicyAction.BlockAddition)
        .CitedFrom(new PolicySource("test", "test", new LocalDate(2025, 10, 10)))
        .Build();

    [Fact]
    public void Read_KindsColumns_GiveSnapshotKindsAndRatios()
    {
        var frame = Read(WithKinds);
        var report = ScreenReport.Create(frame, BuiltInPolicies.MsciDatProposal);
        var narrow = ScreenReport.Create(frame, Narrow());

        Assert.Equal(150m, frame.SnapshotAt(0).HoldingKinds.Receivable);
        Assert.Equal(1000m, frame.SnapshotAt(2).HoldingKinds.Customer);
        Assert.Equal([0.55m, 0.30m, 0.275m], Enumerable.Range(0, 3).Select(report.RatioAt));
        Assert.Equal([0.40m, 0.55m, 0.275m], Enumerable.Range(0, 3).Select(narrow.RatioAt));
        Assert.Contains("crypto receivable 150 USD excluded.", narrow.ReasonsAt(0));
        Assert.Contains("customer crypto 1,000 USD excluded (customers' crypto never counts).", report.ReasonsAt(2));
    }

    [Fact]
    public void WriteCsv_WithKinds_ReadBack_SameScreen()
    {
        var frame = Read(WithKinds);
        var buffer = new MemoryStream();

        frame.WriteCsv(buffer);
        var back = SnapshotFrame.ReadCsv(new MemoryStream(buffer.ToArray()));

        Assert.Contains("crypto_receivable_usd", Encoding.UTF8.GetString(buffer.ToArray()).Split('\n')[0], StringComparison.Ordinal);
        foreach (var policy in new[] { BuiltInPolicies.MsciDatProposal, Narrow() })
        {
            Assert.Equal(Screen(frame, policy), Screen(back, policy));
        }

        // And from domain snapshots (FromSnapshots writes the kinds it finds).
        var fromSnapshots = SnapshotFrame.FromSnapshots(frame.ToSnapshots());
        Assert.Equal(Screen(frame, Narrow()), Screen(fromSnapshots, Narrow()));
    }

    [Fact]
    public void OldFile_WithoutKindColumns_ScreensAsWithBlankKindColumns()
    {
        // The same rows with every kind column present and blank: blank is zero, so nothing changes.
        string blank = "ticker,as_of,digital_assets_usd,total_assets_usd,asset,units,restricted_crypto_usd,staked_crypto_usd,crypto_receivable_usd,crypto_etp_usd,stablecoins_usd,customer_crypto_usd\n"
            + "AAA,2025-09-30,400,1000,BTC,4,,,,,,\n"
            + "BBB,2025-09-30,500,1000,BTC,5,,,,,,\n";

        // 400 / 1,000 = 0.4 and 500 / 1,000 = 0.5 (a DAT: the bound is inclusive), as before holding kinds existed.
        var report = ScreenReport.Create(Read(Old), BuiltInPolicies.MsciDatProposal);
        Assert.Equal([0.4m, 0.5m], Enumerable.Range(0, 2).Select(report.RatioAt));
        Assert.Equal(Screen(Read(Old), BuiltInPolicies.MsciDatProposal), Screen(Read(blank), BuiltInPolicies.MsciDatProposal));
        Assert.Equal(Screen(Read(Old), BuiltInPolicies.MsciDatFreeze), Screen(Read(blank), BuiltInPolicies.MsciDatFreeze));
    }

    [Fact]
    public void MarkToMarket_Frame_MovesRestrictedAsTheDomainDoes()
    {
        // 8 BTC held at book 800, 2 BTC restricted at book 200, total 2,000. At 150: held 1,200, restricted
        // 200 x 1,200 / 800 = 300, total 2,000 + 400 + 100 = 2,500; (1,200 + 300) / 2,500 = 0.6.
        var frame = Read("ticker,as_of,digital_assets_usd,total_assets_usd,asset,units,restricted_crypto_usd\nAAA,2025-09-30,800,2000,BTC,8,200\n");
        var prices = new MarketPrices(new LocalDate(2025, 10, 10), new Dictionary<string, decimal> { ["BTC"] = 150m });

        var marked = frame.MarkToMarket(prices);
        var report = ScreenReport.Create(marked, BuiltInPolicies.MsciDatProposal);

        Assert.Equal(0.6m, report.RatioAt(0));
        Assert.Equal(300m, marked.SnapshotAt(0).HoldingKinds.Restricted);
        Assert.Equal(2500m, marked.SnapshotAt(0).TotalAssets);
        Assert.Equal(frame.SnapshotAt(0).MarkToMarket(prices).ValuationNotes, marked.SnapshotAt(0).ValuationNotes);
    }

    [Fact]
    public void ScreenJson_ListsEachRowsNonZeroKinds_AndTheRatioCountsThemByTheDefaultTreatment()
    {
        var o = new MemoryStream();
        ScreenReport.Create(Read(WithKinds), BuiltInPolicies.MsciDatProposal).WriteJson(o);
        using var doc = System.Text.Json.JsonDocument.Parse(o.ToArray());
        var rows = doc.RootElement.EnumerateArray().ToDictionary(r => r.GetProperty("ticker").GetString()!);

        // AAA: receivable 150 (the only kind given) -> (400 + 150) / 1,000 = 0.55 under the default (receivables count).
        var aaa = rows["AAA"].GetProperty("holdingKinds");
        Assert.Equal(150m, aaa.GetProperty("cryptoReceivableUsd").GetDecimal());
        Assert.Single(aaa.EnumerateObject());
        Assert.Equal(0.55m, rows["AAA"].GetProperty("digitalAssetRatio").GetDecimal());

        // BBB: ETP 250 listed, but ETPs are excluded by default -> 300 / 1,000 = 0.30.
        Assert.Equal(250m, rows["BBB"].GetProperty("holdingKinds").GetProperty("cryptoEtpUsd").GetDecimal());
        Assert.Equal(0.3m, rows["BBB"].GetProperty("digitalAssetRatio").GetDecimal());

        // CCC: restricted 100 and customer 1,000 listed; the staked 0 is not -> (450 + 100) / 2,000 = 0.275.
        var ccc = rows["CCC"].GetProperty("holdingKinds");
        Assert.Equal(["restrictedCryptoUsd", "customerCryptoUsd"], ccc.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal).Reverse().ToArray());
        Assert.Equal(0.275m, rows["CCC"].GetProperty("digitalAssetRatio").GetDecimal());
    }

    [Fact]
    public void ScreenJson_OfAFileWithoutKindColumns_HasNoHoldingKinds()
    {
        var o = new MemoryStream();
        ScreenReport.Create(Read(Old), BuiltInPolicies.MsciDatProposal).WriteJson(o);
        Assert.DoesNotContain("holdingKinds", Encoding.UTF8.GetString(o.ToArray()), StringComparison.Ordinal);
    }
}
