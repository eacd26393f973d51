using DatRules.Cli.Input;
using DatRules.Data;

namespace DatRules.Cli.Commands;

/// <summary>Loads snapshots from --input (a CSV or Parquet file, or <c>-</c> for CSV on standard input) or the embedded dataset, reporting skipped rows.</summary>
internal static class InputLoader
{
    /// <summary>Loads the rows as a frame.</summary>
    /// <param name="input">The file, or <see langword="null"/> for the embedded dataset.</param>
    /// <param name="skipInvalid">Skip invalid rows (a warning each) instead of failing.</param>
    /// <param name="ctx">Where warnings go.</param>
    /// <param name="embedded">The embedded resource read when <paramref name="input"/> is null.</param>
    /// <param name="unread">Columns of a file the caller will not read (not stored when they cannot be invalid).</param>
    /// <param name="all">Every balance sheet of the embedded dataset, not only each company's latest.</param>
    /// <param name="delimiter">The field separator of a file (',' also detects ';' from the header).</param>
    /// <param name="culture">The notation of a CSV file's amounts, or <see langword="null"/> for plain decimal notation.</param>
    /// <returns>The frame.</returns>
    public static SnapshotFrame Load(FileInfo? input, bool skipInvalid, CliContext ctx, string embedded = EmbeddedDataset.ResourceName, IReadOnlyCollection<string>? unread = null, bool all = false, char delimiter = ',', NumberCulture? culture = null)
    {
        if (input is null)
        {
            return all ? EmbeddedDataset.LoadAllFrame(embedded) : EmbeddedDataset.LoadFrame(embedded);
        }

        var options = new SnapshotReadOptions { SkipInvalid = skipInvalid, UnreadColumns = unread, Delimiter = delimiter, Culture = culture };
        SnapshotFrame frame;
        if (input.ToString() == "-")
        {
            using var stdin = Console.OpenStandardInput();
            frame = SnapshotFrame.ReadCsv(stdin, options with { SourceName = "standard input" });
        }
        else
        {
            // Parquet (by name or magic bytes) or CSV: one frame, the same rules (DatRules.Data.Formats).
            frame = Data.Formats.SnapshotFiles.Read(input.FullName, options);
        }

        if (frame.ReadNote is { } note)
        {
            ctx.Error.WriteLine("note: " + note);
        }

        foreach (var skipped in frame.Skipped)
        {
            ctx.Error.WriteLine($"warning: {frame.SourceName}: skipped {skipped}");
        }

        return frame;
    }
}
