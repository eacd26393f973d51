namespace DatRules.TestSupport;

/// <summary>A policy file in the documented JSON format (a scenario at 40%), for the JSON reader's and the CLI's tests.</summary>
internal static class PolicyExamples
{
    internal const string Example = """
        {
          "policies": [
            {
              "id": "team-2026-40pct-proposal",
              "provider": "MSCI",
              "scope": "MSCI Global Investable Market Indexes",
              "status": "Scenario",
              "announced": "2026-06-01",
              "effective": "2026-09-01",
              "threshold": { "percent": 40, "bound": "inclusive" },
              "actions": { "constituent": ["Exclude"], "nonConstituent": ["BlockAddition"] },
              "source": { "title": "What if MSCI lowered the line to 40%?", "publisher": "Example methodology team", "date": "2026-06-01" },
              "notes": "SCENARIO for testing"
            }
          ]
        }
        """;

    /// <summary>The example with another policy id (issue 22: ids confusable with a built-in one).</summary>
    internal static string WithId(string id) => Example.Replace("team-2026-40pct-proposal", id, StringComparison.Ordinal);
}
