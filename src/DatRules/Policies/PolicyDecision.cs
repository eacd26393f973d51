using DatRules.Internal;
using DatRules.Classification;
using DatRules.Issuers;

namespace DatRules.Policies;

/// <summary>What one policy decides for one issuer snapshot: the classification, the action and every reason.</summary>
/// <remarks>
/// Immutable. Equality is reference equality: a decision belongs to the <see cref="IndexPolicy"/> and the
/// <see cref="IssuerSnapshot"/> objects it was computed from, which compare by reference themselves. Compare
/// <see cref="Classification"/>, <see cref="Action"/> and <see cref="Reasons"/> instead (as the tests do). The positional
/// record it replaces compared its reasons list by reference, so in practice it had reference equality too.
/// </remarks>
public sealed class PolicyDecision
{
    internal PolicyDecision(IndexPolicy policy, IssuerSnapshot snapshot, DatClassification classification, PolicyAction? action, IReadOnlyList<string> reasons)
    {
        Policy = policy;
        Snapshot = snapshot;
        Classification = classification;
        Action = action;
        Reasons = ReadOnly.Copy(reasons);
    }

    /// <summary>Gets the policy applied.</summary>
    public IndexPolicy Policy { get; }

    /// <summary>Gets the snapshot.</summary>
    public IssuerSnapshot Snapshot { get; }

    /// <summary>
    /// Gets the classification under the policy: <see cref="DatClassification.DigitalAssetTreasury"/> when
    /// every criterion is met, <see cref="DatClassification.OperatingCompany"/> when one is not met (or the
    /// policy has none), <see cref="DatClassification.Indeterminate"/> otherwise.
    /// </summary>
    public DatClassification Classification { get; }

    /// <summary>Gets the digital-asset ratio (fraction of 1) when defined.</summary>
    public decimal? DigitalAssetRatio => Snapshot.HoldingsRatio(Policy.Holdings);

    /// <summary>
    /// Gets the action the provider takes, or <see langword="null"/> when it cannot be told: the
    /// classification is indeterminate, or constituent status is unknown and the policy acts differently
    /// on constituents and non-constituents (see <see cref="ActionIfConstituent"/> and <see cref="ActionIfNonConstituent"/>).
    /// </summary>
    public PolicyAction? Action { get; }

    /// <summary>Gets the action if the issuer is an index constituent (<see cref="PolicyAction.None"/> unless matched).</summary>
    public PolicyAction ActionIfConstituent => Classification == DatClassification.DigitalAssetTreasury ? Policy.ConstituentAction : PolicyAction.None;

    /// <summary>Gets the action if the issuer is not an index constituent (<see cref="PolicyAction.None"/> unless matched).</summary>
    public PolicyAction ActionIfNonConstituent => Classification == DatClassification.DigitalAssetTreasury ? Policy.NonConstituentAction : PolicyAction.None;

    /// <summary>Gets every reason: the criteria's reasons and how the action was chosen.</summary>
    public IReadOnlyList<string> Reasons { get; }

    /// <summary>
    /// Describes the decision, e.g. <c>MSTR @ 2025-09-30 under msci-2026-01-dat-freeze: DigitalAssetTreasury, FreezeShareCount</c>
    /// (the action as <see cref="ActionText.Describe(IndexPolicy, DatClassification, PolicyAction?)"/> words it).
    /// </summary>
    /// <returns>The description.</returns>
    public override string ToString() => $"{Snapshot} under {Policy.Id}: {Classification}, {ActionText.Describe(Policy, Classification, Action)}";
}
