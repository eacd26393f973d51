using System.Text;
using DatRules.Data;
using DatRules.Issuers;
using NodaTime;

namespace DatRules.Data.Tests;

/// <summary>Issue 22: <see cref="SnapshotFrame.FromSnapshots"/>, the one writer of snapshots built in code.</summary>
public sealed class SnapshotFrameFromSnapshotsTests
{
    [Fact]
    public void FromSnapshots_WriteCsv_ReadBack_EveryColumnTheImporterWrote()
    {
        var asOf = new LocalDate(2025, 9, 30);
        var provenance = new Provenance("SEC companyfacts cf.json")
        {
            Cik = 1050446,
            Filed = new LocalDate(2025, 10, 30),
            Accession = AccessionNumber.Parse("0001050446-25-000123"),
            Form = "10-Q",
            Concepts = ["us-gaap:Assets", "us-gaap:CryptoAssetFairValueNoncurrent"],
            Note = "digital assets taken as zero",
        };
        var snapshot = new IssuerSnapshot(new IssuerId("MSTR", "Strategy, Inc."), asOf, 100m, [new DigitalAssetHolding("BTC", 2m, 60m)], new Currency("JPY"))
        {
            Provenance = provenance,
            LineItems = [new LineItemValue(LineItem.CashAndEquivalents, 7m), LineItemValue.ForQuarter(LineItem.OperatingIncome, -5m, asOf)],
        };

        var frame = SnapshotFrame.FromSnapshots([snapshot]);
        var csv = new MemoryStream();
        frame.WriteCsv(csv);
        string text = Encoding.UTF8.GetString(csv.ToArray());
        var back = SnapshotFrame.ReadCsv(new MemoryStream(csv.ToArray())).SnapshotAt(0);

        string[] header = text.Split('\n')[0].Split(',');
        foreach (string column in new[] { "ticker", "name", "as_of", "currency", "digital_assets_usd", "total_assets_usd", "cash_and_equivalents", "operating_income_quarter", "cik", "filed", "accession", "form", "concepts", "source", "asset", "units" })
        {
            Assert.Contains(column, header);
        }

        Assert.Equal(("MSTR", "Strategy, Inc.", asOf, "JPY", 60m, (decimal?)100m), (back.Issuer.Ticker, back.Issuer.Name, back.AsOf, back.Currency.Code, back.DigitalAssets, back.TotalAssets));
        Assert.Equal(("BTC", 2m), (back.Holdings[0].Asset, back.Holdings[0].Units));
        var p = back.Provenance!;
        Assert.Equal((1050446L, new LocalDate(2025, 10, 30), "0001050446-25-000123", "10-Q"), (p.Cik!.Value, p.Filed!.Value, p.Accession!.ToString(), p.Form));
        Assert.Equal(provenance.Concepts, p.Concepts);
        Assert.Equal("SEC companyfacts cf.json; digital assets taken as zero", p.Source);

        // The flow keeps its sign: "-5", not a spreadsheet-neutralised "'-5" that would not read back.
        Assert.Equal([("cash_and_equivalents", 7m), ("operating_income", -5m)], back.LineItems.Select(v => (v.Item.Name, v.Amount)));
    }

    [Fact]
    public void FromSnapshots_None_WritesTheHeader()
    {
        var csv = new MemoryStream();

        SnapshotFrame.FromSnapshots([]).WriteCsv(csv);

        string text = Encoding.UTF8.GetString(csv.ToArray());
        Assert.Equal(1, text.Count(c => c == '\n'));
        Assert.StartsWith("ticker,as_of,digital_assets_usd,total_assets_usd,", text, StringComparison.Ordinal);
    }

    [Fact]
    public void WriteCsv_NegativeFlow_WrittenAsANumber()
    {
        var frame = SnapshotFrame.ReadCsv(new MemoryStream("ticker,as_of,digital_assets_usd,total_assets_usd,operating_income_quarter\nAAA,2025-09-30,1,10,-5\n"u8.ToArray()));
        var csv = new MemoryStream();

        frame.WriteCsv(csv);

        Assert.Equal("ticker,as_of,digital_assets_usd,total_assets_usd,operating_income_quarter\nAAA,2025-09-30,1,10,-5\n", Encoding.UTF8.GetString(csv.ToArray()));
    }
}
