using DatRules.Classification;
using DatRules.Outflows;
using DatRules.Policies;
using DatRules.Screening;

namespace DatRules.DependencyInjection;

/// <summary>
/// Everything <c>services.AddDatRules(...)</c> registers is built from: the classifier's threshold, the policy catalog's
/// sources, and the options of the <see cref="ScreeningEngine"/> and <see cref="ForcedSellingEstimator"/>. Resolved as
/// <c>IOptions&lt;DatRulesOptions&gt;</c>, validated on start by an <c>IValidateOptions&lt;DatRulesOptions&gt;</c> that
/// reports every failure at once.
/// </summary>
/// <remarks>
/// Configure it through <see cref="DatRulesBuilder"/> (<c>services.AddDatRules(b =&gt; ...)</c>) or with the options
/// pattern (<c>services.Configure&lt;DatRulesOptions&gt;(o =&gt; ...)</c>); every configuration applies, in registration order.
/// </remarks>
public sealed class DatRulesOptions
{
    /// <summary>Gets or sets the threshold of the registered <see cref="DatClassifier"/>.</summary>
    /// <value>The default value is <see cref="RatioThreshold.Msci"/> (&gt;= 50%, inclusive).</value>
    public RatioThreshold Threshold { get; set; } = RatioThreshold.Msci;

    /// <summary>Gets or sets a value indicating whether the built-in policies are in the registered <see cref="PolicyCatalog"/>.</summary>
    /// <value>The default value is <see langword="true"/>.</value>
    public bool IncludeBuiltInPolicies { get; set; } = true;

    /// <summary>Gets the options of the registered <see cref="ForcedSellingEstimator"/> (all of them reach it).</summary>
    public ImpactOptions Impact { get; } = new();

    /// <summary>Gets the options of the registered <see cref="ScreeningEngine"/> (all of them reach it, <see cref="ScreeningOptions.UseRatioIndex"/> included).</summary>
    public ScreeningOptions Screening { get; } = new();

    /// <summary>Gets the custom policy sources, in the order they were added (see <see cref="DatRulesBuilder"/>).</summary>
    internal List<PolicySource> PolicySources { get; } = [];
}
