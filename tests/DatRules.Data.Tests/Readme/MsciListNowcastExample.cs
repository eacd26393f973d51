using System.Globalization;
using DatRules.Classification;
using DatRules.Data;
using NodaTime;

namespace DatRules.Data.Tests.Readme;

/// <summary>docs/msci-list.md's program (between the snippet marks, as pasted in the doc after <c>string path = ...;</c>).</summary>
internal static class MsciListNowcastExample
{
    public static string Run(string path)
    {
        // snippet:start
        var day = new LocalDate(2026, 1, 6);
        SnapshotFrame known = SnapshotFrame.ReadCsv(path).WhereTicker(["MSTR"]).KnownOn(day);
        SnapshotFrame nowcast = known.Nowcast(AnnouncementCsv.StrategyBuiltIn(), PriceHistoryCsv.BuiltIn(), day);
        ClassificationResult result = DatClassifier.Msci.Classify(nowcast.SnapshotAt(0));
        string line = string.Create(CultureInfo.InvariantCulture, $"{result.Classification} {result.DigitalAssetRatio * 100:0.00}% (estimate: {result.Snapshot.IsEstimate})");
        // snippet:end
        return line;
    }
}
