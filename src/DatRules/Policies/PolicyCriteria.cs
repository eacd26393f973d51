using DatRules.Classification;
using DatRules.Issuers;

namespace DatRules.Policies;

/// <summary>Factories for the built-in policy criteria.</summary>
public static class PolicyCriteria
{
    /// <summary>Creates a criterion on the digital-asset ratio.</summary>
    /// <param name="threshold">The threshold and bound.</param>
    /// <returns>The criterion.</returns>
    public static RatioThresholdCriterion Ratio(RatioThreshold threshold) => new(threshold);

    /// <summary>Creates a criterion met when the company describes itself as a digital-asset treasury company.</summary>
    /// <returns>The criterion; <see cref="CriterionOutcome.Unknown"/> when the snapshot does not say.</returns>
    /// <remarks>One of the additional criteria MSCI asked about on 10 Oct 2025.</remarks>
    public static IPolicyCriterion SelfDescribedDat() =>
        new FlagCriterion("company describes itself as a digital-asset treasury company", "self_described_dat", s => s.SelfDescribedDat);

    /// <summary>Creates a criterion met when the company raised capital primarily to accumulate digital assets.</summary>
    /// <returns>The criterion; <see cref="CriterionOutcome.Unknown"/> when the snapshot does not say.</returns>
    /// <remarks>One of the additional criteria MSCI asked about on 10 Oct 2025.</remarks>
    public static IPolicyCriterion CapitalRaisedPrimarilyForDigitalAssets() =>
        new FlagCriterion("company raised capital primarily to accumulate digital assets", "capital_raised_for_digital_assets", s => s.CapitalRaisedPrimarilyForDigitalAssets);

    /// <summary>Creates a criterion met only by the named issuers.</summary>
    /// <param name="tickers">The tickers (case-insensitive).</param>
    /// <returns>The criterion.</returns>
    /// <exception cref="ArgumentException">No ticker is given.</exception>
    public static IPolicyCriterion Issuers(params IEnumerable<string> tickers)
    {
        ArgumentNullException.ThrowIfNull(tickers);
        return new IssuerListCriterion(tickers);
    }

    /// <summary>Creates a criterion on the ratio of two sums of line items, tested exactly.</summary>
    /// <param name="numerator">The terms summed above the line.</param>
    /// <param name="comparison">How the ratio is compared with <paramref name="percent"/>.</param>
    /// <param name="percent">The percentage, in (0, 100].</param>
    /// <param name="denominator">The terms summed below the line.</param>
    /// <returns>The criterion.</returns>
    /// <exception cref="ArgumentException">A list is empty or repeats a term.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="percent"/> is not in (0, 100].</exception>
    /// <example><c>PolicyCriteria.Ratio([LineItemTerm.Balance(LineItem.CashAndEquivalents), LineItemTerm.Balance(LineItem.DigitalAssets)], RatioComparison.AtLeast, 50m, [LineItemTerm.Balance(LineItem.TotalAssets)])</c></example>
    public static LineItemRatioCriterion Ratio(IEnumerable<LineItemTerm> numerator, RatioComparison comparison, decimal percent, IEnumerable<LineItemTerm> denominator) =>
        new(numerator, denominator, comparison, percent);

    /// <summary>Creates a criterion on balance items as a share of total assets, e.g. cash + digital assets &gt;= 50% of total assets.</summary>
    /// <param name="comparison">How the ratio is compared with <paramref name="percent"/>.</param>
    /// <param name="percent">The percentage, in (0, 100].</param>
    /// <param name="items">The balance items summed above the line.</param>
    /// <returns>The criterion.</returns>
    /// <exception cref="ArgumentException">No item is given, an item is repeated, or an item is a flow.</exception>
    public static LineItemRatioCriterion ShareOfTotalAssets(RatioComparison comparison, decimal percent, params IEnumerable<LineItem> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        return new(items.Select(LineItemTerm.Balance), [LineItemTerm.Balance(LineItem.TotalAssets)], comparison, percent);
    }

    /// <summary>Creates a criterion met when every one of <paramref name="criteria"/> is met (unknown when none fails but one is unknown).</summary>
    /// <param name="criteria">The criteria (at least one).</param>
    /// <returns>The criterion.</returns>
    /// <exception cref="ArgumentException">No criterion is given.</exception>
    public static IPolicyCriterion AllOf(params IEnumerable<IPolicyCriterion> criteria) => new AllOfCriterion(Children(criteria));

    /// <summary>Creates a criterion met when any one of <paramref name="criteria"/> is met (unknown when none is met but one is unknown).</summary>
    /// <param name="criteria">The criteria (at least one).</param>
    /// <returns>The criterion.</returns>
    /// <exception cref="ArgumentException">No criterion is given.</exception>
    public static IPolicyCriterion AnyOf(params IEnumerable<IPolicyCriterion> criteria) => new AnyOfCriterion(Children(criteria));

    /// <summary>Creates a criterion met when <paramref name="criterion"/> is not met (unknown stays unknown).</summary>
    /// <param name="criterion">The criterion.</param>
    /// <returns>The criterion.</returns>
    public static IPolicyCriterion Not(IPolicyCriterion criterion)
    {
        ArgumentNullException.ThrowIfNull(criterion);
        return new NotCriterion(criterion);
    }

    /// <summary>Whether a criterion reads line items other than digital and total assets (so inputs must carry them).</summary>
    internal static bool ReadsLineItems(IPolicyCriterion c) => c switch
    {
        LineItemRatioCriterion r => r.Numerator.Concat(r.Denominator).Any(t => !t.Item.IsIntrinsic),
        AllOfCriterion a => a.Children.Any(ReadsLineItems),
        AnyOfCriterion a => a.Children.Any(ReadsLineItems),
        NotCriterion n => ReadsLineItems(n.Child),
        _ => false,
    };

    private static IPolicyCriterion[] Children(IEnumerable<IPolicyCriterion> criteria)
    {
        ArgumentNullException.ThrowIfNull(criteria);
        var array = criteria.ToArray();
        if (array.Length == 0)
        {
            throw new ArgumentException("At least one criterion is needed.", nameof(criteria));
        }

        return Array.IndexOf(array, null) >= 0 ? throw new ArgumentNullException(nameof(criteria), "A criterion must not be null.") : array;
    }
}
