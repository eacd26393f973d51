namespace DatRules.Policies;

/// <summary>Thrown when a JSON policy document is invalid; lists every error with its JSON path.</summary>
public sealed class PolicyJsonException : Exception
{
    /// <summary>Initializes the exception.</summary>
    /// <param name="errors">The errors.</param>
    public PolicyJsonException(IReadOnlyList<PolicyJsonError> errors)
        : base(string.Join("; ", errors ?? throw new ArgumentNullException(nameof(errors))))
    {
        Errors = errors;
    }

    /// <summary>Gets every error.</summary>
    public IReadOnlyList<PolicyJsonError> Errors { get; }
}
