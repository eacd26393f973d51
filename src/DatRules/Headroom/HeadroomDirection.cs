namespace DatRules.Headroom;

/// <summary>Which way the issuer must move to cross the line.</summary>
public enum HeadroomDirection
{
    /// <summary>Cannot be told (indeterminate data, no holdings, or a 100% threshold).</summary>
    Undefined = 0,

    /// <summary>An operating company: coin prices must rise (or it must buy) to become a DAT.</summary>
    RiseToCross = 1,

    /// <summary>A DAT: coin prices must fall (or it must sell or add operating assets) to get under the line.</summary>
    FallToExit = 2,
}
