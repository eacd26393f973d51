using DatRules.Internal;
namespace DatRules.Json;

/// <summary>Thrown when a JSON input document is invalid; lists every error with its JSON path.</summary>
public sealed class JsonInputException : Exception
{
    /// <summary>Initializes the exception.</summary>
    /// <param name="errors">The errors.</param>
    public JsonInputException(IReadOnlyList<JsonInputError> errors)
        : base(string.Join("; ", errors ?? throw new ArgumentNullException(nameof(errors))))
    {
        Errors = ReadOnly.Copy(errors);
    }

    /// <summary>Gets every error.</summary>
    public IReadOnlyList<JsonInputError> Errors { get; }
}
