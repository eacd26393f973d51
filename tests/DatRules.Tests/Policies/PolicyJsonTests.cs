using DatRules.Classification;
using DatRules.Json;
using DatRules.Policies;
using static DatRules.TestSupport.PolicyExamples;

namespace DatRules.Tests.Policies;

public class PolicyJsonTests
{
    [Fact]
    public void Parse_Example_BuildsThePolicy()
    {
        var policy = Assert.Single(PolicyJson.Parse(Example));

        Assert.Equal("team-2026-40pct-proposal", policy.Id);
        Assert.Equal(IndexProvider.Msci, policy.Provider);
        Assert.Equal(PolicyStatus.Scenario, policy.Status);
        Assert.Equal(new LocalDate(2026, 9, 1), policy.EffectiveOn);
        Assert.Equal(RatioThreshold.AtLeast(40m), policy.RatioThreshold);
        Assert.Equal(PolicyAction.Exclude, policy.ConstituentAction);
        Assert.Equal(PolicyAction.BlockAddition, policy.NonConstituentAction);
    }

    [Fact]
    public void Parse_ExampleFileInDocs_IsValid()
    {
        string path = Path.Combine(RepoFiles.Root(), "docs", "examples", "policies.json");

        var policies = PolicyJson.Parse(File.ReadAllText(path));

        Assert.NotEmpty(policies);
    }

    [Fact]
    public void Parse_BadThreshold_NamesThePath()
    {
        string json = """
            { "policies": [ {}, {}, { "id": "p", "provider": "MSCI", "scope": "s", "announced": "2026-01-01", "effective": "2026-01-01",
              "threshold": { "percent": 150 }, "actions": { "constituent": [], "nonConstituent": [] },
              "source": { "title": "t", "publisher": "p", "date": "2026-01-01" } } ] }
            """;

        var ex = Assert.Throws<JsonInputException>(() => PolicyJson.Parse(json));

        Assert.Contains(new JsonInputError("$.policies[2].threshold.percent", "must be in (0, 100]; was 150"), ex.Errors);
        Assert.Contains(new JsonInputError("$.policies[0].id", "is required"), ex.Errors);
    }

    [Fact]
    public void Parse_ThresholdNotAnObject_NamesThePath()
    {
        string json = Example.Replace("{ \"percent\": 40, \"bound\": \"inclusive\" }", "50", StringComparison.Ordinal);

        var ex = Assert.Throws<JsonInputException>(() => PolicyJson.Parse(json));

        Assert.Equal("$.policies[0].threshold: expected { \"percent\": 50, \"bound\": \"inclusive\" | \"exclusive\" }", ex.Message);
    }

    [Fact]
    public void Parse_UnknownAction_NamesIndex()
    {
        string json = Example.Replace("[\"Exclude\"]", "[\"Exclude\", \"Delist\"]", StringComparison.Ordinal);

        var ex = Assert.Throws<JsonInputException>(() => PolicyJson.Parse(json));

        Assert.StartsWith("$.policies[0].actions.constituent[1]: 'Delist' is not one of None, Exclude,", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_TypoedProperty_IsAnError()
    {
        string json = Example.Replace("\"threshold\"", "\"treshold\"", StringComparison.Ordinal);

        var ex = Assert.Throws<JsonInputException>(() => PolicyJson.Parse(json));

        Assert.StartsWith("$.policies[0].treshold: unknown property", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_BadDateAndStatus_BothReported()
    {
        string json = Example.Replace("\"2026-09-01\"", "\"2026-13-01\"", StringComparison.Ordinal).Replace("\"Scenario\"", "\"Maybe\"", StringComparison.Ordinal);

        var ex = Assert.Throws<JsonInputException>(() => PolicyJson.Parse(json));

        Assert.Contains(new JsonInputError("$.policies[0].effective", "'2026-13-01' is not a date in yyyy-MM-dd form"), ex.Errors);
        Assert.Contains(ex.Errors, e => e.Path == "$.policies[0].status" && e.Message.StartsWith("'Maybe' is not one of Proposed, Adopted", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_BuilderValidation_IsReportedAtThePolicyPath()
    {
        string json = Example.Replace("\"announced\": \"2026-06-01\"", "\"announced\": \"2026-10-01\"", StringComparison.Ordinal);

        var ex = Assert.Throws<JsonInputException>(() => PolicyJson.Parse(json));

        Assert.Equal("$.policies[0]: policy 'team-2026-40pct-proposal': effective date 2026-09-01 is before announcement date 2026-10-01", ex.Message);
    }

    [Fact]
    public void Parse_NotJson_ReportsLine()
    {
        var ex = Assert.Throws<JsonInputException>(() => PolicyJson.Parse("{ \"policies\": [ }"));

        Assert.StartsWith("$", ex.Errors[0].Path, StringComparison.Ordinal);
        Assert.Contains("not valid JSON (line 1", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_NoPoliciesArray_Throws() =>
        Assert.Equal("$.policies: expected an object with a 'policies' array", Assert.Throws<JsonInputException>(() => PolicyJson.Parse("[]")).Message);

    [Fact]
    public void Parse_DuplicateIds_Throws()
    {
        string one = Example.Trim()[Example.IndexOf('[', StringComparison.Ordinal)..].Trim().TrimStart('[').TrimEnd('}').Trim().TrimEnd(']');
        string json = "{ \"policies\": [" + one + "," + one + "] }";

        var ex = Assert.Throws<JsonInputException>(() => PolicyJson.Parse(json));

        Assert.Equal("$.policies[1].id: duplicate id 'team-2026-40pct-proposal'", ex.Message);
    }

    [Fact]
    public void Parse_IssuerListAndFlags_BecomeCriteria()
    {
        string json = Example.Replace("\"notes\"", "\"issuers\": [\"MSTR\"], \"requireSelfDescribedDat\": true, \"notes\"", StringComparison.Ordinal);

        var policy = Assert.Single(PolicyJson.Parse(json));

        Assert.Equal(3, policy.Criteria.Count);
    }

    public static TheoryData<string, string, string> NestedTypos => new()
    {
        { "\"bound\": \"inclusive\"", "\"bund\": \"exclusive\"", "$.policies[0].threshold.bund: unknown property; allowed: percent, bound" },
        { "\"nonConstituent\":", "\"nonConstituents\": [], \"nonConstituent\":", "$.policies[0].actions.nonConstituents: unknown property; allowed: constituent, nonConstituent" },
        { "\"date\": \"2026-06-01\" }", "\"date\": \"2026-06-01\", \"uri\": \"https://example.com\" }", "$.policies[0].source.uri: unknown property; allowed: title, publisher, date, url" },
        { "\"policies\": [", "\"polices\": 1, \"policies\": [", "$.polices: unknown property; allowed: policies" },
    };

    [Theory]
    [MemberData(nameof(NestedTypos))]
    public void Parse_UnknownPropertyInNestedObject_IsAnErrorWithItsPath(string find, string replace, string expected)
    {
        string json = Example.Replace(find, replace, StringComparison.Ordinal);

        var ex = Assert.Throws<JsonInputException>(() => PolicyJson.Parse(json));

        Assert.Equal(expected, ex.Message);
    }

    [Fact]
    public void Parse_DuplicateKeyInThreshold_IsAnErrorNotTheLastValue()
    {
        string json = Example.Replace("\"bound\": \"inclusive\"", "\"bound\": \"inclusive\", \"bound\": \"exclusive\"", StringComparison.Ordinal);

        var ex = Assert.Throws<JsonInputException>(() => PolicyJson.Parse(json));

        Assert.Equal("$.policies[0].threshold.bound: duplicate key (a JSON object names each key once)", ex.Message);
    }

    [Fact]
    public void Parse_DuplicateKeysAtSeveralLevels_AllReported()
    {
        string json = Example
            .Replace("\"id\":", "\"id\": \"x\", \"id\":", StringComparison.Ordinal)
            .Replace("\"publisher\":", "\"publisher\": \"a\", \"publisher\":", StringComparison.Ordinal)
            .Replace("{\n  \"policies\"", "{ \"policies\": [], \"policies\"", StringComparison.Ordinal);

        var ex = Assert.Throws<JsonInputException>(() => PolicyJson.Parse(json));

        Assert.Equal(
            [
                new JsonInputError("$.policies", "duplicate key (a JSON object names each key once)"),
                new JsonInputError("$.policies[0].id", "duplicate key (a JSON object names each key once)"),
                new JsonInputError("$.policies[0].source.publisher", "duplicate key (a JSON object names each key once)"),
            ],
            ex.Errors.Take(3));
    }

    [Theory]
    [InlineData("50.00000000000000000000000000001", "50.00000000000000000000000000001 has more digits or a larger magnitude than a decimal holds exactly (28 significant digits, below 7.9e28)")]
    [InlineData("49.999999999999999999999999999999", "49.999999999999999999999999999999 has more digits or a larger magnitude than a decimal holds exactly (28 significant digits, below 7.9e28)")]
    [InlineData("1e-400", "1e-400 has more digits or a larger magnitude than a decimal holds exactly (28 significant digits, below 7.9e28)")]
    [InlineData("1e400", "1e400 has more digits or a larger magnitude than a decimal holds exactly (28 significant digits, below 7.9e28)")]
    [InlineData("\"50\"", "expected a number; was a string")]
    public void Parse_ThresholdADecimalCannotHold_IsAnErrorNotRounded(string percent, string expected)
    {
        string json = Example.Replace("\"percent\": 40", "\"percent\": " + percent, StringComparison.Ordinal);

        var ex = Assert.Throws<JsonInputException>(() => PolicyJson.Parse(json));

        Assert.Equal(new JsonInputError("$.policies[0].threshold.percent", expected), Assert.Single(ex.Errors));
    }

    [Theory]
    [InlineData("40.000000000000000000000000000", 40)]
    [InlineData("4e1", 40)]
    [InlineData("0.4E+2", 40)]
    [InlineData("4000e-2", 40)]
    public void Parse_ThresholdWithExactDecimalSpelling_IsAccepted(string percent, int expected)
    {
        string json = Example.Replace("\"percent\": 40", "\"percent\": " + percent, StringComparison.Ordinal);

        var policy = Assert.Single(PolicyJson.Parse(json));

        Assert.Equal(RatioThreshold.AtLeast(expected), policy.RatioThreshold);
    }

    [Fact]
    public void Parse_ErrorsInSeveralPlaces_AllListedAtOnce()
    {
        string json = Example
            .Replace("\"bound\": \"inclusive\"", "\"bound\": \"inclusive\", \"bund\": 1", StringComparison.Ordinal)
            .Replace("\"percent\": 40", "\"percent\": 40.00000000000000000000000000001", StringComparison.Ordinal)
            .Replace("[\"BlockAddition\"]", "[\"Block\"]", StringComparison.Ordinal);

        var ex = Assert.Throws<JsonInputException>(() => PolicyJson.Parse(json));

        Assert.Equal(
            [
                "$.policies[0].threshold.bund",
                "$.policies[0].threshold.percent",
                "$.policies[0].actions.nonConstituent[0]",
            ],
            ex.Errors.Select(e => e.Path));
    }
}
