using DatRules.Issuers;

namespace DatRules.Policies;

/// <summary>Met when the child is not met and the reverse; unknown stays unknown.</summary>
internal sealed class NotCriterion(IPolicyCriterion child) : IPolicyCriterion
{
    public IPolicyCriterion Child { get; } = child;

    public string Description { get; } = "not (" + child.Description + ")";

    public CriterionResult Evaluate(IssuerSnapshot snapshot)
    {
        var r = Child.Evaluate(snapshot);
        var outcome = r.Outcome switch
        {
            CriterionOutcome.Met => CriterionOutcome.NotMet,
            CriterionOutcome.NotMet => CriterionOutcome.Met,
            _ => CriterionOutcome.Unknown,
        };
        return new CriterionResult(outcome, [$"{Description}: {AllOfCriterion.Word(outcome)}.", .. r.Reasons.Select(x => "  " + x)]);
    }
}
