using Parquet.Meta;

namespace DatRules.Data.Formats.Parquet;

/// <summary>A row group as a Parquet footer describes it.</summary>
/// <param name="Rows">Its rows.</param>
/// <param name="Chunks">Its column chunks, one per column in order.</param>
internal sealed record FooterRowGroup(long Rows, ColumnChunk[] Chunks);
