using DatRules.Issuers;

namespace DatRules.Cli.Input;

/// <summary>The embedded default dataset (see docs/data.md for the sources of every row).</summary>
internal static class EmbeddedDataset
{
    internal const string ResourceName = "DatRules.Cli.Data.companies.csv";

    internal const string HistoryResourceName = "DatRules.Cli.Data.strategy-history.csv";

    /// <summary>Each company's latest balance sheet (the dataset holds up to three per company).</summary>
    public static IReadOnlyList<IssuerSnapshot> Load() => PointInTime.Latest(LoadAll());

    /// <summary>Every balance sheet of the dataset, for point-in-time screens.</summary>
    public static IReadOnlyList<IssuerSnapshot> LoadAll() => LoadResource(ResourceName, "embedded dataset");

    /// <summary>Strategy's quarterly balance sheets, 2024-2025 (docs/history.md).</summary>
    public static IReadOnlyList<IssuerSnapshot> LoadHistory() => LoadResource(HistoryResourceName, "embedded history");

    private static IReadOnlyList<IssuerSnapshot> LoadResource(string name, string label)
    {
        using var stream = typeof(EmbeddedDataset).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Embedded resource '{name}' is missing from the build.");
        using var text = new StreamReader(stream);
        return SnapshotCsvReader.Read(text, label).Snapshots;
    }
}
