using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace DatRules.Data;

/// <summary>
/// The JSON settings and writers of the outputs built as dictionaries: indented, readable (no HTML escaping of
/// characters such as '&gt;'), and without reflection (a compile-time contract, so they work in an ahead-of-time
/// compiled program).
/// </summary>
public static class JsonOutput
{
    /// <summary>
    /// The JSON settings of the outputs: indented, readable (no HTML escaping of characters such as '&gt;'). Its type
    /// information is the compile-time contract of string, number, boolean and string-list values, lists of them and
    /// dictionaries of them; other types are refused with <see cref="NotSupportedException"/>.
    /// </summary>
    public static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        TypeInfoResolver = OutputJsonContext.Default,
    };

    private static JsonTypeInfo<Dictionary<string, object?>> Row => (JsonTypeInfo<Dictionary<string, object?>>)Options.GetTypeInfo(typeof(Dictionary<string, object?>));

    private static JsonTypeInfo<Dictionary<string, object?>[]> Rows => (JsonTypeInfo<Dictionary<string, object?>[]>)Options.GetTypeInfo(typeof(Dictionary<string, object?>[]));

    /// <summary>Serializes rows as an indented JSON array of objects.</summary>
    /// <param name="rows">The rows; each value a string, number, boolean, null, string list, row or list of rows.</param>
    /// <returns>The JSON text (no line end).</returns>
    /// <exception cref="NotSupportedException">A value is of another type.</exception>
    public static string Serialize(IEnumerable<Dictionary<string, object?>> rows) => JsonSerializer.Serialize(rows.ToArray(), Rows);

    /// <summary>Writes one row as a JSON object.</summary>
    /// <param name="writer">The writer (e.g. <see cref="JsonBlocks.Json"/>).</param>
    /// <param name="row">The row; each value a string, number, boolean, null, string list, row or list of rows.</param>
    /// <exception cref="NotSupportedException">A value is of another type.</exception>
    public static void Serialize(Utf8JsonWriter writer, Dictionary<string, object?> row) => JsonSerializer.Serialize(writer, row, Row);
}
