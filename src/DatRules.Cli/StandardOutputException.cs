namespace DatRules.Cli;

/// <summary>Standard output could not be written (a closed pipe, a full disk): "cannot write standard output: Broken pipe".</summary>
/// <param name="inner">The failure.</param>
internal sealed class StandardOutputException(IOException inner)
    : IOException($"cannot write standard output: {inner.Message}", inner);
