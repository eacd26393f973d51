using DatRules.Issuers;

namespace DatRules.Policies;

/// <summary>
/// One test a policy applies to an issuer snapshot. Implement this to plug a custom rule into a policy
/// (<see cref="IndexPolicyBuilder.WithCriterion"/>); implementations must be immutable and thread-safe.
/// </summary>
public interface IPolicyCriterion
{
    /// <summary>Gets a short description, e.g. <c>digital assets &gt;= 50% of total assets</c>.</summary>
    string Description { get; }

    /// <summary>Evaluates the criterion.</summary>
    /// <param name="snapshot">The issuer snapshot.</param>
    /// <returns>The outcome and its reasons; <see cref="CriterionOutcome.Unknown"/> when the data do not say.</returns>
    CriterionResult Evaluate(IssuerSnapshot snapshot);
}
