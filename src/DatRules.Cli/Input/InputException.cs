namespace DatRules.Cli.Input;

/// <summary>Thrown when an input file cannot be used; carries every error found.</summary>
internal sealed class InputException : Exception
{
    public InputException(string source, IReadOnlyList<InputError> errors)
        : base($"{source}: " + string.Join("; ", errors))
    {
        Source = source;
        Errors = errors;
    }

    public new string Source { get; }

    public IReadOnlyList<InputError> Errors { get; }
}
