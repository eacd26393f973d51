using System.Globalization;
using System.Text.Json;
using DatRules.Issuers;

namespace DatRules.Sec.Import;

/// <summary>Reads members of the SEC's JSON forms, with errors that name the file and the JSON path.</summary>
internal static class JsonReading
{
    private static readonly JsonDocumentOptions Options = new() { AllowDuplicateProperties = false, MaxDepth = 16 };

    public static JsonDocument Parse(Stream json, string source)
    {
        try
        {
            return JsonDocument.Parse(json, Options);
        }
        catch (JsonException e)
        {
            string where = e.LineNumber is { } line ? $"line {line + 1}, byte {e.BytePositionInLine + 1}" : e.Path is { Length: > 0 } path ? path : "$";
            throw new SecDataException(source, where, "not valid JSON: " + FirstSentence(e.Message));
        }
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
        return v.ValueKind == JsonValueKind.Number && v.TryGetDecimal(out decimal d)
            ? d
            : throw new SecDataException(source, $"{path}.{name}", $"'{v.GetRawText()}' is not a number that fits a decimal");
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
