namespace DatRules.Policies;

/// <summary>What an index provider does to an issuer that a policy matches. Actions combine as flags.</summary>
[Flags]
public enum PolicyAction
{
    /// <summary>Nothing.</summary>
    None = 0,

    /// <summary>Delete the security from the index (a constituent is sold by trackers).</summary>
    Exclude = 1,

    /// <summary>Do not add the security to the index (a non-constituent stays out).</summary>
    BlockAddition = 2,

    /// <summary>Implement no increases to the number of shares or inclusion factors (MSCI NOS, FIF, DIF).</summary>
    FreezeShareIncreases = 4,

    /// <summary>Defer migrations to a larger size segment.</summary>
    DeferSizeSegmentMigration = 8,
}
