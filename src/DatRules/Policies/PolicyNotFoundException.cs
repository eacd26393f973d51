namespace DatRules.Policies;

/// <summary>Thrown when a policy catalog has no policy for a request (unknown id, unknown provider, or no policy on a date).</summary>
public sealed class PolicyNotFoundException : Exception
{
    /// <summary>Initializes the exception.</summary>
    /// <param name="message">What was asked and what the catalog has instead.</param>
    public PolicyNotFoundException(string message)
        : base(message)
    {
    }
}
