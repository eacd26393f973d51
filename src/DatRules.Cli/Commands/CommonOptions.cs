using System.CommandLine;
using DatRules.Cli.Output;

namespace DatRules.Cli.Commands;

/// <summary>Options shared by several commands.</summary>
internal static class CommonOptions
{
    public static Option<FileInfo?> Input() => new("--input", "-i")
    {
        Description = "CSV file of issuer snapshots (header: ticker,as_of,digital_assets_usd,total_assets_usd[,name,asset,units,shares_outstanding,market_cap_usd,...]). Default: the embedded dataset.",
    };

    public static Option<OutputFormat> Format() => new("--format", "-f")
    {
        Description = "Output format: table, json or csv.",
        DefaultValueFactory = _ => OutputFormat.Table,
    };

    public static Option<bool> SkipInvalid() => new("--skip-invalid")
    {
        Description = "Skip invalid rows instead of failing; every skipped line is reported on stderr.",
    };
}
