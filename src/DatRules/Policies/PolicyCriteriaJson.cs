using System.Globalization;
using System.Text.Json;
using DatRules.Issuers;
using DatRules.Json;

namespace DatRules.Policies;

/// <summary>
/// Reads the declarative <c>criteria</c> array of a JSON policy: ratios of sums of named line items, flags, issuer lists,
/// and <c>allOf</c> / <c>anyOf</c> / <c>not</c>. Data only: names and numbers, never an expression evaluated as code.
/// Every error is recorded with its JSON path.
/// </summary>
/// <remarks>Schema: docs/policies.md#criteria-over-line-items.</remarks>
internal static class PolicyCriteriaJson
{
    private static readonly string[] Kinds = ["ratio", "allOf", "anyOf", "not", "flag", "issuers"];
    private static readonly string[] RatioProperties = ["numerator", "denominator", "atLeast", "above", "below", "atMost"];
    private static readonly string[] Comparisons = ["atLeast", "above", "below", "atMost"];

    /// <summary>Reads <c>criteria</c>: a non-empty array of criterion objects (all must be met).</summary>
    internal static List<IPolicyCriterion> ReadAll(JsonElement e, JsonElementReader r, string suffix)
    {
        var result = new List<IPolicyCriterion>();
        if (e.ValueKind != JsonValueKind.Array || e.GetArrayLength() == 0)
        {
            r.Fail(suffix, "expected a non-empty array of criteria, e.g. [{ \"ratio\": { ... } }]");
            return result;
        }

        int i = 0;
        foreach (var item in e.EnumerateArray())
        {
            if (Read(item, r, $"{suffix}[{i}]") is { } c)
            {
                result.Add(c);
            }

            i++;
        }

        return result;
    }

    private static IPolicyCriterion? Read(JsonElement e, JsonElementReader r, string path)
    {
        if (e.ValueKind != JsonValueKind.Object)
        {
            r.Fail(path, $"expected an object with one of {string.Join(", ", Kinds)}");
            return null;
        }

        var names = e.EnumerateObject().Select(p => p.Name).ToList();
        if (names.Count != 1 || !Kinds.Contains(names[0], StringComparer.Ordinal))
        {
            r.Fail(path, $"expected exactly one of {string.Join(", ", Kinds)}; was {(names.Count == 0 ? "{}" : string.Join(", ", names))}");
            return null;
        }

        var value = e.GetProperty(names[0]);
        string inner = path + "." + names[0];
        switch (names[0])
        {
            case "ratio":
                return ReadRatio(value, r, inner);
            case "allOf":
            case "anyOf":
                int before = r.Count;
                var children = ReadAll(value, r, inner);
                return r.Count > before ? null : names[0] == "allOf" ? PolicyCriteria.AllOf(children) : PolicyCriteria.AnyOf(children);
            case "not":
                return Read(value, r, inner) is { } child ? PolicyCriteria.Not(child) : null;
            case "flag":
                string? flag = value.ValueKind == JsonValueKind.String ? value.GetString() : null;
                switch (flag)
                {
                    case "selfDescribedDat":
                        return PolicyCriteria.SelfDescribedDat();
                    case "capitalRaisedForDigitalAssets":
                        return PolicyCriteria.CapitalRaisedPrimarilyForDigitalAssets();
                    default:
                        r.Fail(inner, $"expected \"selfDescribedDat\" or \"capitalRaisedForDigitalAssets\"; was {value.GetRawText()}");
                        return null;
                }

            default:
                var tickers = r.StringArray(value, inner);
                if (tickers is { Count: > 0 })
                {
                    return PolicyCriteria.Issuers(tickers);
                }

                if (tickers is not null)
                {
                    r.Fail(inner, "must name at least one ticker");
                }

                return null;
        }
    }

    private static LineItemRatioCriterion? ReadRatio(JsonElement e, JsonElementReader r, string path)
    {
        if (e.ValueKind != JsonValueKind.Object)
        {
            r.Fail(path, "expected { \"numerator\": [...], \"denominator\": [...], \"atLeast\" | \"above\" | \"below\" | \"atMost\": percent }");
            return null;
        }

        int before = r.Count;
        foreach (var p in e.EnumerateObject())
        {
            if (!RatioProperties.Contains(p.Name, StringComparer.Ordinal))
            {
                r.Fail($"{path}.{p.Name}", $"unknown property; allowed: {string.Join(", ", RatioProperties)}");
            }
        }

        var numerator = e.TryGetProperty("numerator", out var n) ? ReadTerms(n, r, path + ".numerator") : Missing(r, path + ".numerator");
        var denominator = e.TryGetProperty("denominator", out var d) ? ReadTerms(d, r, path + ".denominator") : [LineItemTerm.Balance(LineItem.TotalAssets)];
        var given = Comparisons.Where(c => e.TryGetProperty(c, out _)).ToList();
        RatioComparison comparison = RatioComparison.AtLeast;
        decimal percent = 0m;
        if (given.Count != 1)
        {
            r.Fail(path, $"expected exactly one of {string.Join(", ", Comparisons)} (a percentage in (0, 100]); was {(given.Count == 0 ? "none" : string.Join(", ", given))}");
        }
        else
        {
            comparison = Enum.Parse<RatioComparison>(given[0], ignoreCase: true);
            var v = e.GetProperty(given[0]);
            if (v.ValueKind != JsonValueKind.Number || !v.TryGetDecimal(out percent))
            {
                r.Fail($"{path}.{given[0]}", $"expected a number; was {v.ValueKind}");
            }
            else if (percent <= 0m || percent > 100m)
            {
                r.Fail($"{path}.{given[0]}", string.Create(CultureInfo.InvariantCulture, $"must be in (0, 100]; was {percent}"));
            }
        }

        if (r.Count > before || numerator is null || denominator is null)
        {
            return null;
        }

        foreach (var (list, name) in new[] { (numerator, "numerator"), (denominator, "denominator") })
        {
            var repeated = list.GroupBy(t => t).Where(g => g.Count() > 1).Select(g => g.Key.ToString()).ToList();
            if (repeated.Count > 0)
            {
                r.Fail($"{path}.{name}", $"repeats {string.Join(", ", repeated)}");
            }
        }

        return r.Count > before ? null : new LineItemRatioCriterion(numerator, denominator, comparison, percent);
    }

    private static List<LineItemTerm>? Missing(JsonElementReader r, string path)
    {
        r.Fail(path, "is required: the line items summed above the line, e.g. [\"cash_and_equivalents\", \"digital_assets\"]");
        return null;
    }

    private static List<LineItemTerm>? ReadTerms(JsonElement e, JsonElementReader r, string path)
    {
        if (e.ValueKind != JsonValueKind.Array || e.GetArrayLength() == 0)
        {
            r.Fail(path, "expected a non-empty array of line items");
            return null;
        }

        int before = r.Count;
        var terms = new List<LineItemTerm>();
        int i = 0;
        foreach (var item in e.EnumerateArray())
        {
            if (ReadTerm(item, r, $"{path}[{i}]") is { } t)
            {
                terms.Add(t);
            }

            i++;
        }

        return r.Count > before ? null : terms;
    }

    private static LineItemTerm? ReadTerm(JsonElement e, JsonElementReader r, string path)
    {
        string known = string.Join(", ", LineItem.WellKnown.Select(w => w.Name));
        string? name;
        int? quarters = null;
        string namePath = path;
        if (e.ValueKind == JsonValueKind.String)
        {
            name = e.GetString();
        }
        else if (e.ValueKind == JsonValueKind.Object)
        {
            foreach (var p in e.EnumerateObject())
            {
                if (p.Name is not ("item" or "trailingQuarters"))
                {
                    r.Fail($"{path}.{p.Name}", "unknown property; allowed: item, trailingQuarters");
                }
            }

            namePath = path + ".item";
            name = e.TryGetProperty("item", out var it) && it.ValueKind == JsonValueKind.String ? it.GetString() : null;
            if (name is null)
            {
                r.Fail(namePath, "is required: a line item name");
                return null;
            }

            if (e.TryGetProperty("trailingQuarters", out var q))
            {
                if (q.ValueKind == JsonValueKind.Number && q.TryGetInt32(out int n) && n is >= 1 and <= 8)
                {
                    quarters = n;
                }
                else
                {
                    r.Fail(path + ".trailingQuarters", $"must be a whole number in [1, 8]; was {q.GetRawText()}");
                    return null;
                }
            }
        }
        else
        {
            r.Fail(path, "expected a line item name or { \"item\": name, \"trailingQuarters\": 4 }");
            return null;
        }

        if (!LineItem.TryGetWellKnown(name, out var lineItem))
        {
            r.Fail(namePath, $"'{name}' is not a known line item; known: {known}");
            return null;
        }

        if (lineItem.Kind == LineItemKind.Flow && quarters is null)
        {
            r.Fail(path, $"'{name}' is a flow: say over how many quarters, e.g. {{ \"item\": \"{name}\", \"trailingQuarters\": 4 }}");
            return null;
        }

        if (lineItem.Kind == LineItemKind.Balance && quarters is not null)
        {
            r.Fail(path + ".trailingQuarters", $"'{name}' is a balance at the balance-sheet date: it has no trailing period");
            return null;
        }

        return quarters is { } qn ? LineItemTerm.Trailing(lineItem, qn) : LineItemTerm.Balance(lineItem);
    }
}
