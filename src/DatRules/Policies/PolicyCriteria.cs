using DatRules.Classification;

namespace DatRules.Policies;

/// <summary>Factories for the built-in policy criteria.</summary>
public static class PolicyCriteria
{
    /// <summary>Creates a criterion on the digital-asset ratio.</summary>
    /// <param name="threshold">The threshold and bound.</param>
    /// <returns>The criterion.</returns>
    public static RatioThresholdCriterion Ratio(RatioThreshold threshold) => new(threshold);

    /// <summary>Creates a criterion met when the company describes itself as a digital-asset treasury company.</summary>
    /// <returns>The criterion; <see cref="CriterionOutcome.Unknown"/> when the snapshot does not say.</returns>
    /// <remarks>One of the additional criteria MSCI asked about on 10 Oct 2025.</remarks>
    public static IPolicyCriterion SelfDescribedDat() =>
        new FlagCriterion("company describes itself as a digital-asset treasury company", "self_described_dat", s => s.SelfDescribedDat);

    /// <summary>Creates a criterion met when the company raised capital primarily to accumulate digital assets.</summary>
    /// <returns>The criterion; <see cref="CriterionOutcome.Unknown"/> when the snapshot does not say.</returns>
    /// <remarks>One of the additional criteria MSCI asked about on 10 Oct 2025.</remarks>
    public static IPolicyCriterion CapitalRaisedPrimarilyForDigitalAssets() =>
        new FlagCriterion("company raised capital primarily to accumulate digital assets", "capital_raised_for_digital_assets", s => s.CapitalRaisedPrimarilyForDigitalAssets);

    /// <summary>Creates a criterion met only by the named issuers.</summary>
    /// <param name="tickers">The tickers (case-insensitive).</param>
    /// <returns>The criterion.</returns>
    /// <exception cref="ArgumentException">No ticker is given.</exception>
    public static IPolicyCriterion Issuers(params IEnumerable<string> tickers)
    {
        ArgumentNullException.ThrowIfNull(tickers);
        return new IssuerListCriterion(tickers);
    }
}
