namespace DatRules.Data.Formats;

/// <summary>Reads a snapshot file of either format: Parquet (<see cref="SnapshotFrameParquet"/>) or CSV (<see cref="SnapshotFrame.ReadCsv(string, SnapshotReadOptions)"/>).</summary>
public static class SnapshotFiles
{
    /// <summary>Gets whether a file is Parquet: its name ends in <c>.parquet</c> (any case), or it starts with Parquet's magic bytes <c>PAR1</c>.</summary>
    /// <param name="path">The file.</param>
    /// <returns>Whether to read it as Parquet.</returns>
    public static bool IsParquet(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (path.EndsWith(".parquet", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1);
            Span<byte> magic = stackalloc byte[4];
            return stream.ReadAtLeast(magic, 4, throwOnEndOfStream: false) == 4 && magic.SequenceEqual("PAR1"u8);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Not readable here: the CSV reader says why.
            return false;
        }
    }

    /// <summary>Reads a snapshot file: Parquet when <see cref="IsParquet"/>, else CSV; with the same options and the same rules.</summary>
    /// <param name="path">The file.</param>
    /// <param name="options">How to read (the field separator and culture apply to CSV only).</param>
    /// <returns>The frame.</returns>
    /// <exception cref="InputException">The file does not exist or cannot be used (every error names its line or row and column).</exception>
    public static SnapshotFrame Read(string path, SnapshotReadOptions options)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(options);
        return IsParquet(path) ? SnapshotFrameParquet.Read(path, options) : SnapshotFrame.ReadCsv(path, options);
    }
}
