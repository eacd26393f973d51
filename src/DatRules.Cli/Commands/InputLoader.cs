using DatRules.Cli.Input;
using DatRules.Issuers;

namespace DatRules.Cli.Commands;

/// <summary>Loads snapshots from --input (a file, or <c>-</c> for standard input) or the embedded dataset, reporting skipped rows.</summary>
internal static class InputLoader
{
    /// <summary>Loads the rows as domain snapshots.</summary>
    /// <param name="input">The file, or <see langword="null"/> for the embedded dataset.</param>
    /// <param name="skipInvalid">Skip invalid rows (a warning each) instead of failing.</param>
    /// <param name="ctx">Where warnings go.</param>
    /// <returns>The snapshots, in file order.</returns>
    public static IReadOnlyList<IssuerSnapshot> Load(FileInfo? input, bool skipInvalid, CliContext ctx) =>
        input is null ? EmbeddedDataset.Load() : LoadTable(input, skipInvalid, ctx).ToSnapshots();

    /// <summary>Loads the rows as columns.</summary>
    /// <param name="input">The file, or <see langword="null"/> for the embedded dataset.</param>
    /// <param name="skipInvalid">Skip invalid rows (a warning each) instead of failing.</param>
    /// <param name="ctx">Where warnings go.</param>
    /// <param name="embedded">The embedded resource read when <paramref name="input"/> is null.</param>
    /// <returns>The table.</returns>
    public static SnapshotTable LoadTable(FileInfo? input, bool skipInvalid, CliContext ctx, string embedded = EmbeddedDataset.ResourceName)
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
        var result = SnapshotCsvReader.Read(stream, name, skipInvalid, stdin ? 0 : CountLines(input));
        foreach (var skipped in result.Skipped)
        {
            ctx.Error.WriteLine($"warning: {name}: skipped {skipped}");
        }

        return result.Table;
    }

    /// <summary>
    /// The most rows a regular file can hold (its line ends) (one fast pass over bytes the page cache then
    /// holds for the real read): the columns are then allocated once, at their final size, instead of doubling.
    /// </summary>
    private static int CountLines(FileInfo file)
    {
        if (file.Length is 0 or > 1L << 36 || (file.Attributes & FileAttributes.Device) != 0)
        {
            return 0;
        }

        using var stream = new FileStream(file.FullName, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        var buffer = new byte[1 << 20];
        long lines = 0;
        int read;
        byte last = 0;
        while ((read = stream.Read(buffer)) > 0)
        {
            lines += buffer.AsSpan(0, read).Count((byte)'\n');
            last = buffer[read - 1];
        }

        // Rows at most: every line but the header, and the last line when it has no line end.
        return (int)Math.Min(lines - 1 + (last == (byte)'\n' ? 0 : 1), Array.MaxLength / 16);
    }
}
