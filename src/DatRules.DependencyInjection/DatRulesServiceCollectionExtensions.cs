using DatRules.Classification;
using DatRules.Outflows;
using DatRules.Policies;
using DatRules.Screening;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers DatRules with <see cref="IServiceCollection"/>.</summary>
public static class DatRulesServiceCollectionExtensions
{
    /// <summary>
    /// Registers, as immutable thread-safe singletons: <see cref="DatClassifier"/>, <see cref="PolicyCatalog"/>
    /// (built-ins plus the builder's policies), <see cref="DatScreeningService"/>, <see cref="ScreeningEngine"/>,
    /// <see cref="ForcedSellingEstimator"/>, and NodaTime's <see cref="IClock"/> (<see cref="SystemClock.Instance"/>
    /// unless the application registered its own). Repeat calls are harmless (<c>TryAdd</c>).
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Configures thresholds, custom policies and options.</param>
    /// <returns>The service collection.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> is null.</exception>
    /// <exception cref="DatRulesConfigurationException">The configuration is invalid (checked here, before the container is built).</exception>
    public static IServiceCollection AddDatRules(this IServiceCollection services, Action<DatRulesBuilder>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var builder = new DatRulesBuilder();
        configure?.Invoke(builder);
        var catalog = builder.BuildCatalog();
        var threshold = builder.Threshold;
        var impact = new ImpactOptions { ImpactCoefficient = builder.Impact.ImpactCoefficient, ExecutionDays = builder.Impact.ExecutionDays };
        var screening = new ScreeningOptions
        {
            MaxDegreeOfParallelism = builder.Screening.MaxDegreeOfParallelism,
            ParallelThreshold = builder.Screening.ParallelThreshold,
            ChunkSize = builder.Screening.ChunkSize,
        };

        services.TryAddSingleton<IClock>(SystemClock.Instance);
        services.TryAddSingleton(catalog);
        services.TryAddSingleton(new DatClassifier(threshold, $"DAT ratio test (digital assets {threshold} of total assets)"));
        services.TryAddSingleton(sp => new DatScreeningService(sp.GetRequiredService<PolicyCatalog>(), sp.GetRequiredService<IClock>()));
        services.TryAddSingleton(new ScreeningEngine(screening));
        services.TryAddSingleton(new ForcedSellingEstimator(impact));
        return services;
    }
}
