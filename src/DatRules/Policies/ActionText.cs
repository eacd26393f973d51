using DatRules.Classification;

namespace DatRules.Policies;

/// <summary>The words for policy actions, written once: in full (as <see cref="PolicyAction"/> names them) and abbreviated for narrow tables.</summary>
public static class ActionText
{
    /// <summary>Abbreviates an action for narrow tables: "Exclude", "BlockAdd", "Freeze", "DeferMigr" joined by '+', or "None".</summary>
    /// <param name="action">The action.</param>
    /// <returns>The text.</returns>
    public static string Abbreviate(PolicyAction action)
    {
        if (action == PolicyAction.None)
        {
            return "None";
        }

        var parts = new List<string>(4);
        if (action.HasFlag(PolicyAction.Exclude))
        {
            parts.Add("Exclude");
        }

        if (action.HasFlag(PolicyAction.BlockAddition))
        {
            parts.Add("BlockAdd");
        }

        if (action.HasFlag(PolicyAction.FreezeShareIncreases))
        {
            parts.Add("Freeze");
        }

        if (action.HasFlag(PolicyAction.DeferSizeSegmentMigration))
        {
            parts.Add("DeferMigr");
        }

        return string.Join('+', parts);
    }

    /// <summary>
    /// A screened row's action in full: the action when known, "unknown" for an indeterminate row, else what a constituent
    /// and a non-constituent would get ("Exclude if constituent, else BlockAddition").
    /// </summary>
    /// <param name="policy">The policy screened.</param>
    /// <param name="classification">The row's classification under it.</param>
    /// <param name="action">The action, or <see langword="null"/> when it depends on index membership or is unknown.</param>
    /// <returns>The text.</returns>
    public static string Describe(IndexPolicy policy, DatClassification classification, PolicyAction? action)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return action is { } a ? a.ToString()
            : classification == DatClassification.Indeterminate ? "unknown"
            : $"{IfConstituent(policy, classification)} if constituent, else {IfNonConstituent(policy, classification)}";
    }

    /// <summary>The abbreviated form of <see cref="Describe(IndexPolicy, DatClassification, PolicyAction?)"/>: "Exclude | BlockAdd" when it depends on index membership.</summary>
    /// <param name="policy">The policy screened.</param>
    /// <param name="classification">The row's classification under it.</param>
    /// <param name="action">The action, or <see langword="null"/> when it depends on index membership or is unknown.</param>
    /// <returns>The text.</returns>
    public static string Abbreviate(IndexPolicy policy, DatClassification classification, PolicyAction? action)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return action is { } a ? Abbreviate(a)
            : classification == DatClassification.Indeterminate ? "unknown"
            : $"{Abbreviate(IfConstituent(policy, classification))} | {Abbreviate(IfNonConstituent(policy, classification))}";
    }

    /// <summary>The abbreviated action of a decision, as <see cref="Abbreviate(IndexPolicy, DatClassification, PolicyAction?)"/> words it.</summary>
    /// <param name="decision">The decision.</param>
    /// <returns>The text.</returns>
    public static string Abbreviate(PolicyDecision decision)
    {
        ArgumentNullException.ThrowIfNull(decision);
        return Abbreviate(decision.Policy, decision.Classification, decision.Action);
    }

    /// <summary>What a constituent gets (<see cref="PolicyDecision.ActionIfConstituent"/>).</summary>
    /// <param name="policy">The policy.</param>
    /// <param name="classification">The classification.</param>
    /// <returns>The action.</returns>
    public static PolicyAction IfConstituent(IndexPolicy policy, DatClassification classification)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return classification == DatClassification.DigitalAssetTreasury ? policy.ConstituentAction : PolicyAction.None;
    }

    /// <summary>What a non-constituent gets (<see cref="PolicyDecision.ActionIfNonConstituent"/>).</summary>
    /// <param name="policy">The policy.</param>
    /// <param name="classification">The classification.</param>
    /// <returns>The action.</returns>
    public static PolicyAction IfNonConstituent(IndexPolicy policy, DatClassification classification)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return classification == DatClassification.DigitalAssetTreasury ? policy.NonConstituentAction : PolicyAction.None;
    }
}
