using DatRules.Issuers;

namespace DatRules.Policies;

/// <summary>Met when any child is met; not met when every child is not met; otherwise unknown (three-valued OR).</summary>
internal sealed class AnyOfCriterion(IPolicyCriterion[] children) : IPolicyCriterion
{
    public IReadOnlyList<IPolicyCriterion> Children { get; } = children;

    public string Description { get; } = "any of (" + string.Join("; ", children.Select(c => c.Description)) + ")";

    public CriterionResult Evaluate(IssuerSnapshot snapshot)
    {
        var results = Children.Select(c => c.Evaluate(snapshot)).ToArray();
        var outcome = results.Any(r => r.Outcome == CriterionOutcome.Met) ? CriterionOutcome.Met
            : results.Any(r => r.Outcome == CriterionOutcome.Unknown) ? CriterionOutcome.Unknown
            : CriterionOutcome.NotMet;
        return new CriterionResult(outcome, [$"{Description}: {AllOfCriterion.Word(outcome)}.", .. results.SelectMany(r => r.Reasons).Select(r => "  " + r)]);
    }
}
