using DatRules.Classification;

namespace DatRules.Policies;

/// <summary>
/// Builds an <see cref="IndexPolicy"/>. Mutable; <see cref="Build"/> validates everything at once and
/// returns an immutable policy.
/// </summary>
public sealed class IndexPolicyBuilder
{
    private readonly List<IPolicyCriterion> _criteria = [];

    // Ratio criteria added by WithRatioThreshold: they take the policy's holdings treatment when built.
    private readonly HashSet<IPolicyCriterion> _ratioCriteria = new(ReferenceEqualityComparer.Instance);

    internal IndexPolicyBuilder(string id) => Id = id ?? string.Empty;

    internal string Id { get; }

    internal IndexProvider? Provider { get; private set; }

    internal string? Scope { get; private set; }

    internal PolicyStatus Status { get; private set; } = PolicyStatus.Adopted;

    internal LocalDate? AnnouncedOn { get; private set; }

    internal LocalDate? EffectiveOn { get; private set; }

    internal IReadOnlyList<IPolicyCriterion> Criteria => _criteria;

    internal PolicyAction ConstituentAction { get; private set; }

    internal PolicyAction NonConstituentAction { get; private set; }

    internal PolicySource? Source { get; private set; }

    internal string? Notes { get; private set; }

    internal HoldingsTreatment Holdings { get; private set; } = HoldingsTreatment.Default;

    /// <summary>Sets the provider and the index family or scope the policy applies to.</summary>
    /// <param name="provider">The provider.</param>
    /// <param name="scope">The index family, e.g. <c>MSCI Global Investable Market Indexes</c>.</param>
    /// <returns>This builder.</returns>
    public IndexPolicyBuilder For(IndexProvider provider, string scope)
    {
        Provider = provider;
        Scope = scope;
        return this;
    }

    /// <summary>Sets the standing. The default value is <see cref="PolicyStatus.Adopted"/>.</summary>
    /// <param name="status">The status.</param>
    /// <returns>This builder.</returns>
    public IndexPolicyBuilder WithStatus(PolicyStatus status)
    {
        Status = status;
        return this;
    }

    /// <summary>Sets the announcement and effective dates.</summary>
    /// <param name="announced">When the provider announced it.</param>
    /// <param name="effective">From when it applies; on or after <paramref name="announced"/>.</param>
    /// <returns>This builder.</returns>
    public IndexPolicyBuilder Dated(LocalDate announced, LocalDate effective)
    {
        AnnouncedOn = announced;
        EffectiveOn = effective;
        return this;
    }

    /// <summary>Adds a criterion on the digital-asset ratio.</summary>
    /// <param name="threshold">The threshold.</param>
    /// <returns>This builder.</returns>
    public IndexPolicyBuilder WithRatioThreshold(RatioThreshold threshold)
    {
        var criterion = new RatioThresholdCriterion(threshold);
        _ratioCriteria.Add(criterion);
        return WithCriterion(criterion);
    }

    /// <summary>
    /// Sets which kinds of crypto count toward the policy's ratio threshold (<see cref="HoldingsTreatment.Default"/> if not
    /// called). A treatment that counts customer crypto is refused by <see cref="Build"/>.
    /// </summary>
    /// <param name="holdings">The treatment.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="holdings"/> is null.</exception>
    public IndexPolicyBuilder WithHoldings(HoldingsTreatment holdings)
    {
        ArgumentNullException.ThrowIfNull(holdings);
        Holdings = holdings;
        return this;
    }

    /// <summary>Adds a criterion; every criterion must be met for the policy to match.</summary>
    /// <param name="criterion">The criterion.</param>
    /// <returns>This builder.</returns>
    public IndexPolicyBuilder WithCriterion(IPolicyCriterion criterion)
    {
        ArgumentNullException.ThrowIfNull(criterion);
        _criteria.Add(criterion);
        return this;
    }

    /// <summary>Sets the actions on a match.</summary>
    /// <param name="constituent">The action on an index constituent.</param>
    /// <param name="nonConstituent">The action on a non-constituent.</param>
    /// <returns>This builder.</returns>
    public IndexPolicyBuilder OnMatch(PolicyAction constituent, PolicyAction nonConstituent)
    {
        ConstituentAction = constituent;
        NonConstituentAction = nonConstituent;
        return this;
    }

    /// <summary>Sets the public source.</summary>
    /// <param name="source">The source.</param>
    /// <returns>This builder.</returns>
    public IndexPolicyBuilder CitedFrom(PolicySource source)
    {
        Source = source;
        return this;
    }

    /// <summary>Sets notes: assumptions, what is not modelled.</summary>
    /// <param name="notes">The notes.</param>
    /// <returns>This builder.</returns>
    public IndexPolicyBuilder WithNotes(string? notes)
    {
        Notes = notes;
        return this;
    }

    /// <summary>Validates and builds the policy.</summary>
    /// <returns>The immutable policy.</returns>
    /// <exception cref="PolicyValidationException">Something is missing or inconsistent; the message lists every failure.</exception>
    public IndexPolicy Build()
    {
        var failures = new List<string>();
        string who = string.IsNullOrWhiteSpace(Id) ? "policy" : $"policy '{Id}'";
        if (string.IsNullOrWhiteSpace(Id))
        {
            failures.Add("policy id is required");
        }
        else
        {
            failures.AddRange(PolicyIds.Problems(Id));
        }

        if (Provider is null)
        {
            failures.Add($"{who}: provider is required (For)");
        }

        if (string.IsNullOrWhiteSpace(Scope))
        {
            failures.Add($"{who}: scope (index family) is required (For)");
        }

        if (!Enum.IsDefined(Status))
        {
            failures.Add($"{who}: status {(int)Status} is not defined");
        }

        if (AnnouncedOn is null || EffectiveOn is null)
        {
            failures.Add($"{who}: announcement and effective dates are required (Dated)");
        }
        else if (EffectiveOn < AnnouncedOn)
        {
            failures.Add($"{who}: effective date {EffectiveOn:yyyy-MM-dd} is before announcement date {AnnouncedOn:yyyy-MM-dd}");
        }

        const PolicyAction all = PolicyAction.Exclude | PolicyAction.BlockAddition | PolicyAction.FreezeShareIncreases | PolicyAction.DeferSizeSegmentMigration;
        if ((ConstituentAction & ~all) != 0 || (NonConstituentAction & ~all) != 0)
        {
            failures.Add($"{who}: action has undefined flags");
        }

        if (ConstituentAction.HasFlag(PolicyAction.Exclude) && ConstituentAction != PolicyAction.Exclude)
        {
            failures.Add($"{who}: Exclude cannot be combined with other actions on constituents ({ConstituentAction})");
        }

        if (_criteria.Count == 0 && (ConstituentAction != PolicyAction.None || NonConstituentAction != PolicyAction.None))
        {
            failures.Add($"{who}: a policy with actions needs at least one criterion");
        }

        if (Source is null)
        {
            failures.Add($"{who}: a public source is required (CitedFrom)");
        }

        if (!Holdings.IsValid)
        {
            failures.Add($"{who}: holdings.customer: {ReasonText.CustomerCryptoCounted}");
        }

        if (failures.Count > 0)
        {
            throw new PolicyValidationException(failures);
        }

        for (int i = 0; i < _criteria.Count; i++)
        {
            if (_criteria[i] is RatioThresholdCriterion r && _ratioCriteria.Contains(r) && r.Holdings != Holdings)
            {
                var replaced = new RatioThresholdCriterion(r.Threshold, Holdings);
                _ratioCriteria.Remove(r);
                _ratioCriteria.Add(replaced);
                _criteria[i] = replaced;
            }
        }

        return new IndexPolicy(this);
    }
}
