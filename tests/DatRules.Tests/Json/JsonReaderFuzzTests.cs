using System.Globalization;
using System.Text;
using CsCheck;
using DatRules.Json;
using DatRules.Outflows;
using DatRules.Policies;
using DatRules.Tests.Policies;
using DatRules.Testing;

namespace DatRules.Tests.Json;

/// <summary>
/// Fuzzing of the policy and scenario JSON readers with generated inputs, for a fixed time budget in every test run
/// (CI included): mutations of valid documents and random JSON built from the schema's own keys. Invariant: the
/// document parses, or a <see cref="JsonInputException"/> names the place of every error; never another exception.
/// </summary>
/// <remarks>The budget is <c>DATRULES_FUZZ_SECONDS</c> per target (default 3); set it higher for a long local run.</remarks>
public class JsonReaderFuzzTests
{
    private const string ScenarioExample = """
        { "impactCoefficient": 1, "executionDays": 2, "dailyVolatility": 0.05,
          "scenarios": [ { "name": "none", "probability": 0.4, "acting": [] },
                         { "name": "msci", "probability": 0.6, "acting": ["MSCI", "Other passive"] } ] }
        """;

    private static readonly string[] Keys =
    [
        "policies", "id", "provider", "scope", "status", "announced", "effective", "threshold", "percent", "bound",
        "requireSelfDescribedDat", "requireCapitalRaisedForDigitalAssets", "issuers", "actions", "constituent",
        "nonConstituent", "source", "title", "publisher", "date", "url", "notes", "impactCoefficient", "executionDays",
        "dailyVolatility", "scenarios", "name", "probability", "acting", "", "Id", "odd key", "\\u0069d",
    ];

    private static readonly string[] Tokens =
    [
        "{", "}", "[", "]", "\"", ",", ":", "null", "true", "false", "0", "-0", "1", "-1", "0.5", "100", "150", "1e400", "1e-400",
        "79228162514264337593543950335", "79228162514264337593543950336", "0.1234567890123456789012345678901",
        "\"\\uD800\"", "\"\\u0000\"", "\"\\\"\"", "\\", "\"inclusive\"", "\"Exclude\"", "\"MSCI\"", "\"2026-01-01\"",
        "\"9999-12-31\"", "\"0001-01-01\"", "\"http://x\"", "\"not a url\"", "//c\n", "/*", "\u00e9", "\ud83d\ude00", " ", "\n",
    ];

    private static readonly IndexFamily[] Families = [PublishedEstimates.Msci, PublishedEstimates.OtherProviders];

    private static int Seconds => int.TryParse(Environment.GetEnvironmentVariable("DATRULES_FUZZ_SECONDS"), CultureInfo.InvariantCulture, out int s) && s > 0 ? s : 3;

    private static readonly Gen<string> Token = Gen.OneOf(
        Gen.OneOf(Tokens),
        Gen.OneOf(Keys).Select(k => "\"" + k + "\""),
        Gen.Char.Select(c => c.ToString()));

    /// <summary>Edits of a valid document: insert, delete or replace a range with a token.</summary>
    private static Gen<string> Mutations(string document) =>
        Gen.Select(Gen.Int[0, document.Length], Gen.Int[0, 8], Gen.Int[0, 2], Token).Array[1, 6].Select(edits => TextEdits.Apply(document, edits));

    /// <summary>Random JSON from the schema's keys and edge values, nested a few levels.</summary>
    private static readonly Gen<string> Value = Gen.Recursive<string>((depth, self) =>
    {
        var leaf = Gen.OneOf(Tokens.Where(t => t.StartsWith('"') && t.Length > 1 || char.IsDigit(t[^1]) || t is "null" or "true" or "false").ToArray());
        if (depth > 4)
        {
            return leaf;
        }

        var member = Gen.Select(Gen.OneOf(Keys), self, (k, v) => $"\"{k}\": {v}");
        return Gen.Frequency(
            (4, (IGen<string>)leaf),
            (2, self.Array[0, 4].Select(items => "[" + string.Join(", ", items) + "]")),
            (3, member.Array[0, 6].Select(members => "{" + string.Join(", ", members) + "}")));
    });

    private static readonly Gen<string> PolicyDocuments = Gen.OneOf(
        Mutations(PolicyExamples.Example),
        Value.Array[0, 3].Select(ps => "{ \"policies\": [" + string.Join(", ", ps) + "] }"),
        Value);

    private static readonly Gen<string> ScenarioDocuments = Gen.OneOf(
        Mutations(ScenarioExample),
        Value.Array[0, 3].Select(ss => "{ \"scenarios\": [" + string.Join(", ", ss) + "] }"),
        Value);

    [Fact]
    public void PolicyJsonParse_GeneratedDocuments_SucceedsOrNamesThePlace() =>
        PolicyDocuments.Sample(json => AssertTypedOrSuccess(() => PolicyJson.Parse(json)), iter: long.MaxValue, time: Seconds);

    [Fact]
    public void OutflowScenarioJsonParse_GeneratedDocuments_SucceedsOrNamesThePlace() =>
        ScenarioDocuments.Sample(json => AssertTypedOrSuccess(() => OutflowScenarioJson.Parse(json, Families)), iter: long.MaxValue, time: Seconds);

    [Theory]
    [InlineData("{ \"policies\": [ { \"id\": \"\\uD800\" } ] }")]
    [InlineData("{ \"policies\": [ { \"\\uD800\": 1 } ] }")]
    [InlineData("{ \"policies\": [ { \"threshold\": { \"percent\": 1e400 } } ] }")]
    [InlineData("{ \"policies\": [ { \"announced\": \"9999-12-31\", \"effective\": \"0001-01-01\" } ] }")]
    public void PolicyJsonParse_KnownHardInputs_SucceedsOrNamesThePlace(string json) => AssertTypedOrSuccess(() => PolicyJson.Parse(json));

    [Theory]
    [InlineData("{ \"scenarios\": [ { \"name\": \"\\uD800\", \"probability\": 1, \"acting\": [] } ] }")]
    [InlineData("{ \"executionDays\": 1e400, \"scenarios\": [] }")]
    [InlineData("{ \"impactCoefficient\": 79228162514264337593543950336, \"scenarios\": [] }")]
    public void OutflowScenarioJsonParse_KnownHardInputs_SucceedsOrNamesThePlace(string json) =>
        AssertTypedOrSuccess(() => OutflowScenarioJson.Parse(json, Families));

    private static void AssertTypedOrSuccess(Action parse)
    {
        try
        {
            parse();
        }
        catch (JsonInputException ex)
        {
            Assert.NotEmpty(ex.Errors);
            Assert.All(ex.Errors, e =>
            {
                Assert.StartsWith("$", e.Path, StringComparison.Ordinal);
                Assert.False(string.IsNullOrWhiteSpace(e.Message));
            });
        }
    }
}
