using System.Globalization;
using System.Text.Json;
using DatRules.Json;

namespace DatRules.Outflows;

/// <summary>
/// Reads probability-weighted outflow scenarios from JSON (data only; schema in docs/outflows.md):
/// <c>{ "impactCoefficient": 1, "executionDays": 1, "dailyVolatility": 0.05, "scenarios": [ { "name", "probability", "acting": [...] } ] }</c>.
/// </summary>
public static class OutflowScenarioJson
{
    private static readonly HashSet<string> Top = new(StringComparer.Ordinal) { "impactCoefficient", "executionDays", "dailyVolatility", "scenarios" };
    private static readonly HashSet<string> ScenarioProps = new(StringComparer.Ordinal) { "name", "probability", "acting" };

    /// <summary>Parses a scenario document.</summary>
    /// <param name="json">The JSON text.</param>
    /// <param name="families">The families the scenarios may name; an entry of <c>acting</c> matches a family by name or by provider name (case-insensitive).</param>
    /// <returns>The scenarios and options.</returns>
    /// <exception cref="JsonInputException">Malformed JSON, unknown family, bad probability, probabilities not adding up to 1, bad option; every error with its path.</exception>
    public static OutflowScenarioSet Parse(string json, IReadOnlyCollection<IndexFamily> families)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(families);
        using var doc = JsonElementReader.ParseStrict(json);
        var errors = new List<JsonInputError>();
        var root = doc.RootElement;
        var r = new JsonElementReader("$", errors);
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new JsonInputException([new JsonInputError("$", "expected an object with a 'scenarios' array")]);
        }

        r.Known(root, Top);

        var options = new ImpactOptions();
        if (root.TryGetProperty("impactCoefficient", out _))
        {
            options.ImpactCoefficient = r.Decimal(root, "impactCoefficient") ?? options.ImpactCoefficient;
        }

        if (root.TryGetProperty("executionDays", out var days))
        {
            if (days.ValueKind == JsonValueKind.Number && days.TryGetInt32(out int n))
            {
                options.ExecutionDays = n;
            }
            else
            {
                r.Fail(".executionDays", "expected a whole number of days");
            }
        }

        try
        {
            options.Validate();
        }
        catch (ArgumentException ex)
        {
            r.Fail(string.Empty, ex.Message);
        }

        decimal? sigma = root.TryGetProperty("dailyVolatility", out _) ? r.Decimal(root, "dailyVolatility") : null;
        if (sigma < 0m)
        {
            r.Fail(".dailyVolatility", "must be >= 0");
        }

        var scenarios = new List<OutflowScenario>();
        if (!root.TryGetProperty("scenarios", out var list) || list.ValueKind != JsonValueKind.Array || list.GetArrayLength() == 0)
        {
            r.Fail(".scenarios", "required: a non-empty array of { \"name\", \"probability\", \"acting\": [...] }");
        }
        else
        {
            int i = 0;
            var names = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
            foreach (var s in list.EnumerateArray())
            {
                var sr = new JsonElementReader(string.Create(CultureInfo.InvariantCulture, $"$.scenarios[{i}]"), errors);
                var scenario = ReadScenario(s, sr, families);
                if (scenario is not null && !names.TryAdd(scenario.Name, i))
                {
                    sr.Fail(".name", string.Create(CultureInfo.InvariantCulture, $"'{scenario.Name}' is already the name of $.scenarios[{names[scenario.Name]}] (names are compared ignoring case)"));
                }
                else if (scenario is not null)
                {
                    scenarios.Add(scenario);
                }

                i++;
            }
        }

        if (errors.Count == 0)
        {
            decimal sum = scenarios.Sum(s => s.Probability);
            if (sum != 1m)
            {
                r.Fail(".scenarios", string.Create(CultureInfo.InvariantCulture, $"probabilities must add up to 1 (mutually exclusive outcomes); they add up to {sum}"));
            }
        }

        if (errors.Count > 0)
        {
            throw new JsonInputException(errors);
        }

        return new OutflowScenarioSet(scenarios, options, sigma);
    }

    private static OutflowScenario? ReadScenario(JsonElement s, JsonElementReader r, IReadOnlyCollection<IndexFamily> families)
    {
        if (s.ValueKind != JsonValueKind.Object)
        {
            r.Fail(string.Empty, "expected an object");
            return null;
        }

        int before = r.Count;
        r.Known(s, ScenarioProps);

        string? name = r.String(s, "name", required: true);
        decimal? probability = r.Decimal(s, "probability");
        if (probability is < 0m or > 1m)
        {
            r.Fail(".probability", string.Create(CultureInfo.InvariantCulture, $"must be in [0, 1]; was {probability}"));
        }

        var acting = new List<IndexFamily>();
        if (s.TryGetProperty("acting", out var a))
        {
            var names = r.StringArray(a, ".acting") ?? [];
            for (int i = 0; i < names.Count; i++)
            {
                var matches = families.Where(f => string.Equals(f.Name, names[i], StringComparison.OrdinalIgnoreCase) || string.Equals(f.Provider.Name, names[i], StringComparison.OrdinalIgnoreCase)).ToList();
                if (matches.Count == 0)
                {
                    r.Fail($".acting[{i}]", $"'{names[i]}' matches no index family; known: {string.Join("; ", families.Select(f => $"{f.Name} ({f.Provider})"))}");
                }

                acting.AddRange(matches);
            }
        }
        else
        {
            r.Fail(".acting", "required: the index families (or providers) that delete the issuer; [] for none");
        }

        return r.Count > before ? null : new OutflowScenario(name!, probability!.Value, acting);
    }
}
