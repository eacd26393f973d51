namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Thrown by <c>AddDatRules</c> when the configuration is invalid; the message lists every failure.</summary>
public sealed class DatRulesConfigurationException : Exception
{
    /// <summary>Initializes the exception.</summary>
    /// <param name="failures">What is wrong, one entry per problem.</param>
    public DatRulesConfigurationException(IReadOnlyList<string> failures)
        : base("Invalid DatRules configuration: " + string.Join("; ", failures ?? throw new ArgumentNullException(nameof(failures))))
    {
        Failures = failures;
    }

    /// <summary>Gets every failure.</summary>
    public IReadOnlyList<string> Failures { get; }
}
