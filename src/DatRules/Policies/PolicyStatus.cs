namespace DatRules.Policies;

/// <summary>The standing of a policy.</summary>
public enum PolicyStatus
{
    /// <summary>Published for consultation; not (yet) applied.</summary>
    Proposed = 0,

    /// <summary>Decided and applied by the provider from its effective date.</summary>
    Adopted = 1,

    /// <summary>A what-if (e.g. "Nasdaq follows MSCI"): not a published rule of any provider.</summary>
    Scenario = 2,

    /// <summary>Proposed and then withdrawn.</summary>
    Withdrawn = 3,

    /// <summary>A legal test used as an analogy (e.g. the US Investment Company Act 40% test): not an index rule and not legal advice.</summary>
    LegalAnalogy = 4,
}
