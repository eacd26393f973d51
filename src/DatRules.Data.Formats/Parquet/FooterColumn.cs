namespace DatRules.Data.Formats.Parquet;

/// <summary>A column of a flat Parquet file as its footer describes it.</summary>
/// <param name="Name">The name.</param>
/// <param name="Physical">The physical type (1 INT32, 2 INT64, 6 BYTE_ARRAY, ...).</param>
/// <param name="Repetition">0 required, 1 optional, 2 repeated.</param>
/// <param name="Converted">The legacy converted type (0 UTF8, 5 DECIMAL, 6 DATE, 17 INT_32, 18 INT_64, ...), or -1.</param>
/// <param name="Scale">A DECIMAL's scale.</param>
/// <param name="Logical">The logical type.</param>
/// <param name="Bits">An INTEGER logical type's bit width.</param>
/// <param name="Signed">Whether an INTEGER logical type is signed.</param>
internal sealed record FooterColumn(string Name, int Physical, int Repetition, int Converted, int Scale, FooterLogical Logical, int Bits, bool Signed);
