using DatRules.Classification;
using DatRules.Json;
using DatRules.Outflows;
using DatRules.Policies;
using DatRules.Screening;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Configures what <see cref="DatRulesServiceCollectionExtensions.AddDatRules"/> registers: the classification threshold,
/// custom policies (in code or JSON), impact and screening options. Validated once, when <c>AddDatRules</c> runs.
/// </summary>
public sealed class DatRulesBuilder
{
    private readonly List<IndexPolicy> _policies = [];
    private readonly List<(string Source, string Json)> _json = [];
    private readonly List<string> _readFailures = [];

    internal DatRulesBuilder()
    {
    }

    /// <summary>Gets or sets the threshold of the registered <see cref="DatClassifier"/>.</summary>
    /// <value>The default value is <see cref="RatioThreshold.Msci"/> (&gt;= 50%, inclusive).</value>
    public RatioThreshold Threshold { get; set; } = RatioThreshold.Msci;

    /// <summary>Gets or sets whether the built-in policies are in the catalog.</summary>
    /// <value>The default value is <see langword="true"/>.</value>
    public bool IncludeBuiltInPolicies { get; set; } = true;

    /// <summary>Gets the options of the registered <see cref="ForcedSellingEstimator"/>.</summary>
    public ImpactOptions Impact { get; } = new();

    /// <summary>Gets the options of the registered <see cref="ScreeningEngine"/>.</summary>
    public ScreeningOptions Screening { get; } = new();

    /// <summary>Adds a policy built in code.</summary>
    /// <param name="policy">The policy.</param>
    /// <returns>This builder.</returns>
    public DatRulesBuilder AddPolicy(IndexPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        _policies.Add(policy);
        return this;
    }

    /// <summary>Adds the policies of a JSON document (schema: docs/policies.md).</summary>
    /// <param name="json">The JSON text.</param>
    /// <param name="sourceName">A name for error messages, e.g. a file name.</param>
    /// <returns>This builder.</returns>
    public DatRulesBuilder AddPolicyJson(string json, string sourceName = "policy JSON")
    {
        ArgumentNullException.ThrowIfNull(json);
        _json.Add((sourceName, json));
        return this;
    }

    /// <summary>Adds the policies of a JSON file (read when <c>AddDatRules</c> runs).</summary>
    /// <param name="path">The file path.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <remarks>The file must be UTF-8: invalid bytes are a failure of <c>AddDatRules</c>, listed with the others, not replaced silently.</remarks>
    public DatRulesBuilder AddPolicyJsonFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        try
        {
            return AddPolicyJson(File.ReadAllText(path, new System.Text.UTF8Encoding(false, throwOnInvalidBytes: true)), Path.GetFileName(path));
        }
        catch (System.Text.DecoderFallbackException)
        {
            _readFailures.Add($"{Path.GetFileName(path)}: not valid UTF-8 text; save the file as UTF-8");
            return this;
        }
    }

    /// <summary>Validates everything and builds the catalog.</summary>
    /// <exception cref="DatRulesConfigurationException">An option or a policy is invalid; the message lists every failure.</exception>
    internal PolicyCatalog BuildCatalog()
    {
        var failures = new List<string>();
        if (Threshold is null)
        {
            failures.Add("DatRulesBuilder.Threshold must not be null");
        }

        Try(failures, "DatRulesBuilder.Impact", Impact.Validate);
        Try(failures, "DatRulesBuilder.Screening", Screening.Validate);
        failures.AddRange(_readFailures);
        var policies = new List<IndexPolicy>(_policies);
        foreach (var (source, json) in _json)
        {
            try
            {
                policies.AddRange(PolicyJson.Parse(json));
            }
            catch (JsonInputException ex)
            {
                failures.AddRange(ex.Errors.Select(e => $"{source}: {e}"));
            }
        }

        PolicyCatalog? catalog = null;
        try
        {
            catalog = IncludeBuiltInPolicies ? PolicyCatalog.BuiltIn.WithPolicies(policies) : new PolicyCatalog(policies);
        }
        catch (PolicyValidationException ex)
        {
            failures.AddRange(ex.Failures);
        }

        if (failures.Count > 0)
        {
            throw new DatRulesConfigurationException(failures);
        }

        return catalog!;
    }

    private static void Try(List<string> failures, string name, Action validate)
    {
        try
        {
            validate();
        }
        catch (ArgumentException ex)
        {
            failures.Add($"{name}: {ex.Message}");
        }
    }
}
