using Microsoft.Extensions.Options;

namespace DatRules.DependencyInjection;

/// <summary>
/// Thrown on start (<c>ValidateOnStart</c>) or at the first resolution of a DatRules service when the
/// <see cref="DatRulesOptions"/> are invalid: a threshold, an impact or screening option, a policy file that is missing or
/// unreadable, invalid policy JSON, or policies that conflict. <see cref="OptionsValidationException.Failures"/> lists
/// every failure, and the message shows them one per line.
/// </summary>
/// <remarks>
/// An <see cref="OptionsValidationException"/> for <see cref="DatRulesOptions"/>, so a host that reports options failures
/// (its start-up validation aggregates them) reports this one too.
/// </remarks>
public sealed class DatRulesConfigurationException : OptionsValidationException
{
    /// <summary>Initializes the exception.</summary>
    /// <param name="failures">What is wrong, one entry per problem.</param>
    /// <exception cref="ArgumentNullException"><paramref name="failures"/> is null.</exception>
    public DatRulesConfigurationException(IEnumerable<string> failures)
        : this(Microsoft.Extensions.Options.Options.DefaultName, failures)
    {
    }

    /// <summary>Initializes the exception for named options.</summary>
    /// <param name="optionsName">The name of the options instance (<see cref="Microsoft.Extensions.Options.Options.DefaultName"/> for <c>AddDatRules</c>).</param>
    /// <param name="failures">What is wrong, one entry per problem.</param>
    internal DatRulesConfigurationException(string optionsName, IEnumerable<string> failures)
        : base(optionsName, typeof(DatRulesOptions), [.. failures ?? throw new ArgumentNullException(nameof(failures))])
    {
    }

    /// <summary>Gets a message listing every failure, one per line.</summary>
    public override string Message
    {
        get
        {
            int count = Failures.Count();
            return $"Invalid DatRules configuration ({count} {(count == 1 ? "failure" : "failures")}; fix each in services.AddDatRules(...) or wherever DatRulesOptions is configured):"
                + string.Concat(Failures.Select(f => "\n- " + f));
        }
    }
}
