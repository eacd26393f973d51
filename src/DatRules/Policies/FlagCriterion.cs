using DatRules.Issuers;

namespace DatRules.Policies;

/// <summary>A criterion on a yes/no disclosure of the snapshot (e.g. "calls itself a DAT company").</summary>
internal sealed class FlagCriterion(string description, string field, Func<IssuerSnapshot, bool?> read) : IPolicyCriterion
{
    public string Description { get; } = description;

    public CriterionResult Evaluate(IssuerSnapshot snapshot) => read(snapshot) switch
    {
        true => CriterionResult.Of(CriterionOutcome.Met, $"{Description}: yes."),
        false => CriterionResult.Of(CriterionOutcome.NotMet, $"{Description}: no."),
        null => CriterionResult.Of(CriterionOutcome.Unknown, $"{Description}: unknown ({field} is not given)."),
    };
}
