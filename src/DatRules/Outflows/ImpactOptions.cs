using System.Globalization;

namespace DatRules.Outflows;

/// <summary>Options of the liquidity and price-impact estimate. Validated by <see cref="Validate"/> (called by the estimator's constructor).</summary>
public sealed class ImpactOptions
{
    /// <summary>Gets or sets <c>Y</c> in the square-root law <c>impact = Y x sigma_daily x sqrt(Q / ADV)</c>.</summary>
    /// <value>The default value is 1: the conservative end of the 0.5-1 range reported by Almgren et al. (2005) and Toth et al. (2011).</value>
    public decimal ImpactCoefficient { get; set; } = 1m;

    /// <summary>Gets or sets the number of trading days over which the selling is spread (Q per day = Q / N).</summary>
    /// <value>The default value is 1: all on the review's effective date, as index funds trade at the close.</value>
    public int ExecutionDays { get; set; } = 1;

    /// <summary>Checks the options.</summary>
    /// <exception cref="ArgumentException">An option is out of range; the message lists every failure.</exception>
    public void Validate()
    {
        var failures = new List<string>();
        if (ImpactCoefficient <= 0m || ImpactCoefficient > 10m)
        {
            failures.Add(string.Create(CultureInfo.InvariantCulture, $"ImpactCoefficient should be in range (0-10]; was {ImpactCoefficient}"));
        }

        if (ExecutionDays < 1 || ExecutionDays > 250)
        {
            failures.Add(string.Create(CultureInfo.InvariantCulture, $"ExecutionDays should be in range [1-250]; was {ExecutionDays}"));
        }

        if (failures.Count > 0)
        {
            throw new ArgumentException(string.Join("; ", failures));
        }
    }
}
