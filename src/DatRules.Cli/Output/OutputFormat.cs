namespace DatRules.Cli.Output;

/// <summary>The output formats of the CLI.</summary>
internal enum OutputFormat
{
    Table,
    Json,
    Csv,

    /// <summary>An Excel workbook (<c>screen</c> only, with <c>--out</c>).</summary>
    Xlsx,

    /// <summary>Parquet (<c>screen</c> only, with <c>--out</c>).</summary>
    Parquet,
}
