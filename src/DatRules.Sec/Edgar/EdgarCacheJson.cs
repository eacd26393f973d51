using System.Text.Json.Serialization;

namespace DatRules.Sec.Edgar;

/// <summary>The cache's validator files, serialized without reflection (the tool is compiled ahead of time).</summary>
[JsonSerializable(typeof(EdgarCache.Meta))]
internal sealed partial class EdgarCacheJson : JsonSerializerContext;
