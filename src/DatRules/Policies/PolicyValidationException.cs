using DatRules.Internal;
namespace DatRules.Policies;

/// <summary>Thrown when a policy definition is invalid; the message lists every failure.</summary>
public sealed class PolicyValidationException : Exception
{
    /// <summary>Initializes the exception with the list of failures.</summary>
    /// <param name="failures">What is wrong, one entry per problem.</param>
    public PolicyValidationException(IReadOnlyList<string> failures)
        : base(string.Join("; ", failures ?? throw new ArgumentNullException(nameof(failures))))
    {
        Failures = ReadOnly.Copy(failures);
    }

    /// <summary>Gets every failure.</summary>
    public IReadOnlyList<string> Failures { get; }
}
