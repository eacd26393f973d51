using DatRules.Classification;
using DatRules.Outflows;
using DatRules.Policies;
using DatRules.Screening;
using DatRules.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace DatRules.DependencyInjection.Tests;

public class DatRulesServiceCollectionExtensionsTests
{
    internal const string TeamPolicyJson = """
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

    private const string MessageStart = "Invalid DatRules configuration";

    private static ServiceProvider Build(IServiceCollection services) =>
        services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });

    /// <summary>What a host does on start for options registered with ValidateOnStart.</summary>
    private static void Start(IServiceProvider provider) => provider.GetRequiredService<IStartupValidator>().Validate();

    [Fact]
    public void AddDatRules_CustomJsonPolicy_ResolvesScreeningServiceAndClassifies()
    {
        var services = new ServiceCollection();
        services.AddDatRules(b => b.AddPolicyJson(TeamPolicyJson, "team.json"));
        using var provider = Build(services);

        var screening = provider.GetRequiredService<DatScreeningService>();
        var decisions = screening.Screen(SampleData.Companies(), "team-2026-40pct-proposal");

        // Under the 40% line, HUT (40.06%) is a DAT; BTDR (8.30%) is not.
        Assert.Equal(DatClassification.DigitalAssetTreasury, decisions.Single(d => d.Snapshot.Issuer.Ticker == "HUT").Classification);
        Assert.Equal(DatClassification.OperatingCompany, decisions.Single(d => d.Snapshot.Issuer.Ticker == "BTDR").Classification);
    }

    [Fact]
    public void AddDatRules_Defaults_RegistersEverySingletonAndSystemClock()
    {
        using var provider = Build(new ServiceCollection().AddDatRules());

        Start(provider);

        Assert.Same(SystemClock.Instance, provider.GetRequiredService<IClock>());
        Assert.Same(provider.GetRequiredService<PolicyCatalog>(), provider.GetRequiredService<PolicyCatalog>());
        Assert.Same(provider.GetRequiredService<ScreeningEngine>(), provider.GetRequiredService<ScreeningEngine>());
        Assert.NotNull(provider.GetRequiredService<ForcedSellingEstimator>());
        Assert.Equal(RatioThreshold.Msci, provider.GetRequiredService<DatClassifier>().Threshold);
        Assert.Equal(PolicyCatalog.BuiltIn.Policies.Select(p => p.Id), provider.GetRequiredService<PolicyCatalog>().Policies.Select(p => p.Id));
        var engine = provider.GetRequiredService<ScreeningEngine>().Options;
        var defaults = new ScreeningOptions();
        Assert.Equal(
            (defaults.MaxDegreeOfParallelism, defaults.ParallelThreshold, defaults.ChunkSize, defaults.UseRatioIndex),
            (engine.MaxDegreeOfParallelism, engine.ParallelThreshold, engine.ChunkSize, engine.UseRatioIndex));
    }

    [Fact]
    public void AddDatRules_AppClockRegistered_ScreenTodayUsesIt()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IClock>(TestClock.At(new LocalDate(2025, 12, 31)));
        services.AddDatRules();
        using var provider = Build(services);

        var decisions = provider.GetRequiredService<DatScreeningService>().ScreenToday(SampleData.Companies(), IndexProvider.Msci);

        Assert.All(decisions, d => Assert.Equal("msci-2025-10-issuer-freeze", d.Policy.Id));
    }

    [Fact]
    public void AddDatRules_UseRatioIndexOff_ReachesTheEngine()
    {
        // Before DatRulesOptions, AddDatRules copied three of the four screening options by hand and dropped this one.
        using var provider = Build(new ServiceCollection().AddDatRules(b => b.Screening.UseRatioIndex = false));

        Assert.False(provider.GetRequiredService<ScreeningEngine>().Options.UseRatioIndex);
    }

    [Fact]
    public void AddDatRules_EveryScreeningOption_ReachesTheEngine()
    {
        using var provider = Build(new ServiceCollection().AddDatRules(b =>
        {
            b.Screening.MaxDegreeOfParallelism = 3;
            b.Screening.ParallelThreshold = 1_000;
            b.Screening.ChunkSize = 2_048;
            b.Screening.UseRatioIndex = false;
        }));

        var options = provider.GetRequiredService<ScreeningEngine>().Options;

        Assert.Equal((3, 1_000, 2_048, false), (options.MaxDegreeOfParallelism, options.ParallelThreshold, options.ChunkSize, options.UseRatioIndex));
    }

    [Fact]
    public void AddDatRules_UseRatioIndexOff_EngineScreensIndexedUniverseAsTheDomainClassifier()
    {
        // Off or on, the classes are the same; off, the engine must still screen a universe whose index is built.
        using var provider = Build(new ServiceCollection().AddDatRules(b => b.Screening.UseRatioIndex = false));
        var universe = Universe.From(SampleData.Companies());
        _ = universe.RatioIndex;

        var screening = provider.GetRequiredService<ScreeningEngine>().Screen(universe, BuiltInPolicies.MsciDatFreeze);

        Assert.Equal(
            SampleData.Companies().Select(s => BuiltInPolicies.MsciDatFreeze.Evaluate(s).Classification),
            Enumerable.Range(0, universe.Count).Select(screening.ClassificationAt));
    }

    [Fact]
    public void AddDatRules_EveryImpactOption_ReachesTheEstimator()
    {
        using var provider = Build(new ServiceCollection().AddDatRules(b =>
        {
            b.Impact.ImpactCoefficient = 0.8m;
            b.Impact.ExecutionDays = 5;
        }));

        var estimator = provider.GetRequiredService<ForcedSellingEstimator>();

        Assert.Equal((0.8m, 5), (estimator.ImpactCoefficient, estimator.ExecutionDays));
    }

    [Fact]
    public void AddDatRules_ThresholdAndNoBuiltIns_ReachTheClassifierAndCatalog()
    {
        using var provider = Build(new ServiceCollection().AddDatRules(b =>
        {
            b.Threshold = RatioThreshold.AtLeast(40m);
            b.IncludeBuiltInPolicies = false;
            b.AddPolicy(BuiltInPolicies.MsciDatFreeze);
        }));

        Assert.Equal(RatioThreshold.AtLeast(40m), provider.GetRequiredService<DatClassifier>().Threshold);
        Assert.Equal(["msci-2026-01-dat-freeze"], provider.GetRequiredService<PolicyCatalog>().Policies.Select(p => p.Id));
    }

    [Fact]
    public void Configure_DatRulesOptionsDirectly_ReachesTheServices()
    {
        var services = new ServiceCollection().AddDatRules();
        services.Configure<DatRulesOptions>(o =>
        {
            o.Screening.UseRatioIndex = false;
            o.Impact.ExecutionDays = 7;
        });
        using var provider = Build(services);

        Assert.False(provider.GetRequiredService<ScreeningEngine>().Options.UseRatioIndex);
        Assert.Equal(7, provider.GetRequiredService<ForcedSellingEstimator>().ExecutionDays);
        Assert.False(provider.GetRequiredService<IOptions<DatRulesOptions>>().Value.Screening.UseRatioIndex);
    }

    [Fact]
    public void AddDatRules_InvalidOptions_DoesNotThrowBeforeStart()
    {
        var services = new ServiceCollection();

        services.AddDatRules(b => b.Impact.ExecutionDays = 0);
        using var provider = Build(services);

        Assert.NotNull(provider);
    }

    [Fact]
    public void ValidateOnStart_InvalidOptions_ThrowsListingEveryFailure()
    {
        using var provider = Build(new ServiceCollection().AddDatRules(b =>
        {
            b.Threshold = null!;
            b.Impact.ExecutionDays = 0;
            b.Screening.MaxDegreeOfParallelism = 0;
            b.Screening.ChunkSize = 1000;
            b.AddPolicyJson("{ \"policies\": [ { \"id\": \"x\" } ] }", "bad.json");
            b.AddPolicy(BuiltInPolicies.MsciDatFreeze);
        }));

        var ex = Assert.Throws<DatRulesConfigurationException>(() => Start(provider));

        string[] failures =
        [
            "DatRulesOptions.Threshold: must not be null; set a RatioThreshold, e.g. RatioThreshold.Msci (>= 50%)",
            "DatRulesOptions.Impact: ExecutionDays should be in range [1-250]; was 0",
            "DatRulesOptions.Screening: MaxDegreeOfParallelism should be >= 1; was 0; ChunkSize should be >= 1024 and a multiple of 8; was 1000",
            .. BadJsonFailures(),
            "policy id 'msci-2026-01-dat-freeze' is defined 2 times",
        ];
        Assert.Equal(failures, ex.Failures);
        Assert.Equal(
            $"{MessageStart} ({failures.Length} failures; fix each in services.AddDatRules(...) or wherever DatRulesOptions is configured):"
                + string.Concat(failures.Select(f => "\n- " + f)),
            ex.Message);
        Assert.Equal(typeof(DatRulesOptions), ex.OptionsType);
        Assert.Equal(Options.DefaultName, ex.OptionsName);
        Assert.IsAssignableFrom<OptionsValidationException>(ex);
    }

    [Fact]
    public void GetRequiredService_InvalidOptionsWithoutHostStart_ThrowsTheTypedErrorOnFirstResolution()
    {
        using var provider = Build(new ServiceCollection().AddDatRules(b => b.Impact.ImpactCoefficient = 0m));

        var ex = Assert.Throws<DatRulesConfigurationException>(() => provider.GetRequiredService<ForcedSellingEstimator>());

        Assert.Equal(["DatRulesOptions.Impact: ImpactCoefficient should be in range (0-10]; was 0"], ex.Failures);
        Assert.Equal(
            $"{MessageStart} (1 failure; fix each in services.AddDatRules(...) or wherever DatRulesOptions is configured):\n"
                + "- DatRulesOptions.Impact: ImpactCoefficient should be in range (0-10]; was 0",
            ex.Message);
    }

    [Fact]
    public void ValidateOnStart_MissingPolicyFile_MessageNamesTheFullPath()
    {
        string relative = Path.Combine("policies", $"missing-{Guid.NewGuid():N}.json");
        string full = Path.GetFullPath(relative);
        using var provider = Build(new ServiceCollection().AddDatRules(b => b.AddPolicyJsonFile(relative)));

        var ex = Assert.Throws<DatRulesConfigurationException>(() => Start(provider));

        string failure = $"{full}: policy file not found; check the path given to AddPolicyJsonFile (\"{relative}\"), a relative path is resolved against the current directory";
        Assert.Equal([failure], ex.Failures);
        Assert.Equal($"{MessageStart} (1 failure; fix each in services.AddDatRules(...) or wherever DatRulesOptions is configured):\n- {failure}", ex.Message);
        Assert.Contains(full, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GetRequiredService_MissingPolicyFile_ThrowsConfigurationErrorNotFileNotFound()
    {
        string path = Path.Combine(Path.GetTempPath(), $"datrules-missing-{Guid.NewGuid():N}", "policies.json");
        using var provider = Build(new ServiceCollection().AddDatRules(b => b.AddPolicyJsonFile(path)));

        var ex = Record.Exception(() => provider.GetRequiredService<DatScreeningService>());

        var typed = Assert.IsType<DatRulesConfigurationException>(ex);
        Assert.Equal([$"{path}: policy file not found; check the path given to AddPolicyJsonFile (\"{path}\"), a relative path is resolved against the current directory"], typed.Failures);
    }

    [Fact]
    public void AddDatRules_PolicyFile_IsReadOnStart()
    {
        string file = Path.Combine(Path.GetTempPath(), $"datrules-{Guid.NewGuid():N}.json");
        var services = new ServiceCollection().AddDatRules(b => b.AddPolicyJsonFile(file));
        File.WriteAllText(file, TeamPolicyJson);
        try
        {
            using var provider = Build(services);

            Start(provider);

            Assert.Equal(IndexProvider.Msci, provider.GetRequiredService<PolicyCatalog>().Get("team-2026-40pct-proposal").Provider);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void ValidateOnStart_PolicyFileWithInvalidUtf8_IsAFailureNotSilentReplacement()
    {
        string file = Path.Combine(Path.GetTempPath(), $"datrules-{Guid.NewGuid():N}.json");
        File.WriteAllBytes(file, [.. "{ \"policies\": [] }"u8, 0xFF]);
        try
        {
            using var provider = Build(new ServiceCollection().AddDatRules(b => b.AddPolicyJsonFile(file)));

            var ex = Assert.Throws<DatRulesConfigurationException>(() => Start(provider));

            Assert.Equal([$"{file}: policy file is not valid UTF-8 text; save it as UTF-8"], ex.Failures);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void ValidateOnStart_PolicyPathIsADirectory_IsAFailureNamingTheFullPath()
    {
        string directory = Path.GetFullPath(Path.GetTempPath());
        string reason = Record.Exception(() => File.ReadAllText(directory))!.Message;
        using var provider = Build(new ServiceCollection().AddDatRules(b => b.AddPolicyJsonFile(directory)));

        var ex = Assert.Throws<DatRulesConfigurationException>(() => Start(provider));

        Assert.Equal([$"{directory}: policy file cannot be read ({reason})"], ex.Failures);
    }

    [Fact]
    public void ScreeningEngineOptions_CopyChanged_EngineKeepsItsOptions()
    {
        var engine = new ScreeningEngine(new ScreeningOptions { UseRatioIndex = false });

        engine.Options.UseRatioIndex = true;

        Assert.False(engine.Options.UseRatioIndex);
    }

    [Fact]
    public void ValidateOnStart_DuplicatePolicyId_Fails()
    {
        using var provider = Build(new ServiceCollection().AddDatRules(b => b.AddPolicy(BuiltInPolicies.MsciDatFreeze)));

        var ex = Assert.Throws<DatRulesConfigurationException>(() => Start(provider));

        Assert.Equal(["policy id 'msci-2026-01-dat-freeze' is defined 2 times"], ex.Failures);
    }

    [Fact]
    public void AddDatRules_Twice_RegistersEachServiceOnceAndAppliesBothConfigurations()
    {
        var services = new ServiceCollection()
            .AddDatRules(b => b.Screening.UseRatioIndex = false)
            .AddDatRules(b => b.Threshold = RatioThreshold.AtLeast(40m));
        using var provider = Build(services);

        Start(provider);

        foreach (var type in new[] { typeof(DatClassifier), typeof(PolicyCatalog), typeof(DatScreeningService), typeof(ScreeningEngine), typeof(ForcedSellingEstimator), typeof(IClock), typeof(IValidateOptions<DatRulesOptions>), typeof(IOptionsFactory<DatRulesOptions>) })
        {
            Assert.Single(services, s => s.ServiceType == type);
        }

        Assert.Equal(RatioThreshold.AtLeast(40m), provider.GetRequiredService<DatClassifier>().Threshold);
        Assert.False(provider.GetRequiredService<ScreeningEngine>().Options.UseRatioIndex);
    }

    [Fact]
    public void AddDatRules_TwiceWithoutConfiguration_StartsAndResolves()
    {
        using var provider = Build(new ServiceCollection().AddDatRules().AddDatRules());

        Start(provider);

        Assert.Equal(PolicyCatalog.BuiltIn.Policies.Count, provider.GetRequiredService<PolicyCatalog>().Policies.Count);
    }

    [Fact]
    public void AddDatRules_StartThenResolveEverything_RunsTheConfigurationOnce()
    {
        int runs = 0;
        using var provider = Build(new ServiceCollection().AddDatRules(_ => runs++));

        Start(provider);
        _ = provider.GetRequiredService<DatClassifier>();
        _ = provider.GetRequiredService<DatScreeningService>();
        _ = provider.GetRequiredService<ScreeningEngine>();
        _ = provider.GetRequiredService<ForcedSellingEstimator>();

        Assert.Equal(1, runs);
    }

    [Fact]
    public void AddDatRules_NullServices_ThrowsNamingServices() =>
        Assert.Throws<ArgumentNullException>("services", () => DatRulesServiceCollectionExtensions.AddDatRules(null!));

    [Fact]
    public void AddPolicy_Null_ThrowsNamingPolicyWhenTheOptionsAreBuilt()
    {
        using var provider = Build(new ServiceCollection().AddDatRules(b => b.AddPolicy(null!)));

        Assert.Throws<ArgumentNullException>("policy", () => Start(provider));
    }

    [Fact]
    public void AddPolicyJsonFile_WhiteSpacePath_ThrowsNamingPathWhenTheOptionsAreBuilt()
    {
        using var provider = Build(new ServiceCollection().AddDatRules(b => b.AddPolicyJsonFile(" ")));

        var ex = Assert.Throws<ArgumentException>("path", () => Start(provider));

        Assert.Equal("The value cannot be an empty string or composed entirely of whitespace. (Parameter 'path')", ex.Message);
    }

    [Fact]
    public void Singletons_ScreenFromManyThreads_GiveIdenticalResults()
    {
        using var provider = Build(new ServiceCollection().AddDatRules());
        var engine = provider.GetRequiredService<ScreeningEngine>();
        var service = provider.GetRequiredService<DatScreeningService>();
        var companies = SampleData.Companies();
        var universe = Universe.From(companies);
        var reference = engine.Screen(universe, BuiltInPolicies.MsciDatFreeze).Classifications.ToArray();
        var referenceDecisions = service.Screen(companies, IndexProvider.Msci, new LocalDate(2026, 3, 2)).Select(d => (d.Classification, d.Action)).ToArray();

        var results = new System.Collections.Concurrent.ConcurrentBag<bool>();
        Parallel.For(0, 64, new ParallelOptions { MaxDegreeOfParallelism = 8 }, _ =>
        {
            bool same = engine.Screen(universe, BuiltInPolicies.MsciDatFreeze).Classifications.SequenceEqual(reference)
                && service.Screen(companies, IndexProvider.Msci, new LocalDate(2026, 3, 2)).Select(d => (d.Classification, d.Action)).SequenceEqual(referenceDecisions);
            results.Add(same);
        });

        Assert.Equal(64, results.Count);
        Assert.All(results, Assert.True);
    }

    private static IEnumerable<string> BadJsonFailures()
    {
        try
        {
            PolicyJson.Parse("{ \"policies\": [ { \"id\": \"x\" } ] }");
        }
        catch (Json.JsonInputException ex)
        {
            return ex.Errors.Select(e => $"bad.json: {e}");
        }

        throw new InvalidOperationException("the bad JSON parsed");
    }
}
