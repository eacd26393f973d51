using DatRules.Internal;
using DatRules.Issuers;

namespace DatRules.Classification;

/// <summary>The classification of one snapshot under one threshold, with the ratio and every reason.</summary>
public sealed record ClassificationResult
{
    internal ClassificationResult(IssuerSnapshot snapshot, DatClassification classification, decimal? ratio, RatioThreshold threshold, IReadOnlyList<string> reasons)
    {
        Snapshot = snapshot;
        Classification = classification;
        DigitalAssetRatio = ratio;
        Threshold = threshold;
        Reasons = ReadOnly.Copy(reasons);
    }

    /// <summary>Gets the snapshot that was classified.</summary>
    public IssuerSnapshot Snapshot { get; }

    /// <summary>Gets the classification.</summary>
    public DatClassification Classification { get; }

    /// <summary>
    /// Gets digital assets / total assets as a fraction of 1 (not rounded for the decision), or
    /// <see langword="null"/> when total assets are missing or zero.
    /// </summary>
    public decimal? DigitalAssetRatio { get; }

    /// <summary>Gets the threshold that was applied.</summary>
    public RatioThreshold Threshold { get; }

    /// <summary>Gets every reason for the classification: which rule, which numbers, or what was wrong with the data.</summary>
    public IReadOnlyList<string> Reasons { get; }
}
