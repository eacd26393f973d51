using System.Globalization;
using System.Text.Json;
using DatRules.Classification;
using DatRules.Issuers;
using DatRules.Json;

namespace DatRules.Policies;

/// <summary>
/// Reads policies from a JSON document: data only (thresholds, dates, actions, provider, source); no expressions
/// and no code execution. Schema and example: docs/policies.md.
/// </summary>
/// <remarks>
/// Pure: takes text, not a file path. Strict, so a typo cannot silently change a rule: unknown properties (at any
/// level), duplicate keys and numbers a <see cref="decimal"/> cannot hold exactly are errors, and every error of the
/// document is reported at once, each with its JSON path.
/// </remarks>
public static class PolicyJson
{
    private static readonly HashSet<string> PolicyProperties = new(StringComparer.Ordinal)
    {
        "id", "provider", "scope", "status", "announced", "effective", "threshold", "requireSelfDescribedDat",
        "requireCapitalRaisedForDigitalAssets", "issuers", "actions", "source", "notes", "criteria", "holdings",
    };

    private static readonly string[] RootProperties = ["policies"];
    private static readonly string[] ThresholdProperties = ["percent", "bound"];
    private static readonly string[] ActionProperties = ["constituent", "nonConstituent"];
    private static readonly string[] SourceProperties = ["title", "publisher", "date", "url"];

    /// <summary>Parses a policy document.</summary>
    /// <param name="json">The JSON text: <c>{ "policies": [ ... ] }</c>.</param>
    /// <returns>The validated policies.</returns>
    /// <exception cref="JsonInputException">The document is malformed or a policy is invalid; every error is listed with its path.</exception>
    public static IReadOnlyList<IndexPolicy> Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        var doc = JsonElementReader.ParseStrict(json);

        using (doc)
        {
            var errors = new List<JsonInputError>();
            var policies = new List<IndexPolicy>();
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("policies", out var list) || list.ValueKind != JsonValueKind.Array)
            {
                throw new JsonInputException([new JsonInputError("$.policies", "expected an object with a 'policies' array")]);
            }

            new JsonElementReader("$", errors).Known(root, RootProperties);
            int i = 0;
            var ids = new List<(int Index, string Id)>();
            foreach (var element in list.EnumerateArray())
            {
                var reader = new JsonElementReader($"$.policies[{i}]", errors);
                var policy = ReadPolicy(element, reader);
                if (policy is not null)
                {
                    policies.Add(policy);
                }

                if (element.ValueKind == JsonValueKind.Object && element.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String && id.GetString()!.Trim() is { Length: > 0 } text)
                {
                    ids.Add((i, text));
                }

                i++;
            }

            CheckConfusable(ids, errors);

            var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
            for (int k = 0; k < policies.Count; k++)
            {
                if (!seen.TryAdd(policies[k].Id, k))
                {
                    errors.Add(new JsonInputError($"$.policies[{k}].id", $"duplicate id '{policies[k].Id}'"));
                }
            }

            if (errors.Count > 0)
            {
                throw new JsonInputException(errors);
            }

            return policies;
        }
    }

    /// <summary>
    /// An id that reads as a built-in id, or as an earlier id of the document, without being it (another script's letter,
    /// a full-width form, a Unicode dash, letter case) is an error: a reader of a report could not tell the two apart.
    /// </summary>
    private static void CheckConfusable(List<(int Index, string Id)> ids, List<JsonInputError> errors)
    {
        for (int k = 0; k < ids.Count; k++)
        {
            var (index, id) = ids[k];
            string path = string.Create(CultureInfo.InvariantCulture, $"$.policies[{index}].id");
            var builtIn = BuiltInPolicies.All.FirstOrDefault(p => PolicyIds.Confusable(id, p.Id, ignoreCase: false));
            if (builtIn is not null)
            {
                errors.Add(new JsonInputError(path, $"'{id}' is confusable with the built-in id '{builtIn.Id}' ({PolicyIds.Difference(id, builtIn.Id)}): give the policy an id that differs visibly"));
                continue;
            }

            for (int j = 0; j < k; j++)
            {
                if (PolicyIds.Confusable(id, ids[j].Id, ignoreCase: true))
                {
                    errors.Add(new JsonInputError(path, string.Create(CultureInfo.InvariantCulture, $"'{id}' is confusable with '{ids[j].Id}' ($.policies[{ids[j].Index}].id) ({PolicyIds.Difference(id, ids[j].Id)}): give the policy an id that differs visibly")));
                    break;
                }
            }
        }
    }

    private static IndexPolicy? ReadPolicy(JsonElement e, JsonElementReader r)
    {
        if (e.ValueKind != JsonValueKind.Object)
        {
            r.Fail(string.Empty, "expected an object");
            return null;
        }

        int before = r.Count;
        r.Known(e, PolicyProperties);

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

        if (e.TryGetProperty("holdings", out var h) && ReadHoldings(h, r) is { } holdings)
        {
            builder.WithHoldings(holdings);
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

        if (e.TryGetProperty("criteria", out var criteria))
        {
            foreach (var criterion in PolicyCriteriaJson.ReadAll(criteria, r, ".criteria"))
            {
                builder.WithCriterion(criterion);
            }
        }

        if (e.TryGetProperty("actions", out var actions) && actions.ValueKind == JsonValueKind.Object)
        {
            r.Known(actions, ActionProperties, ".actions");
            builder.OnMatch(Actions(r, actions, "constituent"), Actions(r, actions, "nonConstituent"));
        }
        else
        {
            r.Fail(".actions", "required: { \"constituent\": [...], \"nonConstituent\": [...] }");
        }

        if (e.TryGetProperty("source", out var source) && source.ValueKind == JsonValueKind.Object)
        {
            var src = new JsonElementReader(r.Path + ".source", r.Errors);
            src.Known(source, SourceProperties);
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

    private static HoldingsTreatment? ReadHoldings(JsonElement h, JsonElementReader r)
    {
        var hr = new JsonElementReader(r.Path + ".holdings", r.Errors);
        if (h.ValueKind != JsonValueKind.Object)
        {
            hr.Fail(string.Empty, "expected { \"held\": \"count\", \"receivable\": \"exclude\", ... } (each \"count\" or \"exclude\")");
            return null;
        }

        var keys = HoldingsTreatment.Kinds.ToDictionary(HoldingsTreatment.JsonKeyOf, k => k, StringComparer.Ordinal);
        hr.Known(h, keys.Keys);
        int before = hr.Count;
        var treatment = HoldingsTreatment.Default;
        foreach (var p in h.EnumerateObject())
        {
            if (!keys.TryGetValue(p.Name, out var kind))
            {
                continue;
            }

            string? value = p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString() : null;
            var chosen = value switch { "count" => HoldingTreatment.Count, "exclude" => HoldingTreatment.Exclude, _ => (HoldingTreatment?)null };
            if (chosen is null)
            {
                hr.Fail("." + p.Name, $"expected \"count\" or \"exclude\"; was {p.Value.GetRawText()}");
            }
            else if (kind == HoldingKind.Customer && chosen == HoldingTreatment.Count)
            {
                hr.Fail(".customer", ReasonText.CustomerCryptoCounted);
            }
            else
            {
                treatment = treatment.With(kind, chosen.Value);
            }
        }

        return hr.Count > before ? null : treatment;
    }

    private static RatioThreshold? ReadThreshold(JsonElement t, JsonElementReader r)
    {
        var tr = new JsonElementReader(r.Path + ".threshold", r.Errors);
        if (t.ValueKind != JsonValueKind.Object)
        {
            tr.Fail(string.Empty, "expected { \"percent\": 50, \"bound\": \"inclusive\" | \"exclusive\" }");
            return null;
        }

        tr.Known(t, ThresholdProperties);
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

    private static PolicyAction Actions(JsonElementReader r, JsonElement actions, string name)
    {
        if (!actions.TryGetProperty(name, out var v))
        {
            r.Fail($".actions.{name}", "is required (use [] for no action)");
            return PolicyAction.None;
        }

        var names = r.StringArray(v, $".actions.{name}");
        var result = PolicyAction.None;
        for (int i = 0; names is not null && i < names.Count; i++)
        {
            if (Enum.TryParse(names[i], ignoreCase: true, out PolicyAction a) && Enum.IsDefined(a) && !int.TryParse(names[i], out _))
            {
                result |= a;
            }
            else
            {
                r.Fail($".actions.{name}[{i}]", $"'{names[i]}' is not one of {string.Join(", ", Enum.GetNames<PolicyAction>())}");
            }
        }

        return result;
    }
}
