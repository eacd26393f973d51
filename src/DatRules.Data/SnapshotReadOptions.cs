namespace DatRules.Data;

/// <summary>How <see cref="SnapshotFrame.ReadCsv(Stream, SnapshotReadOptions)"/> reads a snapshot CSV.</summary>
public sealed record SnapshotReadOptions
{
    /// <summary>Gets the name used in errors and notes.</summary>
    /// <value>The default is "input"; <see cref="SnapshotFrame.ReadCsv(string, SnapshotReadOptions)"/> uses the file name.</value>
    public string? SourceName { get; init; }

    /// <summary>Gets a value indicating whether invalid rows are skipped (each listed in <see cref="SnapshotFrame.Skipped"/>) instead of failing the read.</summary>
    /// <value>The default is <see langword="false"/>: the first invalid rows fail the read with <see cref="InputException"/>.</value>
    public bool SkipInvalid { get; init; }

    /// <summary>
    /// Gets the columns the caller will never read: those among them that cannot be invalid (free text, not required) are
    /// not stored; every other rule (field counts, quotes, UTF-8) still applies to them.
    /// </summary>
    /// <value>The default is none.</value>
    public IReadOnlyCollection<string>? UnreadColumns { get; init; }

    /// <summary>
    /// Gets the field separator: ',' or ';'. With ',' (the default), a file whose header has no ',' but whose ';'
    /// separates known column names is read with ';', and <see cref="SnapshotFrame.ReadNote"/> says so.
    /// </summary>
    /// <value>The default is ','.</value>
    public char Delimiter { get; init; } = ',';

    /// <summary>
    /// Gets how amounts are written: <see langword="null"/> for plain decimal notation (<c>1234.56</c>), or a culture's
    /// notation (<see cref="NumberCulture.Get"/>: de-DE reads <c>1.234,56</c> and <c>1234,56</c>). Without it a decimal
    /// comma is an error naming line and column. Applies to the amount columns; flows and other columns stay plain.
    /// </summary>
    /// <value>The default is <see langword="null"/>.</value>
    public NumberCulture? Culture { get; init; }
}
