namespace DatRules.Cli.Output;

/// <summary>The output formats of the CLI.</summary>
internal enum OutputFormat
{
    Table,
    Json,
    Csv,
}
