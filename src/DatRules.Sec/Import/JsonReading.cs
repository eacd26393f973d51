using System.Globalization;
using System.Text.Json;
using DatRules.Issuers;
using DatRules.Json;

namespace DatRules.Sec.Import;

/// <summary>Reads members of the SEC's JSON forms, with errors that name the file and the JSON path.</summary>
internal static class JsonReading
{
    /// <summary>The largest JSON file read (the SEC's largest companyfacts files are about 100 MB).</summary>
    internal const long MaxBytes = 1L << 30;

    // Duplicate keys are found by Check below, which names their path; the parser's own check does not.
    private static readonly JsonDocumentOptions Options = new() { AllowDuplicateProperties = true, MaxDepth = 16 };

    /// <summary>
    /// Parses a whole document and checks it before any member is read: every string and key decodes (no escaped unpaired
    /// UTF-16 surrogate such as <c>"\ud800"</c>) and no object names a key twice.
    /// </summary>
    public static JsonDocument Parse(Stream json, string source)
    {
        JsonDocument doc;
        try
        {
            using var bounded = new BoundedStream(json, MaxBytes, limit => new SecDataException(
                source, "$", string.Create(CultureInfo.InvariantCulture, $"larger than {limit:N0} bytes; the SEC's largest JSON files are about 100 MB: not an SEC file")), leaveOpen: true);
            doc = JsonDocument.Parse(bounded, Options);
        }
        catch (JsonException e)
        {
            string where = e.LineNumber is { } line ? $"line {line + 1}, byte {e.BytePositionInLine + 1}" : e.Path is { Length: > 0 } path ? path : "$";
            throw new SecDataException(source, where, "not valid JSON: " + FirstSentence(e.Message));
        }

        var errors = new List<JsonInputError>();
        JsonElementReader.Check(doc.RootElement, "$", errors);
        if (errors.Count > 0)
        {
            doc.Dispose();
            string more = errors.Count > 1 ? string.Create(CultureInfo.InvariantCulture, $" (and {errors.Count - 1} more)") : string.Empty;
            throw new SecDataException(source, errors[0].Path, errors[0].Message + more);
        }

        return doc;
    }

    public static JsonElement Required(JsonElement obj, string name, string source, string path)
    {
        if (obj.ValueKind != JsonValueKind.Object)
        {
            throw new SecDataException(source, path, $"expected an object, found {Kind(obj)}");
        }

        return obj.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null
            ? value
            : throw new SecDataException(source, $"{path}.{name}", "required member is missing");
    }

    public static string RequiredString(JsonElement obj, string name, string source, string path)
    {
        var v = Required(obj, name, source, path);
        return v.ValueKind == JsonValueKind.String && v.GetString() is { Length: > 0 } s
            ? s
            : throw new SecDataException(source, $"{path}.{name}", $"expected a non-empty string, found {Kind(v)}");
    }

    public static string? OptionalString(JsonElement obj, string name) =>
        obj.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String && v.GetString() is { Length: > 0 } s ? s : null;

    public static long Cik(JsonElement obj, string name, string source, string path)
    {
        var v = Required(obj, name, source, path);
        long cik = v.ValueKind switch
        {
            JsonValueKind.Number when v.TryGetInt64(out long n) => n,
            JsonValueKind.String when long.TryParse(v.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out long n) => n,
            _ => -1,
        };
        return cik is >= 1 and <= 9_999_999_999L
            ? cik
            : throw new SecDataException(source, $"{path}.{name}", $"'{v.GetRawText()}' is not a CIK (an integer in [1-9999999999])");
    }

    public static decimal Decimal(JsonElement obj, string name, string source, string path)
    {
        var v = Required(obj, name, source, path);
        if (v.ValueKind != JsonValueKind.Number)
        {
            throw new SecDataException(source, $"{path}.{name}", $"'{Shorten(v.GetRawText())}' is not a number that fits a decimal");
        }

        string raw = v.GetRawText();
        return v.TryGetDecimal(out decimal d) && JsonElementReader.IsExact(raw, d)
            ? d
            : throw new SecDataException(source, $"{path}.{name}", $"{Shorten(raw)} has more digits or a larger magnitude than a decimal holds exactly (28 significant digits, below 7.9e28): refused, not rounded");
    }

    public static LocalDate Date(JsonElement obj, string name, string source, string path)
    {
        var v = Required(obj, name, source, path);
        return v.ValueKind == JsonValueKind.String && TryDate(v.GetString(), out var date)
            ? date
            : throw new SecDataException(source, $"{path}.{name}", $"'{v.GetRawText()}' is not a date in yyyy-MM-dd form");
    }

    public static AccessionNumber Accession(JsonElement obj, string name, string source, string path)
    {
        var v = Required(obj, name, source, path);
        return v.ValueKind == JsonValueKind.String && AccessionNumber.TryParse(v.GetString(), out var a)
            ? a
            : throw new SecDataException(source, $"{path}.{name}", $"'{v.GetRawText()}' is not an accession number (0001234567-25-012345)");
    }

    public static bool TryDate(string? text, out LocalDate date)
    {
        date = default;
        if (text is not { Length: 10 } || text[4] != '-' || text[7] != '-'
            || !int.TryParse(text.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out int y)
            || !int.TryParse(text.AsSpan(5, 2), NumberStyles.None, CultureInfo.InvariantCulture, out int m)
            || !int.TryParse(text.AsSpan(8, 2), NumberStyles.None, CultureInfo.InvariantCulture, out int d)
            || y < 1 || m is < 1 or > 12 || d < 1 || d > DateTime.DaysInMonth(y, m))
        {
            return false;
        }

        date = new LocalDate(y, m, d);
        return true;
    }

    public static string Member(string path, string name) =>
        name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_') ? $"{path}.{name}" : $"{path}['{name}']";

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..37] + "...";

    private static string Kind(JsonElement v) => v.ValueKind.ToString().ToLowerInvariant();

    private static string FirstSentence(string message)
    {
        foreach (var marker in new[] { " Path:", " LineNumber:" })
        {
            int cut = message.IndexOf(marker, StringComparison.Ordinal);
            if (cut > 0)
            {
                message = message[..cut];
            }
        }

        return message.TrimEnd();
    }
}
