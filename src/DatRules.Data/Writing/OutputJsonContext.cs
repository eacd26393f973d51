using System.Collections.ObjectModel;
using System.Text.Json.Serialization;

namespace DatRules.Data;

/// <summary>
/// The JSON contract of the outputs built as dictionaries (policies, outflows, sensitivity, headroom), generated at
/// compile time so that no output needs reflection (the tool is compiled ahead of time). Every value type an output
/// puts in an <see cref="object"/> slot is listed here; a value of any other type fails loudly in the tests, not in a
/// user's run.
/// </summary>
[JsonSourceGenerationOptions(WriteIndented = true)]
[JsonSerializable(typeof(Dictionary<string, object?>))]
[JsonSerializable(typeof(List<Dictionary<string, object?>>))]
[JsonSerializable(typeof(Dictionary<string, object?>[]))]
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(decimal))]
[JsonSerializable(typeof(bool))]
[JsonSerializable(typeof(int))]
[JsonSerializable(typeof(long))]
[JsonSerializable(typeof(double))]
[JsonSerializable(typeof(string[]))]
[JsonSerializable(typeof(List<string>))]
[JsonSerializable(typeof(ReadOnlyCollection<string>))]
[JsonSerializable(typeof(IReadOnlyList<string>))]
internal sealed partial class OutputJsonContext : JsonSerializerContext;
