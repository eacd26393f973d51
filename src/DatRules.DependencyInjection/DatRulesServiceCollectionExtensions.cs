using DatRules.Classification;
using DatRules.DependencyInjection;
using DatRules.Outflows;
using DatRules.Policies;
using DatRules.Screening;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers DatRules with <see cref="IServiceCollection"/>.</summary>
public static class DatRulesServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="DatRulesOptions"/> (options pattern, validated on start) and, as immutable thread-safe
    /// singletons built from them: <see cref="DatClassifier"/>, <see cref="PolicyCatalog"/> (built-ins plus custom
    /// policies), <see cref="DatScreeningService"/>, <see cref="ScreeningEngine"/>, <see cref="ForcedSellingEstimator"/>,
    /// and NodaTime's <see cref="IClock"/> (<see cref="SystemClock.Instance"/> unless the application registered its own).
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Configures thresholds, custom policies and options; runs when the options are built.</param>
    /// <returns>The service collection.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> is null.</exception>
    /// <remarks>
    /// <para>
    /// Nothing is validated here: the options are validated on start (<c>ValidateOnStart</c>: the host's start-up
    /// validation), or at the first resolution of a DatRules service without a host, and invalid options throw a
    /// <see cref="DatRulesConfigurationException"/> listing every failure.
    /// </para>
    /// <para>
    /// Repeat calls are harmless: services are registered once (<c>TryAdd*</c>), and each call's
    /// <paramref name="configure"/> applies in order, like any options configuration (a later threshold wins; policies
    /// accumulate, so the same policy added twice is a duplicate id).
    /// </para>
    /// </remarks>
    public static IServiceCollection AddDatRules(this IServiceCollection services, Action<DatRulesBuilder>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<DatRulesOptions>();
        if (configure is not null)
        {
            options.Configure(o => configure(new DatRulesBuilder(o)));
        }

        options.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DatRulesOptions>>(new DatRulesOptionsValidator()));
        services.TryAddTransient<IOptionsFactory<DatRulesOptions>>(sp => new DatRulesOptionsFactory(
            sp.GetServices<IConfigureOptions<DatRulesOptions>>(),
            sp.GetServices<IPostConfigureOptions<DatRulesOptions>>(),
            sp.GetServices<IValidateOptions<DatRulesOptions>>()));

        services.TryAddSingleton<IClock>(SystemClock.Instance);
        services.TryAddSingleton(sp => Catalog(Options(sp)));
        services.TryAddSingleton(sp =>
        {
            var threshold = Options(sp).Threshold;
            return new DatClassifier(threshold, $"DAT ratio test (digital assets {threshold} of total assets)");
        });
        services.TryAddSingleton(sp => new DatScreeningService(sp.GetRequiredService<PolicyCatalog>(), sp.GetRequiredService<IClock>()));
        services.TryAddSingleton(sp => new ScreeningEngine(Options(sp).Screening));
        services.TryAddSingleton(sp => new ForcedSellingEstimator(Options(sp).Impact));
        return services;
    }

    // The monitor's instance is the one ValidateOnStart built and validated: the configuration runs once, not once more here.
    private static DatRulesOptions Options(IServiceProvider services) => services.GetRequiredService<IOptionsMonitor<DatRulesOptions>>().CurrentValue;

    private static PolicyCatalog Catalog(DatRulesOptions options)
    {
        // Validated already; built again here from the same options (a policy file may have changed in between).
        var failures = new List<string>();
        return DatRulesOptionsValidator.BuildCatalog(options, failures) ?? throw new DatRulesConfigurationException(failures);
    }
}
