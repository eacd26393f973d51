namespace DatRules.Testing;

/// <summary>Thrown by <see cref="RuleChangeAssert"/> when a rule change does not do what a test expects. Test-framework agnostic.</summary>
public sealed class RuleChangeAssertionException : Exception
{
    /// <summary>Initializes the exception.</summary>
    /// <param name="message">What was expected and what happened.</param>
    public RuleChangeAssertionException(string message)
        : base(message)
    {
    }
}
