using DatRules.Classification;
using DatRules.Outflows;
using DatRules.Policies;
using DatRules.Screening;
using DatRules.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace DatRules.Tests.DependencyInjection;

public class DatRulesServiceCollectionExtensionsTests
{
    [Fact]
    public void AddDatRules_CustomJsonPolicy_ResolvesScreeningServiceAndClassifies()
    {
        var services = new ServiceCollection();
        services.AddDatRules(b => b.AddPolicyJson(Policies.PolicyJsonTests.Example, "team.json"));
        using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });

        var screening = provider.GetRequiredService<DatScreeningService>();
        var decisions = screening.Screen(SampleData.Companies(), "team-2026-40pct-proposal");

        // Under the 40% line, HUT (40.06%) is a DAT; BTDR (8.30%) is not.
        Assert.Equal(DatClassification.DigitalAssetTreasury, decisions.Single(d => d.Snapshot.Issuer.Ticker == "HUT").Classification);
        Assert.Equal(DatClassification.OperatingCompany, decisions.Single(d => d.Snapshot.Issuer.Ticker == "BTDR").Classification);
    }

    [Fact]
    public void AddDatRules_RegistersEverySingleton_AndSystemClockByDefault()
    {
        using var provider = new ServiceCollection().AddDatRules().BuildServiceProvider();

        Assert.Same(SystemClock.Instance, provider.GetRequiredService<IClock>());
        Assert.Same(provider.GetRequiredService<PolicyCatalog>(), provider.GetRequiredService<PolicyCatalog>());
        Assert.NotNull(provider.GetRequiredService<DatClassifier>());
        Assert.NotNull(provider.GetRequiredService<ScreeningEngine>());
        Assert.NotNull(provider.GetRequiredService<ForcedSellingEstimator>());
        Assert.Equal(RatioThreshold.Msci, provider.GetRequiredService<DatClassifier>().Threshold);
    }

    [Fact]
    public void AddDatRules_AppClockWins_AndScreenTodayUsesIt()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IClock>(TestClock.At(new LocalDate(2025, 12, 31)));
        services.AddDatRules();
        using var provider = services.BuildServiceProvider();

        var decisions = provider.GetRequiredService<DatScreeningService>().ScreenToday(SampleData.Companies(), IndexProvider.Msci);

        Assert.All(decisions, d => Assert.Equal("msci-2025-10-issuer-freeze", d.Policy.Id));
    }

    [Fact]
    public void AddDatRules_InvalidOptions_ListsEveryFailureBeforeTheContainerIsBuilt()
    {
        var services = new ServiceCollection();

        var ex = Assert.Throws<DatRulesConfigurationException>(() => services.AddDatRules(b =>
        {
            b.Impact.ExecutionDays = 0;
            b.Screening.MaxDegreeOfParallelism = 0;
            b.AddPolicyJson("{ \"policies\": [ { \"id\": \"x\" } ] }", "bad.json");
        }));

        Assert.Contains("DatRulesBuilder.Impact: ExecutionDays should be in range [1-250]; was 0", ex.Failures);
        Assert.Contains("DatRulesBuilder.Screening: MaxDegreeOfParallelism should be >= 1; was 0", ex.Failures);
        Assert.Contains("bad.json: $.policies[0].provider: is required", ex.Failures);
    }

    [Fact]
    public void AddDatRules_DuplicatePolicyId_Fails() =>
        Assert.Contains("policy id 'msci-2026-01-dat-freeze' is defined 2 times",
            Assert.Throws<DatRulesConfigurationException>(() => new ServiceCollection().AddDatRules(b => b.AddPolicy(BuiltInPolicies.MsciDatFreeze))).Failures);

    [Fact]
    public void AddDatRules_Twice_IsHarmless()
    {
        var services = new ServiceCollection().AddDatRules().AddDatRules(b => b.Threshold = RatioThreshold.AtLeast(40m));

        using var provider = services.BuildServiceProvider();

        Assert.Single(services, s => s.ServiceType == typeof(DatClassifier));
        Assert.Equal(RatioThreshold.Msci, provider.GetRequiredService<DatClassifier>().Threshold);
    }

    [Fact]
    public void AddDatRules_NullServices_Throws() =>
        Assert.Throws<ArgumentNullException>("services", () => DatRulesServiceCollectionExtensions.AddDatRules(null!));

    [Fact]
    public void Singletons_ScreenFromManyThreads_GiveIdenticalResults()
    {
        using var provider = new ServiceCollection().AddDatRules().BuildServiceProvider();
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

    [Fact]
    public void AddDatRules_PolicyFileWithInvalidUtf8_IsAFailureNotSilentReplacement()
    {
        string file = Path.Combine(Path.GetTempPath(), $"datrules-{Guid.NewGuid():N}.json");
        File.WriteAllBytes(file, [.. "{ \"policies\": [] }"u8, 0xFF]);

        var ex = Assert.Throws<DatRulesConfigurationException>(() => new ServiceCollection().AddDatRules(b => b.AddPolicyJsonFile(file)));

        Assert.Equal([$"{Path.GetFileName(file)}: not valid UTF-8 text; save the file as UTF-8"], ex.Failures);
    }
}
