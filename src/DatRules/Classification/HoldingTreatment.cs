namespace DatRules.Classification;

/// <summary>Whether a kind of crypto counts toward a policy's digital-asset ratio.</summary>
public enum HoldingTreatment
{
    /// <summary>The kind is left out of the numerator (it stays in total assets).</summary>
    Exclude = 0,

    /// <summary>The kind counts as digital-asset holdings.</summary>
    Count = 1,
}
