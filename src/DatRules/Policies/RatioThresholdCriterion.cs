using DatRules.Classification;
using DatRules.Issuers;

namespace DatRules.Policies;

/// <summary>A policy criterion on the digital-asset ratio (digital assets / total assets), tested exactly.</summary>
/// <remarks>Delegates to <see cref="DatClassifier"/>, so a policy and the classifier can never disagree.</remarks>
public sealed class RatioThresholdCriterion : IPolicyCriterion
{
    private readonly DatClassifier _classifier;

    /// <summary>Initializes the criterion.</summary>
    /// <param name="threshold">The threshold and its bound.</param>
    /// <exception cref="ArgumentNullException"><paramref name="threshold"/> is null.</exception>
    public RatioThresholdCriterion(RatioThreshold threshold)
    {
        ArgumentNullException.ThrowIfNull(threshold);
        Threshold = threshold;
        _classifier = new DatClassifier(threshold, $"digital assets {threshold} of total assets");
    }

    /// <summary>Gets the threshold.</summary>
    public RatioThreshold Threshold { get; }

    /// <inheritdoc />
    public string Description => _classifier.RuleName;

    /// <inheritdoc />
    public CriterionResult Evaluate(IssuerSnapshot snapshot)
    {
        var result = _classifier.Classify(snapshot);
        var outcome = result.Classification switch
        {
            DatClassification.DigitalAssetTreasury => CriterionOutcome.Met,
            DatClassification.OperatingCompany => CriterionOutcome.NotMet,
            _ => CriterionOutcome.Unknown,
        };
        return new CriterionResult(outcome, result.Reasons);
    }
}
