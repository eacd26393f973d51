namespace DatRules.Cli.Commands;

/// <summary>Where a command writes: injected so tests run the CLI in-process.</summary>
internal sealed record CliContext(TextWriter Out, TextWriter Error, NodaTime.IClock Clock);
