using DatRules.Classification;
using NodaTime;

namespace DatRules.Cli.Output;

/// <summary>One line of a screen: what every output format prints for one company.</summary>
internal sealed record ScreenRow(
    string Ticker,
    string? Name,
    LocalDate AsOf,
    DatClassification Classification,
    decimal? Ratio,
    IReadOnlyList<string> Reasons,
    bool IsEstimate,
    string? PolicyId = null,
    string? Action = null,
    string? ShortAction = null)
{
    /// <summary>Gets the filing the figures come from, if known.</summary>
    public DatRules.Issuers.Provenance? Provenance { get; init; }

    public static ScreenRow From(ClassificationResult r) => new(
        r.Snapshot.Issuer.Ticker,
        r.Snapshot.Issuer.Name,
        r.Snapshot.AsOf,
        r.Classification,
        r.DigitalAssetRatio,
        r.Reasons,
        r.Snapshot.EstimatedFields.Any(f => RatioInputs.Contains(f)))
    {
        Provenance = r.Snapshot.Provenance,
    };

    public static ScreenRow From(DatRules.Policies.PolicyDecision d) => new(
        d.Snapshot.Issuer.Ticker,
        d.Snapshot.Issuer.Name,
        d.Snapshot.AsOf,
        d.Classification,
        d.DigitalAssetRatio,
        d.Reasons,
        d.Snapshot.EstimatedFields.Any(f => RatioInputs.Contains(f)),
        d.Policy.Id,
        DatRules.Policies.RuleChange.Describe(d),
        ActionText.Short(d))
    {
        Provenance = d.Snapshot.Provenance,
    };

    /// <summary>The input columns the digital-asset ratio depends on.</summary>
    internal static readonly HashSet<string> RatioInputs = new(StringComparer.OrdinalIgnoreCase) { "digital_assets_usd", "total_assets_usd" };
}
