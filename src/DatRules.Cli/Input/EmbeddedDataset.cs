using DatRules.Issuers;

namespace DatRules.Cli.Input;

/// <summary>
/// The embedded default dataset (see docs/data.md for the sources of every row): up to three balance sheets per
/// company, each with its filing. Screens use each company's latest balance sheet (<see cref="PointInTime.Latest"/>);
/// point-in-time screens (<c>--as-known-on</c>) use them all.
/// </summary>
internal static class EmbeddedDataset
{
    internal const string ResourceName = "DatRules.Cli.Data.companies.csv";

    internal const string HistoryResourceName = "DatRules.Cli.Data.strategy-history.csv";

    /// <summary>Every balance sheet of the dataset, for point-in-time screens.</summary>
    /// <returns>The snapshots.</returns>
    public static IReadOnlyList<IssuerSnapshot> LoadAll() => LoadAllTable(ResourceName).ToSnapshots();

    /// <summary>
    /// Reads an embedded CSV as a table: for the company dataset, each company's latest balance sheet only (the
    /// dataset's lines of the other balance sheets are left out); the history whole.
    /// </summary>
    /// <param name="name">The resource name.</param>
    /// <returns>The table.</returns>
    public static SnapshotTable LoadTable(string name)
    {
        if (name != ResourceName)
        {
            return LoadAllTable(name);
        }

        string text = ReadText(name);
        var all = Parse(text, name);
        var snapshots = all.ToSnapshots();
        var latest = PointInTime.Latest(snapshots).ToHashSet(ReferenceEqualityComparer.Instance);

        // The dataset's records are one line each (tests check it): keep the header and the latest rows' lines.
        string[] lines = text.Split('\n');
        var kept = new List<string> { lines[0] };
        for (int row = 0; row < snapshots.Count; row++)
        {
            if (latest.Contains(snapshots[row]))
            {
                kept.Add(lines[all.LineAt(row) - 1]);
            }
        }

        return Parse(string.Join('\n', kept) + "\n", name);
    }

    /// <summary>Reads an embedded CSV whole.</summary>
    /// <param name="name">The resource name.</param>
    /// <returns>The table.</returns>
    public static SnapshotTable LoadAllTable(string name) => Parse(ReadText(name), name);

    private static string ReadText(string name)
    {
        using var stream = typeof(EmbeddedDataset).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Embedded resource '{name}' is missing from the build.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static SnapshotTable Parse(string text, string name)
    {
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(text));
        return SnapshotCsvReader.Read(stream, name == HistoryResourceName ? "embedded history" : "embedded dataset").Table;
    }
}
