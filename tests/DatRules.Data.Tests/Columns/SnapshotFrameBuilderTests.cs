namespace DatRules.Data.Tests.Columns;

/// <summary><see cref="SnapshotFrameBuilder"/>: typed values under the CSV reader's rules.</summary>
public class SnapshotFrameBuilderTests
{
    [Fact]
    public void Typed_values_make_the_frame_a_csv_of_the_same_values_makes()
    {
        var builder = new SnapshotFrameBuilder(["Ticker", "AS_OF", "digital_assets_usd", "total_assets_usd", "extra"], 2, new SnapshotReadOptions { SourceName = "typed" });
        Assert.Equal(["extra"], builder.UnknownColumns);
        Assert.Null(builder.KindOf(4));
        Assert.Equal(SnapshotValueKind.Amount, builder.KindOf(2));
        Assert.Equal("as_of", builder.SnapshotNameOf(1));

        builder.SetText(0, 0, "AAA");
        builder.SetText(0, 1, " BBB\t");
        builder.SetDate(1, 0, new DateOnly(2025, 6, 30));
        builder.SetText(1, 1, "2025-09-30");
        builder.SetDecimal(2, 0, 50.00m);
        builder.SetDecimal(2, 1, 0.001m);
        builder.SetInteger(3, 0, 100);
        builder.SetDecimal(3, 1, null);
        builder.SetText(4, 0, "ignored");
        var frame = builder.Build();

        var csv = SnapshotFrame.ReadCsv(new MemoryStream("ticker,as_of,digital_assets_usd,total_assets_usd\nAAA,2025-06-30,50,100\nBBB,2025-09-30,0.001,\n"u8.ToArray()));
        Assert.Equal(Csv(csv), Csv(frame));
        Assert.Equal("typed", frame.SourceName);

        // 50 / 100 = 0.5; BBB has no total: undefined.
        Assert.Equal(0.5m, frame.SnapshotAt(0).DigitalAssetRatio);
        Assert.Null(frame.SnapshotAt(1).DigitalAssetRatio);
        Assert.Throws<InvalidOperationException>(() => builder.Build());
    }

    [Fact]
    public void Rows_out_of_order_or_not_set_are_refused()
    {
        var builder = new SnapshotFrameBuilder(["ticker", "as_of", "digital_assets_usd", "total_assets_usd"], 2, new SnapshotReadOptions());
        Assert.Throws<InvalidOperationException>(() => builder.SetText(0, 1, "AAA"));
        builder.SetText(0, 0, "AAA");
        Assert.Throws<InvalidOperationException>(() => builder.Build());
    }

    private static string Csv(SnapshotFrame frame)
    {
        using var o = new MemoryStream();
        frame.WriteCsv(o);
        return System.Text.Encoding.UTF8.GetString(o.ToArray());
    }
}
