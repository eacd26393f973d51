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

    /// <summary>Initializes the criterion with the kinds of crypto it counts.</summary>
    /// <param name="threshold">The threshold and its bound.</param>
    /// <param name="holdings">Which kinds of crypto count toward the ratio.</param>
    /// <exception cref="ArgumentNullException"><paramref name="threshold"/> or <paramref name="holdings"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="holdings"/> counts customer crypto.</exception>
    public RatioThresholdCriterion(RatioThreshold threshold, HoldingsTreatment holdings)
    {
        ArgumentNullException.ThrowIfNull(threshold);
        Threshold = threshold;
        _classifier = new DatClassifier(threshold, $"digital assets {threshold} of total assets") { Holdings = holdings };
    }

    /// <summary>Gets which kinds of crypto count toward the ratio.</summary>
    public HoldingsTreatment Holdings => _classifier.Holdings;

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
