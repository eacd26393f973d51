using System.Text.Encodings.Web;
using System.Text.Json;

namespace DatRules.Cli.Output;

/// <summary>Shared JSON settings of the CLI: indented, readable (no HTML escaping of '&gt;').</summary>
internal static class JsonOutput
{
    public static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
