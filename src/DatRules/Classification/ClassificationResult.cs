using System.Globalization;
using DatRules.Internal;
using DatRules.Issuers;

namespace DatRules.Classification;

/// <summary>The classification of one snapshot under one threshold, with the ratio and every reason.</summary>
/// <remarks>
/// Immutable. Equality is reference equality: a result belongs to the <see cref="IssuerSnapshot"/> object it was
/// computed from, and snapshots themselves compare by reference, so a value comparison would be half a value
/// comparison. Compare <see cref="Classification"/>, <see cref="DigitalAssetRatio"/> and <see cref="Reasons"/> instead
/// (as the tests do). The positional record it replaces compared its reasons list by reference, so two results were
/// never equal unless they were the same object in practice either.
/// </remarks>
public sealed class ClassificationResult
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

    /// <summary>
    /// Describes the result, e.g. <c>MSTR @ 2025-09-30: DigitalAssetTreasury, 99.44% (&gt;= 50%)</c>; the ratio is
    /// rounded to two decimals for display (<c>ratio undefined</c> when it is).
    /// </summary>
    /// <returns>The description.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Snapshot}: {Classification}, {(DigitalAssetRatio is { } r ? (r * 100m).ToString("0.00", CultureInfo.InvariantCulture) + "%" : "ratio undefined")} ({Threshold})");
}
