using DatRules.Issuers;

namespace DatRules.Policies;

/// <summary>
/// Compares two policies (or one provider on two dates) over a universe: what a methodology team runs before
/// shipping a rule change, and what a test suite asserts on.
/// </summary>
public static class RuleChange
{
    /// <summary>Lists every issuer whose classification or action differs between <paramref name="from"/> and <paramref name="to"/>.</summary>
    /// <param name="universe">The snapshots.</param>
    /// <param name="from">The earlier policy.</param>
    /// <param name="to">The later policy.</param>
    /// <returns>The report.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static RuleChangeReport Compare(IEnumerable<IssuerSnapshot> universe, IndexPolicy from, IndexPolicy to)
    {
        ArgumentNullException.ThrowIfNull(universe);
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        var changes = new List<IssuerChange>();
        int n = 0;
        foreach (var snapshot in universe)
        {
            n++;
            var change = new IssuerChange(from.Evaluate(snapshot), to.Evaluate(snapshot));
            if (change.ClassificationChanged || change.ActionChanged)
            {
                changes.Add(change);
            }
        }

        return new RuleChangeReport(from, to, changes, n);
    }

    /// <summary>Compares the policies of <paramref name="provider"/> in force on two dates.</summary>
    /// <param name="universe">The snapshots.</param>
    /// <param name="catalog">The catalog to resolve policies in.</param>
    /// <param name="provider">The provider.</param>
    /// <param name="from">The earlier date.</param>
    /// <param name="to">The later date.</param>
    /// <returns>The report.</returns>
    /// <exception cref="PolicyNotFoundException">No policy is in force on a date.</exception>
    public static RuleChangeReport Compare(IEnumerable<IssuerSnapshot> universe, PolicyCatalog catalog, IndexProvider provider, LocalDate from, LocalDate to)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return Compare(universe, catalog.InForce(provider, from), catalog.InForce(provider, to));
    }

    /// <summary>Describes a decision's action: the action when known, otherwise both alternatives.</summary>
    /// <param name="decision">The decision.</param>
    /// <returns>E.g. <c>Exclude</c> or <c>Exclude if constituent, else BlockAddition</c>.</returns>
    public static string Describe(PolicyDecision decision)
    {
        ArgumentNullException.ThrowIfNull(decision);
        return decision.Action is { } a ? a.ToString()
            : decision.Classification == Classification.DatClassification.Indeterminate ? "unknown"
            : $"{decision.ActionIfConstituent} if constituent, else {decision.ActionIfNonConstituent}";
    }
}
