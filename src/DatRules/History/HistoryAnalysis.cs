using DatRules.Classification;
using DatRules.Issuers;
using DatRules.Policies;

namespace DatRules.History;

/// <summary>Screens series of snapshots per issuer over time.</summary>
public static class HistoryAnalysis
{
    /// <summary>Classifies every snapshot with one classifier (e.g. "when did each issuer first cross 50%?").</summary>
    /// <param name="snapshots">Snapshots of any number of issuers and dates.</param>
    /// <param name="classifier">The classifier; MSCI's if omitted.</param>
    /// <returns>One history per issuer (ticker order of first appearance), points in date order.</returns>
    public static IReadOnlyList<IssuerHistory> Run(IEnumerable<IssuerSnapshot> snapshots, DatClassifier? classifier = null)
    {
        classifier ??= DatClassifier.Msci;
        return Build(snapshots, s => new HistoryPoint(s.AsOf, s.DigitalAssetRatio, classifier.Classify(s).Classification, null));
    }

    /// <summary>Classifies every snapshot under the provider's policy in force on its balance-sheet date.</summary>
    /// <param name="snapshots">Snapshots of any number of issuers and dates.</param>
    /// <param name="catalog">The catalog.</param>
    /// <param name="provider">The provider.</param>
    /// <returns>One history per issuer; points record the policy applied.</returns>
    /// <exception cref="PolicyNotFoundException">No policy is in force on a date.</exception>
    public static IReadOnlyList<IssuerHistory> RunUnderPoliciesInForce(IEnumerable<IssuerSnapshot> snapshots, PolicyCatalog catalog, IndexProvider provider)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return Build(snapshots, s =>
        {
            var policy = catalog.InForce(provider, s.AsOf);
            return new HistoryPoint(s.AsOf, s.DigitalAssetRatio, policy.Evaluate(s).Classification, policy.Id);
        });
    }

    private static IssuerHistory[] Build(IEnumerable<IssuerSnapshot> snapshots, Func<IssuerSnapshot, HistoryPoint> point)
    {
        ArgumentNullException.ThrowIfNull(snapshots);
        return snapshots
            .GroupBy(s => s.Issuer.Ticker, StringComparer.OrdinalIgnoreCase)
            .Select(g =>
            {
                var points = g.OrderBy(s => s.AsOf).Select(point).ToArray();
                var first = points.FirstOrDefault(p => p.Classification == DatClassification.DigitalAssetTreasury);
                return new IssuerHistory(g.Key, points, first?.AsOf);
            })
            .ToArray();
    }
}
