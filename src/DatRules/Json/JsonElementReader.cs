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

        if (v.ValueKind != JsonValueKind.Number || !v.TryGetDecimal(out decimal d))
        {
            Fail("." + name, $"expected a number; was {v.ValueKind}");
            return null;
        }

        return d;
    }

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
