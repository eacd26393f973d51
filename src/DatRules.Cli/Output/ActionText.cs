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

    public static string Short(PolicyDecision d) =>
        d.Action is { } a ? Short(a)
        : d.Classification == DatClassification.Indeterminate ? "unknown"
        : $"{Short(d.ActionIfConstituent)} | {Short(d.ActionIfNonConstituent)}";
}
