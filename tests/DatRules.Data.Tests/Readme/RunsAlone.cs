namespace DatRules.Data.Tests.Readme;

/// <summary>Tests that change the process's current folder or console: run alone, after the parallel ones.</summary>
[CollectionDefinition(nameof(RunsAlone), DisableParallelization = true)]
public sealed class RunsAlone;
