namespace DatRules.Policies;

/// <summary>The outcome of one criterion for one issuer, with the reasons.</summary>
/// <param name="Outcome">Met, not met, or unknown.</param>
/// <param name="Reasons">Why: which rule, which numbers, or which input was missing.</param>
public sealed record CriterionResult(CriterionOutcome Outcome, IReadOnlyList<string> Reasons)
{
    /// <summary>Creates a result with one reason.</summary>
    /// <param name="outcome">The outcome.</param>
    /// <param name="reason">The reason.</param>
    /// <returns>The result.</returns>
    public static CriterionResult Of(CriterionOutcome outcome, string reason) => new(outcome, [reason]);
}
