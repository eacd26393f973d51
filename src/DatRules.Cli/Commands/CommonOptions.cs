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

    /// <summary>The <c>--format</c> option.</summary>
    /// <param name="binary">Whether xlsx and parquet are accepted (<c>screen</c>, with <c>--out</c>).</param>
    /// <returns>The option.</returns>
    public static Option<OutputFormat> Format(bool binary = false) => new("--format", "-f")
    {
        Description = "Output format: table, json or csv.",
        HelpName = "table|json|csv",
        DefaultValueFactory = _ => OutputFormat.Table,
        CustomParser = result =>
        {
            string text = result.Tokens.Count == 1 ? result.Tokens[0].Value : string.Join(' ', result.Tokens.Select(t => t.Value));
            if (Enum.TryParse(text, ignoreCase: true, out OutputFormat format) && Enum.IsDefined(format) && !int.TryParse(text, out _)
                && (binary || format is not (OutputFormat.Xlsx or OutputFormat.Parquet)))
            {
                return format;
            }

            result.AddError($"--format '{text}' is not one of table, json, csv{(binary ? ", xlsx, parquet" : string.Empty)}.");
            return OutputFormat.Table;
        },
    };

    public static Option<bool> SkipInvalid() => new("--skip-invalid")
    {
        Description = "Skip invalid rows instead of failing; every skipped line is reported on stderr.",
    };
}
