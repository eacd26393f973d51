namespace DatRules.Sec.Concepts;

/// <summary>A concept map that cannot be built; <see cref="Exception.Message"/> lists every failure.</summary>
public sealed class SecConceptMapException : Exception
{
    /// <summary>Initializes the exception.</summary>
    /// <param name="failures">Every failure found.</param>
    public SecConceptMapException(IReadOnlyList<string> failures)
        : base("Invalid SEC concept map: " + string.Join("; ", failures ?? []))
    {
        Failures = failures ?? [];
    }

    /// <summary>Gets every failure found.</summary>
    public IReadOnlyList<string> Failures { get; }
}
