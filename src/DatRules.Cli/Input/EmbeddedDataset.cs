using DatRules.Data;

namespace DatRules.Cli.Input;

/// <summary>
/// The embedded default dataset (see docs/data.md for the sources of every row): up to three balance sheets per
/// company, each with its filing, read once per run. Screens use each company's latest balance sheet
/// (<see cref="SnapshotFrame.LatestPerIssuer"/>); point-in-time screens (<c>--as-known-on</c>) use them all.
/// </summary>
internal static class EmbeddedDataset
{
    internal const string ResourceName = "DatRules.Cli.Data.companies.csv";

    internal const string HistoryResourceName = "DatRules.Cli.Data.strategy-history.csv";

    /// <summary>Every balance sheet of the dataset, for point-in-time screens.</summary>
    /// <returns>The snapshots.</returns>
    public static IReadOnlyList<Issuers.IssuerSnapshot> LoadAll() => LoadAllFrame(ResourceName).ToSnapshots();

    /// <summary>Reads an embedded CSV: for the company dataset each company's latest balance sheet; the history whole.</summary>
    /// <param name="name">The resource name.</param>
    /// <returns>The frame.</returns>
    public static SnapshotFrame LoadFrame(string name) => name == ResourceName ? LoadAllFrame(name).LatestPerIssuer() : LoadAllFrame(name);

    /// <summary>Reads an embedded CSV whole.</summary>
    /// <param name="name">The resource name.</param>
    /// <returns>The frame.</returns>
    public static SnapshotFrame LoadAllFrame(string name)
    {
        using var stream = typeof(EmbeddedDataset).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Embedded resource '{name}' is missing from the build.");
        return SnapshotFrame.ReadCsv(stream, new SnapshotReadOptions { SourceName = name == HistoryResourceName ? "embedded history" : "embedded dataset" });
    }
}
