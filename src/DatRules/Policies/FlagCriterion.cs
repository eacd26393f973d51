using DatRules.Issuers;

namespace DatRules.Policies;

/// <summary>A criterion on a yes/no disclosure of the snapshot (e.g. "calls itself a DAT company").</summary>
internal sealed class FlagCriterion(string description, string field, Func<IssuerSnapshot, bool?> read) : IPolicyCriterion
{
    public string Description { get; } = description;

    /// <summary>Gets the input field read (the CSV column name), so the columnar engine can map it.</summary>
    public string Field { get; } = field;

    public CriterionResult Evaluate(IssuerSnapshot snapshot) => read(snapshot) switch
    {
        true => CriterionResult.Of(CriterionOutcome.Met, $"{Description}: yes."),
        false => CriterionResult.Of(CriterionOutcome.NotMet, $"{Description}: no."),
        null => CriterionResult.Of(CriterionOutcome.Unknown, $"{Description}: unknown ({Field} is not given)."),
    };
}
