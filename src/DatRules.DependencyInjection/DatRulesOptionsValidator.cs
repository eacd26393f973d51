using System.Text;
using DatRules.Json;
using DatRules.Policies;
using Microsoft.Extensions.Options;

namespace DatRules.DependencyInjection;

/// <summary>
/// Validates <see cref="DatRulesOptions"/>: the threshold, the impact and screening options, and the catalog (files read,
/// JSON parsed, policies checked together), reporting every failure at once. Registered by <c>AddDatRules</c> with
/// <c>ValidateOnStart</c>.
/// </summary>
internal sealed class DatRulesOptionsValidator : IValidateOptions<DatRulesOptions>
{
    /// <inheritdoc/>
    public ValidateOptionsResult Validate(string? name, DatRulesOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        BuildCatalog(options, failures);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>Checks every option and builds the catalog; each problem is added to <paramref name="failures"/>.</summary>
    /// <param name="options">The options.</param>
    /// <param name="failures">Receives the failures, in order: options, then policy sources, then the catalog as a whole.</param>
    /// <returns>The catalog, or <see langword="null"/> when anything failed.</returns>
    internal static PolicyCatalog? BuildCatalog(DatRulesOptions options, List<string> failures)
    {
        int before = failures.Count;
        if (options.Threshold is null)
        {
            failures.Add("DatRulesOptions.Threshold: must not be null; set a RatioThreshold, e.g. RatioThreshold.Msci (>= 50%)");
        }

        Check(failures, "DatRulesOptions.Impact", options.Impact.Validate);
        Check(failures, "DatRulesOptions.Screening", options.Screening.Validate);
        var policies = new List<IndexPolicy>();
        foreach (var source in options.PolicySources)
        {
            if (source.Policy is not null)
            {
                policies.Add(source.Policy);
                continue;
            }

            string? json = source.Json ?? Read(source, failures);
            if (json is null)
            {
                continue;
            }

            try
            {
                policies.AddRange(PolicyJson.Parse(json));
            }
            catch (JsonInputException ex)
            {
                failures.AddRange(ex.Errors.Select(e => $"{source.Name}: {e}"));
            }
        }

        PolicyCatalog? catalog = null;
        try
        {
            catalog = options.IncludeBuiltInPolicies ? PolicyCatalog.BuiltIn.WithPolicies(policies) : new PolicyCatalog(policies);
        }
        catch (PolicyValidationException ex)
        {
            failures.AddRange(ex.Failures);
        }

        return failures.Count == before ? catalog : null;
    }

    private static string? Read(PolicySource source, List<string> failures)
    {
        string path = source.FilePath!;
        try
        {
            return File.ReadAllText(path, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true));
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            failures.Add($"{path}: policy file not found; check the path given to AddPolicyJsonFile (\"{source.GivenPath}\"), a relative path is resolved against the current directory");
        }
        catch (DecoderFallbackException)
        {
            failures.Add($"{path}: policy file is not valid UTF-8 text; save it as UTF-8");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            failures.Add($"{path}: policy file cannot be read ({ex.Message})");
        }

        return null;
    }

    private static void Check(List<string> failures, string name, Action validate)
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
