using DatRules.Internal;
namespace DatRules.Policies;

/// <summary>
/// An immutable set of policies that answers "which policy of provider P is in force on date D?",
/// "what was proposed for D?" and "which policy has id X?".
/// </summary>
/// <remarks>Thread-safe. <see cref="WithPolicies"/> returns a new catalog; the original is unchanged.</remarks>
public sealed class PolicyCatalog
{
    private readonly IndexPolicy[] _policies;
    private readonly IReadOnlyList<IndexPolicy> _readOnly;
    private readonly Dictionary<string, IndexPolicy> _byId;

    /// <summary>Initializes a catalog.</summary>
    /// <param name="policies">The policies; ids must be unique (case-insensitive) and not confusable (e.g. a Cyrillic letter or a Unicode hyphen in an otherwise equal id).</param>
    /// <exception cref="PolicyValidationException">Two policies share an id, or have ids that read alike.</exception>
    public PolicyCatalog(IEnumerable<IndexPolicy> policies)
    {
        ArgumentNullException.ThrowIfNull(policies);
        _policies = policies.ToArray();
        var dupes = _policies.GroupBy(p => p.Id, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).Select(g => $"policy id '{g.Key}' is defined {g.Count()} times").ToList();
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var p in _policies)
        {
            if (!seen.TryAdd(PolicyIds.Skeleton(p.Id), p.Id) && seen[PolicyIds.Skeleton(p.Id)] is var first && PolicyIds.Confusable(p.Id, first, ignoreCase: true))
            {
                dupes.Add($"policy id '{p.Id}' is confusable with '{first}' ({PolicyIds.Difference(p.Id, first)}): give it an id that differs visibly");
            }
        }

        if (dupes.Count > 0)
        {
            throw new PolicyValidationException(dupes);
        }

        _readOnly = ReadOnly.Wrap(_policies);
        _byId = _policies.ToDictionary(p => p.Id, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Gets the catalog of <see cref="BuiltInPolicies.All"/>.</summary>
    public static PolicyCatalog BuiltIn { get; } = new(BuiltInPolicies.All);

    /// <summary>Gets every policy, in the order given.</summary>
    public IReadOnlyList<IndexPolicy> Policies => _readOnly;

    /// <summary>Gets the providers that have at least one policy.</summary>
    public IReadOnlyList<IndexProvider> Providers => ReadOnly.Copy(_policies.Select(p => p.Provider).Distinct());

    /// <summary>Returns a new catalog with <paramref name="policies"/> added.</summary>
    /// <param name="policies">The policies to add.</param>
    /// <returns>The new catalog.</returns>
    /// <exception cref="PolicyValidationException">An id is already used, or reads like one in use.</exception>
    public PolicyCatalog WithPolicies(IEnumerable<IndexPolicy> policies) => new(_policies.Concat(policies ?? throw new ArgumentNullException(nameof(policies))));

    /// <summary>Gets a policy by id.</summary>
    /// <param name="id">The id (case-insensitive).</param>
    /// <returns>The policy.</returns>
    /// <exception cref="PolicyNotFoundException">No policy has that id; the message lists the known ids.</exception>
    public IndexPolicy Get(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        return _byId.TryGetValue(id, out var p)
            ? p
            : throw new PolicyNotFoundException($"No policy with id '{id}'. Known ids: {string.Join(", ", _policies.Select(x => x.Id))}.");
    }

    /// <summary>Tries to get a policy by id.</summary>
    /// <param name="id">The id.</param>
    /// <param name="policy">The policy, when found.</param>
    /// <returns><see langword="true"/> if found.</returns>
    public bool TryGet(string id, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out IndexPolicy? policy) => _byId.TryGetValue(id, out policy);

    /// <summary>
    /// Gets the policy of <paramref name="provider"/> in force on <paramref name="date"/>: the adopted policy with the
    /// latest effective date on or before <paramref name="date"/> (announced on or before it too).
    /// </summary>
    /// <param name="provider">The provider.</param>
    /// <param name="date">The date.</param>
    /// <returns>The policy.</returns>
    /// <exception cref="PolicyNotFoundException">The provider is unknown, has no adopted policy, or none in force yet on that date.</exception>
    public IndexPolicy InForce(IndexProvider provider, LocalDate date) => Latest(provider, date, PolicyStatus.Adopted, "in force");

    /// <summary>
    /// Gets what was proposed for <paramref name="date"/>: the proposed policy of <paramref name="provider"/> with the latest
    /// effective date on or before <paramref name="date"/>.
    /// </summary>
    /// <param name="provider">The provider.</param>
    /// <param name="date">The date.</param>
    /// <returns>The proposal.</returns>
    /// <exception cref="PolicyNotFoundException">No such proposal.</exception>
    public IndexPolicy ProposedFor(IndexProvider provider, LocalDate date) => Latest(provider, date, PolicyStatus.Proposed, "proposed for");

    private IndexPolicy Latest(IndexProvider provider, LocalDate date, PolicyStatus status, string what)
    {
        ArgumentNullException.ThrowIfNull(provider);
        var ofProvider = _policies.Where(p => p.Provider.Equals(provider)).ToList();
        if (ofProvider.Count == 0)
        {
            throw new PolicyNotFoundException($"Unknown index provider '{provider}'. Known providers: {string.Join(", ", Providers)}.");
        }

        var candidates = ofProvider.Where(p => p.Status == status).ToList();
        if (candidates.Count == 0)
        {
            string others = string.Join(", ", ofProvider.Select(p => $"{p.Id} ({p.Status})"));
            throw new PolicyNotFoundException($"{provider} has no {status.ToString().ToLowerInvariant()} policy; its policies are: {others}.");
        }

        var found = candidates
            .Where(p => p.EffectiveOn <= date && p.AnnouncedOn <= date)
            .OrderBy(p => p.EffectiveOn)
            .ThenBy(p => p.AnnouncedOn)
            .LastOrDefault();
        if (found is null)
        {
            var earliest = candidates.MinBy(p => p.EffectiveOn)!;
            throw new PolicyNotFoundException($"No {provider} policy {what} {date:yyyy-MM-dd}; the earliest is '{earliest.Id}', {earliest.EffectiveText}.");
        }

        return found;
    }
}
