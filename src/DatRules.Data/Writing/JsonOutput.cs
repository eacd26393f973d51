using System.Text.Encodings.Web;
using System.Text.Json;

namespace DatRules.Data;

/// <summary>Shared JSON settings of the CLI: indented, readable (no HTML escaping of '&gt;').</summary>
public static class JsonOutput
{
    /// <summary>The JSON settings of the outputs: indented, readable (no HTML escaping of characters such as "/// <summary>The JSON settings of every DatRules output: camel case, indented, enums as strings.</summary>gt;").</summary>
    public static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
