using System.Globalization;
using System.Text.Json;
using NodaTime.Text;

namespace DatRules.Json;

/// <summary>Reads typed values from a <see cref="JsonElement"/>, recording errors with their JSON path.</summary>
internal sealed class JsonElementReader(string path, List<JsonInputError> errors)
{
    public string Path { get; } = path;

    public List<JsonInputError> Errors { get; } = errors;

    public int Count => Errors.Count;

    public void Fail(string suffix, string message) => Errors.Add(new JsonInputError(Path + suffix, message));

    public string? String(JsonElement e, string name, bool required)
    {
        if (!e.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null)
        {
            if (required)
            {
                Fail("." + name, "is required");
            }

            return null;
        }

        if (v.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(v.GetString()))
        {
            Fail("." + name, "expected a non-empty string");
            return null;
        }

        return v.GetString()!.Trim();
    }

    public LocalDate? Date(JsonElement e, string name, bool required)
    {
        string? text = String(e, name, required);
        if (text is null)
        {
            return null;
        }

        var parsed = LocalDatePattern.Iso.Parse(text);
        if (!parsed.Success)
        {
            Fail("." + name, $"'{text}' is not a date in yyyy-MM-dd form");
            return null;
        }

        return parsed.Value;
    }

    public decimal? Decimal(JsonElement e, string name)
    {
        if (!e.TryGetProperty(name, out var v))
        {
            Fail("." + name, "is required");
            return null;
        }

        return Number(v, "." + name);
    }

    /// <summary>Reads a JSON number as a decimal, failing (not rounding) when the decimal cannot hold it exactly.</summary>
    public decimal? Number(JsonElement v, string suffix)
    {
        if (v.ValueKind != JsonValueKind.Number)
        {
            Fail(suffix, $"expected a number; was {Kind(v.ValueKind)}");
            return null;
        }

        string raw = v.GetRawText();
        if (!v.TryGetDecimal(out decimal d) || !IsExact(raw, d))
        {
            Fail(suffix, $"{Shorten(raw)} has more digits or a larger magnitude than a decimal holds exactly (28 significant digits, below 7.9e28)");
            return null;
        }

        return d;
    }

    /// <summary>Fails for every property of <paramref name="e"/> that is not in <paramref name="allowed"/>.</summary>
    public void Known(JsonElement e, IReadOnlyCollection<string> allowed, string suffix = "")
    {
        foreach (var p in e.EnumerateObject())
        {
            if (!allowed.Contains(p.Name))
            {
                Fail($"{suffix}{Member(p.Name)}", $"unknown property; allowed: {string.Join(", ", allowed)}");
            }
        }
    }

    /// <summary>
    /// Parses a document and checks it as a whole: every string and key must decode (no unpaired UTF-16 surrogate,
    /// escaped or not), and every object names each key once.
    /// </summary>
    /// <param name="json">The text.</param>
    /// <returns>The document; the caller disposes it.</returns>
    /// <exception cref="JsonInputException">Malformed JSON, an undecodable string or a duplicate key; every error with its path.</exception>
    public static JsonDocument ParseStrict(string json)
    {
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException ex)
        {
            throw new JsonInputException([new JsonInputError(ex.Path ?? "$", $"not valid JSON (line {ex.LineNumber + 1}, byte {ex.BytePositionInLine + 1}): {ex.Message}")]);
        }
        catch (ArgumentException)
        {
            // The text itself is not valid UTF-16 (an unpaired surrogate), so it has no UTF-8 form to parse.
            throw new JsonInputException([new JsonInputError("$", "not valid text: it contains an unpaired UTF-16 surrogate")]);
        }

        var errors = new List<JsonInputError>();
        Check(doc.RootElement, "$", errors);
        if (errors.Count > 0)
        {
            doc.Dispose();
            throw new JsonInputException(errors);
        }

        return doc;
    }

    /// <summary>
    /// Adds an error for every string or key under <paramref name="e"/> that does not decode (an escaped unpaired UTF-16
    /// surrogate) and every key an object names twice, each with its path.
    /// </summary>
    internal static void Check(JsonElement e, string path, List<JsonInputError> errors)
    {
        switch (e.ValueKind)
        {
            case JsonValueKind.Object:
                var seen = new HashSet<string>(StringComparer.Ordinal);
                var reported = new HashSet<string>(StringComparer.Ordinal);
                int k = 0;
                foreach (var p in e.EnumerateObject())
                {
                    string name;
                    try
                    {
                        name = p.Name;
                    }
                    catch (InvalidOperationException)
                    {
                        errors.Add(new JsonInputError(string.Create(CultureInfo.InvariantCulture, $"{path} (key {k})"), "the key is not valid text: it escapes an unpaired UTF-16 surrogate"));
                        k++;
                        continue;
                    }

                    if (!seen.Add(name) && reported.Add(name))
                    {
                        errors.Add(new JsonInputError(path + Member(name), "duplicate key (a JSON object names each key once)"));
                    }

                    Check(p.Value, path + Member(name), errors);
                    k++;
                }

                break;
            case JsonValueKind.Array:
                int i = 0;
                foreach (var item in e.EnumerateArray())
                {
                    Check(item, string.Create(CultureInfo.InvariantCulture, $"{path}[{i++}]"), errors);
                }

                break;
            case JsonValueKind.String:
                try
                {
                    _ = e.GetString();
                }
                catch (InvalidOperationException)
                {
                    errors.Add(new JsonInputError(path, "not valid text: the string escapes an unpaired UTF-16 surrogate"));
                }

                break;
        }
    }

    /// <summary>The path step to a member: <c>.name</c>, or <c>['odd name']</c> when the name is not a plain identifier.</summary>
    public static string Member(string name) =>
        name.Length > 0 && name.Length <= 64 && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_') && !char.IsAsciiDigit(name[0])
            ? "." + name
            : "['" + Shorten(name.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal)) + "']";

    /// <summary>Whether the JSON number text <paramref name="raw"/> is exactly <paramref name="value"/>.</summary>
    internal static bool IsExact(string raw, decimal value)
    {
        var (digits, exponent) = Normalize(raw);
        var (vd, ve) = Normalize(value.ToString(CultureInfo.InvariantCulture));
        return digits == vd && (digits.Length == 0 || exponent == ve);
    }

    /// <summary>The significant digits and the exponent of a number's text: "050.10" and "5.01e1" both give ("501", -1).</summary>
    internal static (string Digits, long Exponent) Normalize(string number)
    {
        int e = number.IndexOfAny(['e', 'E']);
        long exponent = 0;
        string mantissa = number;
        if (e >= 0)
        {
            // An exponent too large for a long cannot be exact anyway: saturate.
            exponent = long.TryParse(number.AsSpan(e + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long x) ? x : (number[e + 1] == '-' ? long.MinValue / 2 : long.MaxValue / 2);
            mantissa = number[..e];
        }

        mantissa = mantissa.TrimStart('-', '+');
        int point = mantissa.IndexOf('.', StringComparison.Ordinal);
        if (point >= 0)
        {
            exponent -= mantissa.Length - point - 1;
            mantissa = mantissa.Remove(point, 1);
        }

        mantissa = mantissa.TrimStart('0');
        int trimmed = mantissa.Length - mantissa.TrimEnd('0').Length;
        return (mantissa[..(mantissa.Length - trimmed)], exponent + trimmed);
    }

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..37] + "...";

    private static string Kind(JsonValueKind kind) => kind switch
    {
        JsonValueKind.String => "a string",
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => kind.ToString(),
    };

    public bool? Bool(JsonElement e, string name)
    {
        if (!e.TryGetProperty(name, out var v))
        {
            return null;
        }

        if (v.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
        {
            Fail("." + name, "expected true or false");
            return null;
        }

        return v.GetBoolean();
    }

    public TEnum Enum<TEnum>(JsonElement e, string name, TEnum fallback)
        where TEnum : struct, Enum
    {
        string? text = String(e, name, required: false);
        if (text is null)
        {
            return fallback;
        }

        if (!System.Enum.TryParse(text, ignoreCase: true, out TEnum value) || !System.Enum.IsDefined(value) || int.TryParse(text, out _))
        {
            Fail("." + name, $"'{text}' is not one of {string.Join(", ", System.Enum.GetNames<TEnum>())}");
            return fallback;
        }

        return value;
    }

    public List<string>? StringArray(JsonElement e, string suffix)
    {
        if (e.ValueKind != JsonValueKind.Array)
        {
            Fail(suffix, "expected an array of strings");
            return null;
        }

        var list = new List<string>();
        int i = 0;
        foreach (var item in e.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(item.GetString()))
            {
                Fail($"{suffix}[{i}]", "expected a non-empty string");
            }
            else
            {
                list.Add(item.GetString()!.Trim());
            }

            i++;
        }

        return list;
    }
}
