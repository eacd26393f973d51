using System.Globalization;
using System.Text.Json;
using DatRules.Classification;
using NodaTime.Text;

namespace DatRules.Policies;

/// <summary>
/// Reads policies from a JSON document: data only (thresholds, dates, actions, provider, source); no expressions
/// and no code execution. Schema and example: docs/policies.md.
/// </summary>
/// <remarks>Pure: takes text, not a file path. Unknown properties are errors, so a typo cannot silently drop a rule.</remarks>
public static class PolicyJson
{
    private static readonly HashSet<string> PolicyProperties = new(StringComparer.Ordinal)
    {
        "id", "provider", "scope", "status", "announced", "effective", "threshold", "requireSelfDescribedDat",
        "requireCapitalRaisedForDigitalAssets", "issuers", "actions", "source", "notes",
    };

    /// <summary>Parses a policy document.</summary>
    /// <param name="json">The JSON text: <c>{ "policies": [ ... ] }</c>.</param>
    /// <returns>The validated policies.</returns>
    /// <exception cref="PolicyJsonException">The document is malformed or a policy is invalid; every error is listed with its path.</exception>
    public static IReadOnlyList<IndexPolicy> Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException ex)
        {
            throw new PolicyJsonException([new PolicyJsonError(ex.Path ?? "$", $"not valid JSON (line {ex.LineNumber + 1}, byte {ex.BytePositionInLine + 1}): {ex.Message}")]);
        }

        using (doc)
        {
            var errors = new List<PolicyJsonError>();
            var policies = new List<IndexPolicy>();
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("policies", out var list) || list.ValueKind != JsonValueKind.Array)
            {
                throw new PolicyJsonException([new PolicyJsonError("$.policies", "expected an object with a 'policies' array")]);
            }

            int i = 0;
            foreach (var element in list.EnumerateArray())
            {
                var reader = new ElementReader($"$.policies[{i}]", errors);
                var policy = ReadPolicy(element, reader);
                if (policy is not null)
                {
                    policies.Add(policy);
                }

                i++;
            }

            var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
            for (int k = 0; k < policies.Count; k++)
            {
                if (!seen.TryAdd(policies[k].Id, k))
                {
                    errors.Add(new PolicyJsonError($"$.policies[{k}].id", $"duplicate id '{policies[k].Id}'"));
                }
            }

            if (errors.Count > 0)
            {
                throw new PolicyJsonException(errors);
            }

            return policies;
        }
    }

    private static IndexPolicy? ReadPolicy(JsonElement e, ElementReader r)
    {
        if (e.ValueKind != JsonValueKind.Object)
        {
            r.Fail(string.Empty, "expected an object");
            return null;
        }

        int before = r.Count;
        foreach (var p in e.EnumerateObject())
        {
            if (!PolicyProperties.Contains(p.Name))
            {
                r.Fail("." + p.Name, $"unknown property; allowed: {string.Join(", ", PolicyProperties)}");
            }
        }

        string? id = r.String(e, "id", required: true);
        string? provider = r.String(e, "provider", required: true);
        string? scope = r.String(e, "scope", required: true);
        PolicyStatus status = r.Enum(e, "status", PolicyStatus.Proposed);
        LocalDate? announced = r.Date(e, "announced", required: true);
        LocalDate? effective = r.Date(e, "effective", required: true);
        var builder = IndexPolicy.CreateBuilder(id ?? string.Empty).WithStatus(status).WithNotes(r.String(e, "notes", required: false));
        if (provider is not null && scope is not null)
        {
            builder.For(new IndexProvider(provider), scope);
        }

        if (announced is { } a && effective is { } f)
        {
            builder.Dated(a, f);
        }

        if (e.TryGetProperty("threshold", out var t))
        {
            var threshold = ReadThreshold(t, r);
            if (threshold is not null)
            {
                builder.WithRatioThreshold(threshold);
            }
        }

        if (r.Bool(e, "requireSelfDescribedDat") == true)
        {
            builder.WithCriterion(PolicyCriteria.SelfDescribedDat());
        }

        if (r.Bool(e, "requireCapitalRaisedForDigitalAssets") == true)
        {
            builder.WithCriterion(PolicyCriteria.CapitalRaisedPrimarilyForDigitalAssets());
        }

        if (e.TryGetProperty("issuers", out var issuers))
        {
            var tickers = r.StringArray(issuers, ".issuers");
            if (tickers is { Count: > 0 })
            {
                builder.WithCriterion(PolicyCriteria.Issuers(tickers));
            }
            else if (tickers is not null)
            {
                r.Fail(".issuers", "must name at least one ticker");
            }
        }

        if (e.TryGetProperty("actions", out var actions) && actions.ValueKind == JsonValueKind.Object)
        {
            builder.OnMatch(r.Actions(actions, "constituent"), r.Actions(actions, "nonConstituent"));
        }
        else
        {
            r.Fail(".actions", "required: { \"constituent\": [...], \"nonConstituent\": [...] }");
        }

        if (e.TryGetProperty("source", out var source) && source.ValueKind == JsonValueKind.Object)
        {
            var src = new ElementReader(r.Path + ".source", r.Errors);
            string? title = src.String(source, "title", required: true);
            string? publisher = src.String(source, "publisher", required: true);
            LocalDate? date = src.Date(source, "date", required: true);
            string? url = src.String(source, "url", required: false);
            Uri? uri = null;
            if (url is not null && !Uri.TryCreate(url, UriKind.Absolute, out uri))
            {
                src.Fail(".url", $"'{url}' is not an absolute URL");
            }

            if (title is not null && publisher is not null && date is { } d)
            {
                builder.CitedFrom(new PolicySource(title, publisher, d, uri));
            }
        }
        else
        {
            r.Fail(".source", "required: { \"title\", \"publisher\", \"date\", \"url\" }");
        }

        if (r.Count > before)
        {
            return null;
        }

        try
        {
            return builder.Build();
        }
        catch (PolicyValidationException ex)
        {
            foreach (var failure in ex.Failures)
            {
                r.Fail(string.Empty, failure);
            }

            return null;
        }
    }

    private static RatioThreshold? ReadThreshold(JsonElement t, ElementReader r)
    {
        var tr = new ElementReader(r.Path + ".threshold", r.Errors);
        if (t.ValueKind != JsonValueKind.Object)
        {
            tr.Fail(string.Empty, "expected { \"percent\": 50, \"bound\": \"inclusive\" | \"exclusive\" }");
            return null;
        }

        decimal? percent = tr.Decimal(t, "percent");
        var bound = tr.Enum(t, "bound", ThresholdBound.Inclusive);
        if (percent is null)
        {
            return null;
        }

        if (percent <= 0m || percent > 100m)
        {
            tr.Fail(".percent", string.Create(CultureInfo.InvariantCulture, $"must be in (0, 100]; was {percent}"));
            return null;
        }

        return new RatioThreshold(percent.Value, bound);
    }

    private sealed class ElementReader(string path, List<PolicyJsonError> errors)
    {
        public string Path { get; } = path;

        public List<PolicyJsonError> Errors { get; } = errors;

        public int Count => Errors.Count;

        public void Fail(string suffix, string message) => Errors.Add(new PolicyJsonError(Path + suffix, message));

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

        public PolicyAction Actions(JsonElement actions, string name)
        {
            if (!actions.TryGetProperty(name, out var v))
            {
                Fail($".actions.{name}", "is required (use [] for no action)");
                return PolicyAction.None;
            }

            var names = StringArray(v, $".actions.{name}");
            var result = PolicyAction.None;
            for (int i = 0; names is not null && i < names.Count; i++)
            {
                if (System.Enum.TryParse(names[i], ignoreCase: true, out PolicyAction a) && System.Enum.IsDefined(a) && !int.TryParse(names[i], out _))
                {
                    result |= a;
                }
                else
                {
                    Fail($".actions.{name}[{i}]", $"'{names[i]}' is not one of {string.Join(", ", System.Enum.GetNames<PolicyAction>())}");
                }
            }

            return result;
        }
    }
}
