namespace DatRules.Cli.Commands;

/// <summary>A wrong option value: reported on stderr with exit code 2.</summary>
internal sealed class UsageException(string message) : Exception(message);
