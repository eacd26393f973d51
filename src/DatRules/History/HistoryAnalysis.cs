using DatRules.Classification;
using DatRules.Issuers;
using DatRules.Policies;

namespace DatRules.History;

/// <summary>Screens series of snapshots per issuer over time.</summary>
public static class HistoryAnalysis
{
    /// <summary>Classifies every snapshot with MSCI's classifier (e.g. "when did each issuer first cross 50%?").</summary>
    /// <param name="snapshots">Snapshots of any number of issuers and dates.</param>
    /// <returns>One history per issuer (ticker order of first appearance), points in date order.</returns>
    public static IReadOnlyList<IssuerHistory> Run(IEnumerable<IssuerSnapshot> snapshots) => Run(snapshots, null);

    /// <summary>Each issuer's ratio and classification over time under a classifier (MSCI's when <see langword="null"/>).</summary>
    /// <param name="snapshots">Balance sheets of several dates.</param>
    /// <param name="classifier">The classifier.</param>
    /// <returns>One history per issuer, in order of first appearance.</returns>
    public static IReadOnlyList<IssuerHistory> Run(IEnumerable<IssuerSnapshot> snapshots, DatClassifier? classifier)
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

    /// <summary>
    /// Each issuer's ratio and classification over time from a columnar universe, as
    /// <see cref="Run(IEnumerable{IssuerSnapshot}, DatClassifier?)"/> gives them for its snapshots (one screen of every row).
    /// </summary>
    /// <param name="universe">The rows (balance sheets of several dates).</param>
    /// <param name="classifier">The classifier; MSCI's when <see langword="null"/>.</param>
    /// <returns>One history per issuer, in order of first appearance.</returns>
    public static IReadOnlyList<IssuerHistory> Run(Screening.Universe universe, DatClassifier? classifier)
    {
        ArgumentNullException.ThrowIfNull(universe);
        classifier ??= DatClassifier.Msci;
        var screening = new Screening.ScreeningEngine().Screen(universe, IndexPolicy.ClassificationOnly(classifier.Threshold, classifier.RuleName));
        return Build(universe, row => new HistoryPoint(universe.AsOfAt(row), universe.RatioAt(row), screening.ClassificationAt(row), null));
    }

    /// <summary>
    /// Each issuer's classification over time under the provider's policy in force on each balance-sheet date, from a
    /// columnar universe, as <see cref="RunUnderPoliciesInForce(IEnumerable{IssuerSnapshot}, PolicyCatalog, IndexProvider)"/>
    /// gives them (each policy in force screens the universe once).
    /// </summary>
    /// <param name="universe">The rows.</param>
    /// <param name="catalog">The catalog.</param>
    /// <param name="provider">The provider.</param>
    /// <returns>One history per issuer, in order of first appearance.</returns>
    /// <exception cref="PolicyNotFoundException">No policy of <paramref name="provider"/> is in force on a balance-sheet date.</exception>
    public static IReadOnlyList<IssuerHistory> RunUnderPoliciesInForce(Screening.Universe universe, PolicyCatalog catalog, IndexProvider provider)
    {
        ArgumentNullException.ThrowIfNull(universe);
        ArgumentNullException.ThrowIfNull(catalog);
        var policyOnDate = new Dictionary<LocalDate, IndexPolicy>();
        for (int row = 0; row < universe.Count; row++)
        {
            var date = universe.AsOfAt(row);
            if (!policyOnDate.ContainsKey(date))
            {
                policyOnDate[date] = catalog.InForce(provider, date);
            }
        }

        var policies = policyOnDate.Values.Distinct().ToList();
        var screens = new Screening.ScreeningEngine().Screen(universe, policies);
        var screenOf = policies.Select((p, k) => (p, k)).ToDictionary(x => x.p, x => screens[x.k]);
        return Build(universe, row =>
        {
            var policy = policyOnDate[universe.AsOfAt(row)];
            return new HistoryPoint(universe.AsOfAt(row), universe.RatioAt(row), screenOf[policy].ClassificationAt(row), policy.Id);
        });
    }

    private static IssuerHistory[] Build(Screening.Universe universe, Func<int, HistoryPoint> point) =>
        [.. Enumerable.Range(0, universe.Count)
            .GroupBy(universe.TickerAt, StringComparer.OrdinalIgnoreCase)
            .Select(g =>
            {
                var points = g.OrderBy(universe.AsOfAt).Select(point).ToArray();
                var first = points.FirstOrDefault(p => p.Classification == DatClassification.DigitalAssetTreasury);
                return new IssuerHistory(g.Key, points, first?.AsOf);
            })];

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
