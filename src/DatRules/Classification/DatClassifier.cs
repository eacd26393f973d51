using System.Globalization;
using DatRules.Issuers;

namespace DatRules.Classification;

/// <summary>
/// Classifies an issuer snapshot as an operating company or a digital-asset treasury company by
/// the ratio of digital assets to total assets.
/// </summary>
/// <remarks>
/// <para>Immutable and thread-safe. The default threshold is MSCI's (&gt;= 50%, inclusive), proposed 10 Oct 2025.</para>
/// <para>
/// The result is <see cref="DatClassification.Indeterminate"/>, with every reason listed, when total
/// assets are missing or zero, when digital assets exceed total assets, or when holdings are valued in
/// another currency than the snapshot (the library never converts currencies).
/// </para>
/// </remarks>
public sealed class DatClassifier
{
    /// <summary>Initializes a classifier.</summary>
    /// <param name="threshold">The threshold; <see cref="RatioThreshold.Msci"/> if omitted.</param>
    /// <param name="ruleName">The name of the rule quoted in reasons.</param>
    public DatClassifier(RatioThreshold? threshold = null, string ruleName = "DAT ratio test")
    {
        Threshold = threshold ?? RatioThreshold.Msci;
        RuleName = string.IsNullOrWhiteSpace(ruleName) ? "DAT ratio test" : ruleName;
    }

    /// <summary>
    /// Gets or initializes which kinds of crypto count toward the ratio (<see cref="HoldingsTreatment.Default"/> unless
    /// given).
    /// </summary>
    /// <exception cref="ArgumentNullException">The value is null.</exception>
    /// <exception cref="ArgumentException">The value counts customer crypto.</exception>
    public HoldingsTreatment Holdings
    {
        get;
        init
        {
            ArgumentNullException.ThrowIfNull(value, nameof(Holdings));
            field = value.IsValid ? value : throw new ArgumentException(ReasonText.CustomerCryptoCounted, nameof(Holdings));
        }
    } = HoldingsTreatment.Default;

    /// <summary>Gets a classifier with MSCI's threshold (&gt;= 50%, inclusive).</summary>
    public static DatClassifier Msci { get; } = new(RatioThreshold.Msci, "MSCI DAT test (digital assets >= 50% of total assets)");

    /// <summary>Gets the threshold.</summary>
    public RatioThreshold Threshold { get; }

    /// <summary>Gets the rule name used in reasons.</summary>
    public string RuleName { get; }

    /// <summary>Classifies a snapshot.</summary>
    /// <param name="snapshot">The snapshot.</param>
    /// <returns>The result, never null.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="snapshot"/> is null.</exception>
    public ClassificationResult Classify(IssuerSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var reasons = new List<string>();
        var currency = snapshot.Currency;
        decimal digital = snapshot.CountedHoldings(Holdings);
        decimal? total = snapshot.TotalAssets;

        foreach (var h in snapshot.Holdings)
        {
            if (h.Currency != currency)
            {
                reasons.Add($"{h.Asset} holding is valued in {h.Currency} but the snapshot is in {currency}: unknown currency mix, no conversion is made.");
            }
        }

        if (total is null)
        {
            reasons.Add(ReasonText.MissingTotalAssets);
        }
        else if (total.Value == 0m)
        {
            reasons.Add(ReasonText.ZeroTotalAssets);
        }
        else if (digital > total.Value)
        {
            reasons.Add(ReasonText.Inconsistent(currency.Format(digital), currency.Format(total.Value)));
        }

        // The ratio is reported only where it is meaningful: 0..1, positive total assets, one currency.
        decimal? ratio = snapshot.HoldingsRatio(Holdings);
        if (reasons.Count > 0)
        {
            return new ClassificationResult(snapshot, DatClassification.Indeterminate, ratio, Threshold, reasons);
        }

        bool crossed = Threshold.IsCrossedBy(digital, total!.Value);
        var classification = crossed ? DatClassification.DigitalAssetTreasury : DatClassification.OperatingCompany;
        reasons.Add(ReasonText.RatioTest(RuleName, currency, digital, total.Value, ratio!.Value, crossed, Threshold));
        ReasonText.AddHoldingKinds(reasons, snapshot, Holdings);
        if (snapshot.Holdings.Count > 1 && Holdings.Counts(HoldingKind.Held))
        {
            reasons.Add("Digital assets are the sum of " + string.Join(", ", snapshot.Holdings.Select(h => $"{h.Asset} {currency.Format(h.FairValue)}")) + ".");
        }

        reasons.AddRange(snapshot.ValuationNotes);
        if (snapshot.Provenance is { } provenance)
        {
            reasons.Add(ReasonText.FiguresFrom(provenance));
            if (provenance.Note is { } note)
            {
                reasons.Add(note);
            }
        }

        if (snapshot.IsEstimate)
        {
            reasons.Add(ReasonText.EstimatedInputs(snapshot.EstimatedFields));
        }

        return new ClassificationResult(snapshot, classification, ratio, Threshold, reasons);
    }
}
