using DatRules.Cli.Input;

namespace DatRules.Cli.Commands;

/// <summary>Loads snapshots from --input (a file, or <c>-</c> for standard input) or the embedded dataset, reporting skipped rows.</summary>
internal static class InputLoader
{
    /// <summary>Loads the rows as columns.</summary>
    /// <param name="input">The file, or <see langword="null"/> for the embedded dataset.</param>
    /// <param name="skipInvalid">Skip invalid rows (a warning each) instead of failing.</param>
    /// <param name="ctx">Where warnings go.</param>
    /// <param name="embedded">The embedded resource read when <paramref name="input"/> is null.</param>
    /// <param name="unread">Columns of a file the caller will not read (not stored when they cannot be invalid).</param>
    /// <returns>The table.</returns>
    public static SnapshotTable LoadTable(FileInfo? input, bool skipInvalid, CliContext ctx, string embedded = EmbeddedDataset.ResourceName, IReadOnlyCollection<string>? unread = null)
    {
        if (input is null)
        {
            return EmbeddedDataset.LoadTable(embedded);
        }

        bool stdin = input.ToString() == "-";
        if (!stdin && !input.Exists)
        {
            throw new InputException(input.FullName, [new InputError(0, null, Directory.Exists(input.FullName) ? "is a directory, not a file" : "file not found")]);
        }

        string name = stdin ? "standard input" : input.Name;
        using var stream = stdin ? Console.OpenStandardInput() : new FileStream(input.FullName, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        var result = SnapshotCsvReader.Read(stream, name, skipInvalid, unread: unread);
        foreach (var skipped in result.Skipped)
        {
            ctx.Error.WriteLine($"warning: {name}: skipped {skipped}");
        }

        return result.Table;
    }
}
