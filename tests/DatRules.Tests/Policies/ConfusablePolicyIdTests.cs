using DatRules.Json;
using DatRules.Policies;

namespace DatRules.Tests.Policies;

/// <summary>Issue 22: a policy id that reads as a built-in one (another script, NFKC-equivalent forms) is refused.</summary>
public sealed class ConfusablePolicyIdTests
{
    [Theory]
    [InlineData("\u041CSCI-2026-01-DAT-FREEZE", "msci-2026-01-dat-freeze", "U+041C Cyrillic letter '\u041C' reads as 'm'")] // Cyrillic capital EM
    [InlineData("msci-2026-01-d\u0430t-freeze", "msci-2026-01-dat-freeze", "U+0430 Cyrillic letter '\u0430' reads as 'a'")] // Cyrillic small A
    [InlineData("\uFF4D\uFF53\uFF43\uFF49-2026-01-dat-freeze", "msci-2026-01-dat-freeze", "U+FF4D full-width form '\uFF4D' reads as 'm'")] // full-width msci
    [InlineData("msci\u20102026-01-dat-freeze", "msci-2026-01-dat-freeze", "U+2010 dash '\u2010' reads as '-'")] // Unicode hyphen
    [InlineData("MSCI-2026-01-DAT-FREEZE", "msci-2026-01-dat-freeze", null)] // case only
    [InlineData("\u03B1nalogy-us-pfic-50pct-assets", "analogy-us-pfic-50pct-assets", "U+03B1 Greek letter '\u03B1' reads as 'a'")] // Greek alpha
    public void Parse_IdConfusableWithBuiltIn_RefusedNamingBoth(string id, string builtIn, string? character)
    {
        var ex = Assert.Throws<JsonInputException>(() => PolicyJson.Parse(PolicyExamples.WithId(id)));

        var error = Assert.Single(ex.Errors, e => e.Message.Contains("confusable", StringComparison.Ordinal));
        Assert.Equal("$.policies[0].id", error.Path);
        Assert.StartsWith($"'{id}' is confusable with the built-in id '{builtIn}'", error.Message, StringComparison.Ordinal);
        if (character is not null)
        {
            Assert.Contains(character, error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Parse_TwoIdsConfusableWithEachOther_Refused()
    {
        string json = PolicyExamples.Example.Replace(
            "\"policies\": [",
            "\"policies\": [" + PolicyBody("team-2026-40pct-pr\u043Eposal") + ",",
            StringComparison.Ordinal);

        var ex = Assert.Throws<JsonInputException>(() => PolicyJson.Parse(json));

        Assert.Contains(ex.Errors, e => e.Path == "$.policies[1].id" && e.Message.StartsWith("'team-2026-40pct-proposal' is confusable with 'team-2026-40pct-pr\u043Eposal' ($.policies[0].id)", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_PlainNewId_IsAccepted()
    {
        Assert.Single(PolicyJson.Parse(PolicyExamples.WithId("msci-2026-07-team-variant")));
    }

    [Theory]
    [InlineData("team-\u0440olicy", "mixes scripts (Latin and Cyrillic)")]
    [InlineData("team\u200B-policy", "contains U+200B, an invisible or control character")]
    [InlineData("\uFF54eam-policy", "is not in Unicode normalization form KC (reads as 'team-policy')")]
    public void Build_UnsafeId_RefusedByValidation(string id, string problem)
    {
        var ex = Assert.Throws<PolicyValidationException>(() => IndexPolicy.CreateBuilder(id)
            .For(IndexProvider.Msci, "s")
            .Dated(new LocalDate(2026, 1, 1), new LocalDate(2026, 1, 1))
            .CitedFrom(new PolicySource("t", "p", new LocalDate(2026, 1, 1)))
            .Build());

        Assert.Contains(ex.Failures, f => f.StartsWith($"policy id '{id}' {problem}", StringComparison.Ordinal));
    }

    [Fact]
    public void PolicyCatalogWithPolicies_IdConfusableWithBuiltIn_Refused()
    {
        var confusable = IndexPolicy.CreateBuilder("analogy\u2010us-ica-3a1c-40pct")
            .For(IndexProvider.Msci, "s")
            .Dated(new LocalDate(2026, 1, 1), new LocalDate(2026, 1, 1))
            .CitedFrom(new PolicySource("t", "p", new LocalDate(2026, 1, 1)))
            .Build();

        var ex = Assert.Throws<PolicyValidationException>(() => PolicyCatalog.BuiltIn.WithPolicies([confusable]));

        Assert.Contains("'analogy\u2010us-ica-3a1c-40pct' is confusable with 'analogy-us-ica-3a1c-40pct'", ex.Message, StringComparison.Ordinal);
    }

    private static string PolicyBody(string id) => $$"""
        {
          "id": "{{id}}",
          "provider": "MSCI",
          "scope": "MSCI Global Investable Market Indexes",
          "status": "Scenario",
          "announced": "2026-06-01",
          "effective": "2026-09-01",
          "threshold": { "percent": 40, "bound": "inclusive" },
          "actions": { "constituent": ["Exclude"], "nonConstituent": ["BlockAddition"] },
          "source": { "title": "t", "publisher": "p", "date": "2026-06-01" }
        }
        """;
}
