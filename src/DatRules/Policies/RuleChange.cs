using DatRules.Classification;
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

    /// <summary>
    /// Compares two policies over a columnar universe, with the meaning of
    /// <see cref="Compare(IEnumerable{IssuerSnapshot}, IndexPolicy, IndexPolicy)"/> on its snapshots: the engine screens every
    /// row under both policies, and only the rows that change are explained by the domain (one decision each).
    /// </summary>
    /// <param name="universe">The rows.</param>
    /// <param name="from">The current policy.</param>
    /// <param name="to">The new policy.</param>
    /// <returns>The issuers that change, in row order.</returns>
    public static RuleChangeReport Compare(Screening.Universe universe, IndexPolicy from, IndexPolicy to)
    {
        ArgumentNullException.ThrowIfNull(universe);
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        var screens = new Screening.ScreeningEngine().Screen(universe, [from, to]);
        var changes = new List<IssuerChange>();
        foreach (var flip in Screening.ScreeningEngine.Flips(screens[0], screens[1]))
        {
            var snapshot = universe.SnapshotAt(flip.Position);
            changes.Add(new IssuerChange(from.Evaluate(snapshot), to.Evaluate(snapshot)));
        }

        return new RuleChangeReport(from, to, changes, universe.Count);
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
        return ActionText.Describe(decision.Policy, decision.Classification, decision.Action);
    }

    /// <summary>
    /// Whether an issuer's action changes between two policies, the one rule every comparison uses
    /// (<see cref="IssuerChange.ActionChanged"/>, <see cref="Screening.ScreeningEngine.Flips"/>, the columnar diff): the
    /// actions differ, or both depend on index membership (unknown) and what a constituent or a non-constituent would get differs.
    /// </summary>
    /// <param name="before">The first policy.</param>
    /// <param name="beforeClass">The classification under it.</param>
    /// <param name="beforeAction">The action under it (<see langword="null"/>: depends on membership or unknown).</param>
    /// <param name="after">The second policy.</param>
    /// <param name="afterClass">The classification under it.</param>
    /// <param name="afterAction">The action under it.</param>
    /// <returns>Whether the action changes.</returns>
    public static bool ActionChanged(IndexPolicy before, DatClassification beforeClass, PolicyAction? beforeAction, IndexPolicy after, DatClassification afterClass, PolicyAction? afterAction)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        return beforeAction != afterAction
            || (beforeAction is null && afterAction is null
                && (ActionText.IfConstituent(before, beforeClass) != ActionText.IfConstituent(after, afterClass)
                    || ActionText.IfNonConstituent(before, beforeClass) != ActionText.IfNonConstituent(after, afterClass)));
    }
}
