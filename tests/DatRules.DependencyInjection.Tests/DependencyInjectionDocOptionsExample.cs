using DatRules.Classification;
using DatRules.DependencyInjection;
using DatRules.Screening;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace DatRules.DependencyInjection.Tests;

/// <summary>The options example of docs/dependency-injection.md, compiled here verbatim (DependencyInjectionDocTests keeps them in sync).</summary>
internal static class DependencyInjectionDocOptionsExample
{
    internal static ScreeningOptions Run(string[] args)
    {
        // snippet:start
        string policyFile = args.Length > 0 ? args[0] : "policies/team.json";   // a policy JSON file (docs/policies.md)
        var services = new ServiceCollection();
        services.AddDatRules(b =>
        {
            b.Threshold = RatioThreshold.AtLeast(40m);      // the registered DatClassifier's threshold
            b.AddPolicyJsonFile(policyFile);                // read on start; or AddPolicyJson(text) / AddPolicy(policy)
            b.Impact.ImpactCoefficient = 0.8m;              // ForcedSellingEstimator options
            b.Screening.MaxDegreeOfParallelism = 2;         // ScreeningEngine options, every one of them
            b.Screening.UseRatioIndex = false;
        });
        using var provider = services.BuildServiceProvider();

        // What a host does on start (ValidateOnStart); throws DatRulesConfigurationException listing every failure.
        provider.GetRequiredService<IStartupValidator>().Validate();
        var engine = provider.GetRequiredService<ScreeningEngine>();
        Console.WriteLine($"ratio index: {engine.Options.UseRatioIndex}, cores: {engine.Options.MaxDegreeOfParallelism}");
        // snippet:end
        return engine.Options;
    }
}
