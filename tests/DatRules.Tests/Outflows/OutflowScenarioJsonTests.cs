using DatRules.Json;
using DatRules.Outflows;
using DatRules.Testing;

namespace DatRules.Tests.Outflows;

public class OutflowScenarioJsonTests
{
    private static readonly IndexFamily Msci = PublishedEstimates.Msci;

    [Fact]
    public void Parse_NamesDifferingOnlyInCase_IsAnErrorWithThePath()
    {
        string json = """{ "scenarios": [ { "name": "Exclude", "probability": 0.5, "acting": ["MSCI"] }, { "name": "exclude", "probability": 0.5, "acting": [] } ] }""";

        var ex = Assert.Throws<JsonInputException>(() => OutflowScenarioJson.Parse(json, [Msci]));

        Assert.Equal("$.scenarios[1].name: 'exclude' is already the name of $.scenarios[0] (names are compared ignoring case)", ex.Message);
    }

    [Fact]
    public void Parse_DuplicateKey_IsAnError()
    {
        string json = """{ "scenarios": [ { "name": "a", "probability": 0.5, "probability": 1, "acting": [] } ] }""";

        var ex = Assert.Throws<JsonInputException>(() => OutflowScenarioJson.Parse(json, [Msci]));

        Assert.Equal("$.scenarios[0].probability: duplicate key (a JSON object names each key once)", ex.Message);
    }

    [Fact]
    public void Parse_ProbabilityWithMoreDigitsThanDecimal_IsAnErrorNotRounded()
    {
        string json = """{ "scenarios": [ { "name": "a", "probability": 0.33333333333333333333333333333333, "acting": [] }, { "name": "b", "probability": 0.66666666666666666666666666666667, "acting": [] } ] }""";

        var ex = Assert.Throws<JsonInputException>(() => OutflowScenarioJson.Parse(json, [Msci]));

        Assert.Equal(
            [
                new JsonInputError("$.scenarios[0].probability", "0.33333333333333333333333333333333 has more digits or a larger magnitude than a decimal holds exactly (28 significant digits, below 7.9e28)"),
                new JsonInputError("$.scenarios[1].probability", "0.66666666666666666666666666666667 has more digits or a larger magnitude than a decimal holds exactly (28 significant digits, below 7.9e28)"),
            ],
            ex.Errors);
    }

    [Fact]
    public void Parse_UnknownPropertyWithOddName_QuotesItInThePath()
    {
        string json = """{ "scenarios": [ { "name": "a", "probability": 1, "acting": [], "odd key": 1 } ] }""";

        var ex = Assert.Throws<JsonInputException>(() => OutflowScenarioJson.Parse(json, [Msci]));

        Assert.Equal("$.scenarios[0]['odd key']: unknown property; allowed: name, probability, acting", ex.Message);
    }

    [Fact]
    public void Parse_DailyVolatilityNotANumber_NamesTheKind()
    {
        string json = """{ "dailyVolatility": "5%", "scenarios": [ { "name": "a", "probability": 1, "acting": [] } ] }""";

        var ex = Assert.Throws<JsonInputException>(() => OutflowScenarioJson.Parse(json, [Msci]));

        Assert.Equal("$.dailyVolatility: expected a number; was a string", ex.Message);
    }
}
