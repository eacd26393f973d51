namespace DatRules.TestSupport;

/// <summary>Reads the repository's files (docs) and cuts the snippets the doc tests compare.</summary>
internal static class RepoFiles
{
    internal static string Root()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "DatRules.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("DatRules.sln not found above " + AppContext.BaseDirectory);
    }

    internal static string Read(params string[] parts) => File.ReadAllText(Path.Combine([Root(), .. parts]));

    internal static string Between(string text, string start, string end)
    {
        int s = text.IndexOf(start, StringComparison.Ordinal) + start.Length;
        return text[s..text.IndexOf(end, s, StringComparison.Ordinal)];
    }

    internal static string Normalize(string text) =>
        string.Join('\n', text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0));
}
