using DatRules.Issuers;

namespace DatRules.Policies;

/// <summary>How one issuer's treatment changes between two policies.</summary>
public sealed record IssuerChange
{
    internal IssuerChange(PolicyDecision before, PolicyDecision after)
    {
        Before = before;
        After = after;
    }

    /// <summary>Gets the issuer snapshot.</summary>
    public IssuerSnapshot Snapshot => Before.Snapshot;

    /// <summary>Gets the decision under the earlier policy.</summary>
    public PolicyDecision Before { get; }

    /// <summary>Gets the decision under the later policy.</summary>
    public PolicyDecision After { get; }

    /// <summary>Gets a value indicating whether the classification changes.</summary>
    public bool ClassificationChanged => Before.Classification != After.Classification;

    /// <summary>Gets a value indicating whether the action changes (for a known constituent status, or for either status when unknown).</summary>
    public bool ActionChanged => RuleChange.ActionChanged(Before.Policy, Before.Classification, Before.Action, After.Policy, After.Classification, After.Action);

    /// <inheritdoc />
    public override string ToString() =>
        $"{Snapshot.Issuer}: {Before.Classification}/{RuleChange.Describe(Before)} -> {After.Classification}/{RuleChange.Describe(After)}";
}
