namespace DatRules.Sec.Tests.Edgar;

/// <summary>Tests that measure arrival times run alone, not beside other test classes.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class Timing
{
    public const string Name = "Timing";
}
