namespace DatRules.Policies;

/// <summary>Whether an issuer meets one criterion of a policy.</summary>
public enum CriterionOutcome
{
    /// <summary>The data do not say (missing or inconsistent input).</summary>
    Unknown = 0,

    /// <summary>The criterion is met.</summary>
    Met = 1,

    /// <summary>The criterion is not met.</summary>
    NotMet = 2,
}
