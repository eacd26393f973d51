namespace DatRules.Cli;

/// <summary>Standard output could not be written (a closed pipe, a full disk): "cannot write standard output: Broken pipe".</summary>
/// <param name="inner">The failure (for a closed descriptor, .NET's "access denied" around the system's "Bad file descriptor").</param>
internal sealed class StandardOutputException(Exception inner)
    : IOException($"cannot write standard output: {(inner is UnauthorizedAccessException { InnerException: IOException io } ? io.Message : inner.Message)}", inner);
