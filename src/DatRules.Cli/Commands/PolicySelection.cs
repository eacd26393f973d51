using System.CommandLine;
using System.Globalization;
using DatRules.Json;
using DatRules.Policies;
using NodaTime;
using NodaTime.Text;

namespace DatRules.Cli.Commands;

/// <summary>The options that pick a policy: --policy, --policy-file, --provider, --date.</summary>
internal sealed class PolicySelection
{
    public Option<string?> PolicyId { get; } = new("--policy", "-p") { Description = "Policy id from the catalog (see 'datrules policies') or from --policy-file." };

    public Option<FileInfo?> PolicyFile { get; } = new("--policy-file") { Description = "JSON file of custom policies (schema: docs/policies.md); added to the catalog." };

    public Option<string?> Provider { get; } = new("--provider") { Description = "Index provider (e.g. MSCI): apply its policy in force on --date." };

    public Option<string?> Date { get; } = new("--date", "-d") { Description = "Date (yyyy-MM-dd) for --provider; default today (UTC). Alone, it implies --provider MSCI." };

    public void AddTo(Command command)
    {
        command.Options.Add(PolicyId);
        command.Options.Add(PolicyFile);
        command.Options.Add(Provider);
        command.Options.Add(Date);
    }

    public static LocalDate ParseDate(string text, string option)
    {
        var parsed = LocalDatePattern.Iso.Parse(text);
        return parsed.Success ? parsed.Value : throw new UsageException($"{option} '{text}' is not a date in yyyy-MM-dd form.");
    }

    /// <summary>The provider named by --provider (MSCI when absent); a blank name is a usage error, not a crash.</summary>
    public static IndexProvider ProviderNamed(string? name, PolicyCatalog catalog)
    {
        if (name is null)
        {
            return IndexProvider.Msci;
        }

        return string.IsNullOrWhiteSpace(name)
            ? throw new UsageException($"--provider must name an index provider; known providers: {string.Join(", ", catalog.Providers)}.")
            : new IndexProvider(name);
    }

    /// <summary>Builds the catalog: built-ins plus the policies of --policy-file.</summary>
    public static (PolicyCatalog Catalog, IReadOnlyList<IndexPolicy> FromFile) Catalog(FileInfo? file)
    {
        if (file is null)
        {
            return (PolicyCatalog.BuiltIn, []);
        }

        if (!file.Exists)
        {
            throw new UsageException($"--policy-file '{file.FullName}': file not found.");
        }

        IReadOnlyList<IndexPolicy> policies;
        try
        {
            policies = PolicyJson.Parse(StrictText.ReadAll(file, "--policy-file"));
        }
        catch (JsonInputException ex)
        {
            throw new UsageException(string.Join(Environment.NewLine, ex.Errors.Select(e => $"{file.Name}: {e}")));
        }

        try
        {
            return (PolicyCatalog.BuiltIn.WithPolicies(policies), policies);
        }
        catch (PolicyValidationException ex)
        {
            throw new UsageException($"{file.Name}: {ex.Message} (built-in ids are reserved)");
        }
    }

    /// <summary>Resolves the selected policy, or null when no policy option was given.</summary>
    public IndexPolicy? Resolve(ParseResult parse, IClock clock)
    {
        var file = parse.GetValue(PolicyFile);
        string? id = parse.GetValue(PolicyId);
        string? provider = parse.GetValue(Provider);
        string? date = parse.GetValue(Date);
        if (file is null && id is null && provider is null && date is null)
        {
            // No policy asked for: the built-in catalog (every policy built and validated) is not needed.
            return null;
        }

        var (catalog, fromFile) = Catalog(file);
        if (id is not null && (provider is not null || date is not null))
        {
            throw new UsageException("Give either --policy or --provider/--date, not both.");
        }

        if (id is not null)
        {
            return catalog.Get(id);
        }

        if (provider is not null || date is not null)
        {
            var on = date is null ? clock.GetCurrentInstant().InUtc().Date : ParseDate(date, "--date");
            return catalog.InForce(ProviderNamed(provider, catalog), on);
        }

        return fromFile.Count switch
        {
            0 => null,
            1 => fromFile[0],
            _ => throw new UsageException(string.Create(CultureInfo.InvariantCulture, $"--policy-file has {fromFile.Count} policies; pick one with --policy ({string.Join(", ", fromFile.Select(p => p.Id))}).")),
        };
    }
}
