using DatRules.Classification;
using DatRules.Outflows;
using DatRules.Policies;
using DatRules.Screening;

namespace DatRules.DependencyInjection;

/// <summary>
/// Configures the <see cref="DatRulesOptions"/> that <c>services.AddDatRules(...)</c> registers: the classification
/// threshold, custom policies (in code or JSON), impact and screening options.
/// </summary>
/// <remarks>
/// The delegate given to <c>AddDatRules</c> runs when the options are built (on start with the host's
/// <c>ValidateOnStart</c>, otherwise at the first resolution of a DatRules service), on the options themselves: nothing
/// is copied, so every option set here reaches the service it configures. The options are then validated, every failure
/// at once, in a <see cref="DatRulesConfigurationException"/>.
/// </remarks>
public sealed class DatRulesBuilder
{
    internal DatRulesBuilder(DatRulesOptions options)
    {
        Options = options;
    }

    /// <summary>Gets the options this builder configures.</summary>
    public DatRulesOptions Options { get; }

    /// <summary>Gets or sets the threshold of the registered <see cref="DatClassifier"/>.</summary>
    /// <value>The default value is <see cref="RatioThreshold.Msci"/> (&gt;= 50%, inclusive).</value>
    public RatioThreshold Threshold
    {
        get => Options.Threshold;
        set => Options.Threshold = value;
    }

    /// <summary>Gets or sets a value indicating whether the built-in policies are in the catalog.</summary>
    /// <value>The default value is <see langword="true"/>.</value>
    public bool IncludeBuiltInPolicies
    {
        get => Options.IncludeBuiltInPolicies;
        set => Options.IncludeBuiltInPolicies = value;
    }

    /// <summary>Gets the options of the registered <see cref="ForcedSellingEstimator"/>.</summary>
    public ImpactOptions Impact => Options.Impact;

    /// <summary>Gets the options of the registered <see cref="ScreeningEngine"/>.</summary>
    public ScreeningOptions Screening => Options.Screening;

    /// <summary>Adds a policy built in code.</summary>
    /// <param name="policy">The policy.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="policy"/> is null.</exception>
    public DatRulesBuilder AddPolicy(IndexPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        Options.PolicySources.Add(new PolicySource(policy.Id, Policy: policy));
        return this;
    }

    /// <summary>Adds the policies of a JSON document (schema: docs/policies.md).</summary>
    /// <param name="json">The JSON text.</param>
    /// <param name="sourceName">A name for failures, e.g. a file name.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> or <paramref name="sourceName"/> is null.</exception>
    public DatRulesBuilder AddPolicyJson(string json, string sourceName = "policy JSON")
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(sourceName);
        Options.PolicySources.Add(new PolicySource(sourceName, Json: json));
        return this;
    }

    /// <summary>Adds the policies of a UTF-8 JSON file, read when the catalog is built (on start or first resolution).</summary>
    /// <param name="path">The file path; a relative path is resolved against the current directory when this method runs.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty or white space, or not a valid path.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is null.</exception>
    /// <remarks>
    /// A file that does not exist, cannot be read or is not valid UTF-8 is a failure of the options, listed with the others
    /// in a <see cref="DatRulesConfigurationException"/> naming the file's full path, never a
    /// <see cref="FileNotFoundException"/>.
    /// </remarks>
    public DatRulesBuilder AddPolicyJsonFile(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        string fullPath = Path.GetFullPath(path);
        Options.PolicySources.Add(new PolicySource(fullPath, FilePath: fullPath, GivenPath: path));
        return this;
    }
}
