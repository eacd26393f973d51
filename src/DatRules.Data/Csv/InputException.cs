namespace DatRules.Data;

/// <summary>Thrown when an input file cannot be used; carries every error found, each naming its line and column.</summary>
public sealed class InputException : Exception
{
    /// <summary>Initializes an exception for <paramref name="source"/>.</summary>
    /// <param name="source">The file (or stream) name.</param>
    /// <param name="errors">Every error found.</param>
    public InputException(string source, IReadOnlyList<InputError> errors)
        : base($"{source}: " + string.Join("; ", errors))
    {
        Source = source;
        Errors = errors;
    }

    /// <summary>Gets the name of the input.</summary>
    public new string Source { get; }

    /// <summary>Gets every error found.</summary>
    public IReadOnlyList<InputError> Errors { get; }
}
