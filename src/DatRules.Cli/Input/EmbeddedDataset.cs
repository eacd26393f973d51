using DatRules.Issuers;

namespace DatRules.Cli.Input;

/// <summary>The embedded default dataset (see docs/data.md for the sources of every row).</summary>
internal static class EmbeddedDataset
{
    internal const string ResourceName = "DatRules.Cli.Data.companies.csv";

    public static IReadOnlyList<IssuerSnapshot> Load()
    {
        using var stream = typeof(EmbeddedDataset).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Embedded resource '{ResourceName}' is missing from the build.");
        using var text = new StreamReader(stream);
        return SnapshotCsvReader.Read(text, "embedded dataset").Snapshots;
    }
}
