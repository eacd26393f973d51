using DatRules.Internal;
using DatRules.Classification;
using DatRules.Issuers;

namespace DatRules.Policies;

/// <summary>
/// A rule of one index provider on digital-asset treasury companies: who it applies to (criteria),
/// when (announcement and effective dates), its standing, what the provider does on a match, and its source.
/// </summary>
/// <remarks>
/// Immutable and thread-safe. Build with <see cref="CreateBuilder"/> (validated at <see cref="IndexPolicyBuilder.Build"/>)
/// or load from JSON with <see cref="PolicyJson"/>. An issuer matches when <em>every</em> criterion is met; a policy
/// without criteria matches nobody (e.g. MSCI before its DAT consultation).
/// </remarks>
public sealed class IndexPolicy
{
    internal IndexPolicy(IndexPolicyBuilder b)
    {
        Id = b.Id;
        Provider = b.Provider!;
        Scope = b.Scope!;
        Status = b.Status;
        AnnouncedOn = b.AnnouncedOn!.Value;
        EffectiveOn = b.EffectiveOn!.Value;
        Criteria = ReadOnly.Copy(b.Criteria);
        ConstituentAction = b.ConstituentAction;
        NonConstituentAction = b.NonConstituentAction;
        Source = b.Source!;
        Notes = b.Notes;
        Holdings = b.Holdings;
    }

    /// <summary>
    /// Gets which kinds of crypto the policy counts as digital-asset holdings (its ratio criterion's numerator):
    /// <see cref="HoldingsTreatment.Default"/> unless the policy states another (<see cref="IndexPolicyBuilder.WithHoldings"/>).
    /// </summary>
    public HoldingsTreatment Holdings { get; }

    /// <summary>Gets the policy's unique id, e.g. <c>msci-2026-01-dat-freeze</c>.</summary>
    public string Id { get; }

    /// <summary>Gets the index provider.</summary>
    public IndexProvider Provider { get; }

    /// <summary>Gets the index family or scope, e.g. <c>MSCI Global Investable Market Indexes</c>.</summary>
    public string Scope { get; }

    /// <summary>Gets the standing: proposed, adopted, scenario or withdrawn.</summary>
    public PolicyStatus Status { get; }

    /// <summary>Gets the announcement date.</summary>
    public LocalDate AnnouncedOn { get; }

    /// <summary>Gets the date from which the policy applies (or would apply).</summary>
    public LocalDate EffectiveOn { get; }

    /// <summary>Gets the criteria, all of which an issuer must meet.</summary>
    public IReadOnlyList<IPolicyCriterion> Criteria { get; }

    /// <summary>Gets the action on a matched index constituent.</summary>
    public PolicyAction ConstituentAction { get; }

    /// <summary>Gets the action on a matched non-constituent.</summary>
    public PolicyAction NonConstituentAction { get; }

    /// <summary>Gets the public source.</summary>
    public PolicySource Source { get; }

    /// <summary>Gets free-text notes (assumptions, what is not modelled).</summary>
    public string? Notes { get; }

    /// <summary>Gets the ratio threshold among the criteria, if any.</summary>
    public RatioThreshold? RatioThreshold => Criteria.OfType<RatioThresholdCriterion>().FirstOrDefault()?.Threshold;

    /// <summary>
    /// Gets a value indicating whether a criterion reads line items beyond digital and total assets (cash, securities,
    /// revenue, ...), so that inputs must carry them: a snapshot without them is indeterminate under this policy.
    /// </summary>
    public bool ReadsLineItems => Criteria.Any(PolicyCriteria.ReadsLineItems);

    /// <summary>Starts a builder for a policy.</summary>
    /// <param name="id">The policy id.</param>
    /// <returns>A builder.</returns>
    public static IndexPolicyBuilder CreateBuilder(string id) => new(id);

    /// <summary>Applies the policy to one snapshot.</summary>
    /// <param name="snapshot">The snapshot.</param>
    /// <returns>The decision, never null.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="snapshot"/> is null.</exception>
    public PolicyDecision Evaluate(IssuerSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var reasons = new List<string>();
        DatClassification classification;
        if (Criteria.Count == 0)
        {
            classification = DatClassification.OperatingCompany;
            reasons.Add(ReasonText.NoCriterion(this));
        }
        else
        {
            bool anyNotMet = false, anyUnknown = false;
            foreach (var criterion in Criteria)
            {
                var r = criterion.Evaluate(snapshot);
                reasons.AddRange(r.Reasons);
                anyNotMet |= r.Outcome == CriterionOutcome.NotMet;
                anyUnknown |= r.Outcome == CriterionOutcome.Unknown;
            }

            classification = anyNotMet ? DatClassification.OperatingCompany
                : anyUnknown ? DatClassification.Indeterminate
                : DatClassification.DigitalAssetTreasury;
        }

        PolicyAction? action = ChooseAction(snapshot, classification, reasons);
        return new PolicyDecision(this, snapshot, classification, action, reasons);
    }

    /// <inheritdoc />
    /// <remarks>An open-ended start (<see cref="LocalDate.MinIsoValue"/>, e.g. the MSCI baseline) reads "in force from the start", not a date.</remarks>
    public override string ToString() => $"{Id} ({Provider}, {Status}, {EffectiveText})";

    /// <summary>"effective 2026-01-06", or "in force from the start" for an open-ended start.</summary>
    internal string EffectiveText => EffectiveOn == LocalDate.MinIsoValue ? "in force from the start" : $"effective {EffectiveOn:yyyy-MM-dd}";

    private PolicyAction? ChooseAction(IssuerSnapshot snapshot, DatClassification classification, List<string> reasons)
    {
        switch (classification)
        {
            case DatClassification.OperatingCompany:
                return PolicyAction.None;
            case DatClassification.Indeterminate:
                reasons.Add(ReasonText.ActionUnknown(this));
                return null;
        }

        switch (snapshot.IsIndexConstituent)
        {
            case true:
                reasons.Add(ReasonText.Action(this, true));
                return ConstituentAction;
            case false:
                reasons.Add(ReasonText.Action(this, false));
                return NonConstituentAction;
            default:
                if (ConstituentAction == NonConstituentAction)
                {
                    reasons.Add(ReasonText.Action(this, null));
                    return ConstituentAction;
                }

                reasons.Add(ReasonText.Action(this, null));
                return null;
        }
    }

    /// <summary>Creates a policy with a ratio threshold and no action: a plain classification, in the form the <see cref="Screening.ScreeningEngine"/> screens.</summary>
    /// <param name="threshold">The threshold.</param>
    /// <param name="ruleName">The rule's name, quoted in reasons.</param>
    /// <returns>The policy (id "classification", provider "none").</returns>
    public static IndexPolicy ClassificationOnly(RatioThreshold threshold, string ruleName) => CreateBuilder("classification")
        .For(new IndexProvider("none"), "classification only")
        .Dated(LocalDate.MinIsoValue, LocalDate.MinIsoValue)
        .WithRatioThreshold(threshold)
        .OnMatch(PolicyAction.None, PolicyAction.None)
        .CitedFrom(new PolicySource(ruleName, "DatRules", LocalDate.MinIsoValue))
        .Build();
}
