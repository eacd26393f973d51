using DatRules.Classification;
using DatRules.Policies;

namespace DatRules.Cli.Output;

/// <summary>Compact action names for 80-column tables.</summary>
internal static class ActionText
{
    public static string Short(PolicyAction action)
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
    /// A screened row's action in full, as <see cref="RuleChange.Describe"/> words the domain's decision: the action when
    /// known, "unknown" for an indeterminate row, else what a constituent and a non-constituent would get.
    /// </summary>
    /// <param name="policy">The policy screened.</param>
    /// <param name="classification">The row's classification under it.</param>
    /// <param name="action">The engine's action (negative: unknown, it depends on index membership).</param>
    /// <returns>The text.</returns>
    public static string Describe(IndexPolicy policy, DatClassification classification, sbyte action) =>
        action >= 0 ? ((PolicyAction)action).ToString()
        : classification == DatClassification.Indeterminate ? "unknown"
        : $"{IfConstituent(policy, classification)} if constituent, else {IfNonConstituent(policy, classification)}";

    /// <summary>The short form of <see cref="Describe(IndexPolicy, DatClassification, sbyte)"/>, as <see cref="Short(PolicyDecision)"/> words it.</summary>
    /// <param name="policy">The policy screened.</param>
    /// <param name="classification">The row's classification under it.</param>
    /// <param name="action">The engine's action (negative: unknown).</param>
    /// <returns>The text.</returns>
    public static string Short(IndexPolicy policy, DatClassification classification, sbyte action) =>
        action >= 0 ? Short((PolicyAction)action)
        : classification == DatClassification.Indeterminate ? "unknown"
        : $"{Short(IfConstituent(policy, classification))} | {Short(IfNonConstituent(policy, classification))}";

    /// <summary>What a constituent gets (<see cref="PolicyDecision.ActionIfConstituent"/>).</summary>
    internal static PolicyAction IfConstituent(IndexPolicy policy, DatClassification classification) =>
        classification == DatClassification.DigitalAssetTreasury ? policy.ConstituentAction : PolicyAction.None;

    /// <summary>What a non-constituent gets (<see cref="PolicyDecision.ActionIfNonConstituent"/>).</summary>
    internal static PolicyAction IfNonConstituent(IndexPolicy policy, DatClassification classification) =>
        classification == DatClassification.DigitalAssetTreasury ? policy.NonConstituentAction : PolicyAction.None;

    public static string Short(PolicyDecision d) =>
        d.Action is { } a ? Short(a)
        : d.Classification == DatClassification.Indeterminate ? "unknown"
        : $"{Short(d.ActionIfConstituent)} | {Short(d.ActionIfNonConstituent)}";
}
