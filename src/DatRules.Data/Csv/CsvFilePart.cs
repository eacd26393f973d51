namespace DatRules.Data;

/// <summary>A part of a CSV file's records that starts at a record boundary (<see cref="CsvFileSplitter"/>).</summary>
/// <param name="Start">Its first byte.</param>
/// <param name="End">The byte after its last.</param>
/// <param name="MaxRecords">
/// The most records it can hold when every record ends with a line feed (or the end of the file): its line feeds, and
/// one more for a last line without one. Records that end with a lone carriage return can be more.
/// </param>
internal readonly record struct CsvFilePart(long Start, long End, long MaxRecords);
