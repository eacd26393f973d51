using Microsoft.Extensions.Options;

namespace DatRules.DependencyInjection;

/// <summary>
/// The options factory of <see cref="DatRulesOptions"/>: the standard <see cref="OptionsFactory{TOptions}"/> (configure,
/// post-configure, validate), whose validation failure is rethrown as the typed <see cref="DatRulesConfigurationException"/>.
/// </summary>
internal sealed class DatRulesOptionsFactory : IOptionsFactory<DatRulesOptions>
{
    private readonly OptionsFactory<DatRulesOptions> _inner;

    internal DatRulesOptionsFactory(
        IEnumerable<IConfigureOptions<DatRulesOptions>> setups,
        IEnumerable<IPostConfigureOptions<DatRulesOptions>> postConfigures,
        IEnumerable<IValidateOptions<DatRulesOptions>> validations)
    {
        _inner = new OptionsFactory<DatRulesOptions>(setups, postConfigures, validations);
    }

    /// <inheritdoc/>
    public DatRulesOptions Create(string name)
    {
        try
        {
            return _inner.Create(name);
        }
        catch (OptionsValidationException ex) when (ex is not DatRulesConfigurationException)
        {
            throw new DatRulesConfigurationException(name, ex.Failures);
        }
    }
}
