using DatRules.Issuers;

namespace DatRules.Policies;

/// <summary>Met when every child is met; not met when any is not met; otherwise unknown (three-valued AND).</summary>
internal sealed class AllOfCriterion(IPolicyCriterion[] children) : IPolicyCriterion
{
    public IReadOnlyList<IPolicyCriterion> Children { get; } = children;

    public string Description { get; } = "all of (" + string.Join("; ", children.Select(c => c.Description)) + ")";

    public CriterionResult Evaluate(IssuerSnapshot snapshot)
    {
        var results = Children.Select(c => c.Evaluate(snapshot)).ToArray();
        var outcome = results.Any(r => r.Outcome == CriterionOutcome.NotMet) ? CriterionOutcome.NotMet
            : results.Any(r => r.Outcome == CriterionOutcome.Unknown) ? CriterionOutcome.Unknown
            : CriterionOutcome.Met;
        return new CriterionResult(outcome, [$"{Description}: {Word(outcome)}.", .. results.SelectMany(r => r.Reasons).Select(r => "  " + r)]);
    }

    internal static string Word(CriterionOutcome o) => o switch
    {
        CriterionOutcome.Met => "met",
        CriterionOutcome.NotMet => "not met",
        _ => "unknown",
    };
}
