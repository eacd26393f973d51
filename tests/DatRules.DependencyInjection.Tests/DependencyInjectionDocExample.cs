using DatRules.Policies;
using DatRules.Screening;
using DatRules.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace DatRules.DependencyInjection.Tests;

/// <summary>The console program of docs/dependency-injection.md, compiled here verbatim (DependencyInjectionDocTests keeps them in sync).</summary>
internal static class DependencyInjectionDocExample
{
    internal static IReadOnlyList<PolicyDecision> Run()
    {
        // snippet:start
        var services = new ServiceCollection();
        services.AddDatRules();
        using var provider = services.BuildServiceProvider();

        var screening = provider.GetRequiredService<DatScreeningService>();
        var decisions = screening.Screen(SampleData.Companies(), IndexProvider.Msci, new NodaTime.LocalDate(2026, 3, 2));
        Console.WriteLine($"companies with an MSCI action: {decisions.Count(d => d.Action is not (null or PolicyAction.None))}");
        // snippet:end
        return decisions;
    }
}
