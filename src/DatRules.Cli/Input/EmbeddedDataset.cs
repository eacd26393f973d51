using DatRules.Issuers;

namespace DatRules.Cli.Input;

/// <summary>The embedded default dataset (see docs/data.md for the sources of every row).</summary>
internal static class EmbeddedDataset
{
    internal const string ResourceName = "DatRules.Cli.Data.companies.csv";

    internal const string HistoryResourceName = "DatRules.Cli.Data.strategy-history.csv";

    /// <summary>The 21 companies (one balance sheet each).</summary>
    /// <returns>The snapshots.</returns>
    public static IReadOnlyList<IssuerSnapshot> Load() => LoadTable(ResourceName).ToSnapshots();

    /// <summary>Strategy's quarterly balance sheets, 2024-2025 (docs/history.md).</summary>
    /// <returns>The snapshots.</returns>
    public static IReadOnlyList<IssuerSnapshot> LoadHistory() => LoadTable(HistoryResourceName).ToSnapshots();

    /// <summary>Reads an embedded CSV into columns.</summary>
    /// <param name="name">The resource.</param>
    /// <returns>The table.</returns>
    public static SnapshotTable LoadTable(string name)
    {
        using var stream = typeof(EmbeddedDataset).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Embedded resource '{name}' is missing from the build.");
        return SnapshotCsvReader.Read(stream, name == HistoryResourceName ? "embedded history" : "embedded dataset").Table;
    }
}
