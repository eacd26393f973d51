using DatRules.Data;
using DatRules.Issuers;

namespace DatRules.Testing;

/// <summary>
/// The embedded dataset: digital-asset treasury and operating companies, with up to three balance sheets each and the
/// filing behind every row (sources: docs/data.md). Read by the one snapshot CSV reader (<see cref="SnapshotFrame"/>), so
/// its snapshots are the ones <c>datrules screen</c> screens.
/// </summary>
public static class SampleData
{
    /// <summary>Loads each company's latest balance sheet (<see cref="PointInTime.Latest"/>; a new list each call).</summary>
    /// <returns>One snapshot per company, in file order.</returns>
    public static IReadOnlyList<IssuerSnapshot> Companies() => Frame().LatestPerIssuer().ToSnapshots();

    /// <summary>Loads every balance sheet of the dataset (several per company), e.g. for <see cref="PointInTime.KnownOn"/>.</summary>
    /// <returns>The snapshots, in file order.</returns>
    public static IReadOnlyList<IssuerSnapshot> AllBalanceSheets() => Frame().ToSnapshots();

    /// <summary>Reads every balance sheet of the dataset as a frame (columns; for large or point-in-time work).</summary>
    /// <returns>The frame, in file order.</returns>
    public static SnapshotFrame Frame()
    {
        using var stream = typeof(SampleData).Assembly.GetManifestResourceStream("DatRules.Testing.companies.csv")
            ?? throw new InvalidOperationException("The embedded dataset is missing from DatRules.Testing.");
        return SnapshotFrame.ReadCsv(stream, new SnapshotReadOptions { SourceName = "embedded dataset" });
    }
}
