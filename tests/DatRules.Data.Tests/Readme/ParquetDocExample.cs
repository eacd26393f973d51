using DatRules.Data;
using DatRules.Data.Formats;

namespace DatRules.Data.Tests.Readme;

/// <summary>docs/cli.md's Parquet conversion program, compiled here verbatim (ParquetDocExampleTests keeps them in sync).</summary>
internal static class ParquetDocExample
{
    internal static void Run()
    {
        // snippet:start
        File.WriteAllText("universe.csv", "ticker,as_of,digital_assets_usd,total_assets_usd\nAAA,2025-06-30,50,100\n");
        SnapshotFrameParquet.Write(SnapshotFrame.ReadCsv("universe.csv"), "universe.parquet");
        SnapshotFrame frame = SnapshotFrameParquet.Read("universe.parquet");
        Console.WriteLine($"{frame.Count} row; digital assets {frame.AmountAt("digital_assets_usd", 0)}");
        // snippet:end
    }
}
