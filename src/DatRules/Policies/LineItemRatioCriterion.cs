using System.Globalization;
using System.Numerics;
using DatRules.Classification;
using DatRules.Internal;
using DatRules.Issuers;

namespace DatRules.Policies;

/// <summary>
/// A criterion on the ratio of two sums of line items, e.g. <c>cash and equivalents + marketable securities +
/// digital assets &gt;= 50% of total assets</c>, or <c>revenue (trailing 4 quarters) &lt; 5% of total assets</c>, tested exactly.
/// </summary>
/// <remarks>
/// <para>Immutable and thread-safe. The test compares <c>sum(numerator) * 100</c> with <c>percent * sum(denominator)</c>
/// on exact integers (no rounded ratio, no <see langword="double"/>), so a ratio exactly at the percentage lands on the
/// side <see cref="Comparison"/> says.</para>
/// <para><see cref="CriterionOutcome.Unknown"/>, with every reason, when a term is missing (never read as zero), when the
/// denominator is zero or negative, or when balance items said to be part of total assets add up to more than total assets.
/// One exception, exact rather than assumed: when only numerator <em>balances</em> are missing (balances are never
/// negative) and the items given already cross the percentage, the full sum crosses it too, so the outcome is known
/// (met for <see cref="RatioComparison.AtLeast"/> and <see cref="RatioComparison.Above"/>, not met for the negations),
/// and the reasons say which items were not needed.</para>
/// </remarks>
public sealed class LineItemRatioCriterion : IPolicyCriterion
{
    private readonly LineItemTerm[] _numerator;
    private readonly LineItemTerm[] _denominator;

    /// <summary>Initializes the criterion.</summary>
    /// <param name="numerator">The terms summed above the line (at least one).</param>
    /// <param name="denominator">The terms summed below the line (at least one), usually total assets.</param>
    /// <param name="comparison">How the ratio is compared with <paramref name="percent"/>.</param>
    /// <param name="percent">The percentage, in (0, 100].</param>
    /// <exception cref="ArgumentNullException">A list or a term is null.</exception>
    /// <exception cref="ArgumentException">A list is empty or repeats a term.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="percent"/> is not in (0, 100] or <paramref name="comparison"/> is not defined.</exception>
    public LineItemRatioCriterion(IEnumerable<LineItemTerm> numerator, IEnumerable<LineItemTerm> denominator, RatioComparison comparison, decimal percent)
    {
        ArgumentNullException.ThrowIfNull(numerator);
        ArgumentNullException.ThrowIfNull(denominator);
        _numerator = Check(numerator, nameof(numerator));
        _denominator = Check(denominator, nameof(denominator));
        if (!Enum.IsDefined(comparison))
        {
            throw new ArgumentOutOfRangeException(nameof(comparison), comparison, "Unknown ratio comparison.");
        }

        Comparison = comparison;
        Threshold = new RatioThreshold(percent, comparison is RatioComparison.AtLeast or RatioComparison.Below ? ThresholdBound.Inclusive : ThresholdBound.Exclusive);
        IsPartOfWhole = _denominator is [{ TrailingQuarters: null } d] && d.Item == LineItem.TotalAssets
            && _numerator.All(t => t.TrailingQuarters is null && t.Item != LineItem.TotalAssets);
        string below = _denominator.Length == 1 ? _denominator[0].ToString() : "(" + string.Join(" + ", _denominator.Select(t => t.ToString())) + ")";
        Description = string.Create(CultureInfo.InvariantCulture, $"{string.Join(" + ", _numerator.Select(t => t.ToString()))} {Symbol} {percent:0.####}% of {below}");
    }

    /// <summary>Gets the terms summed above the line.</summary>
    public IReadOnlyList<LineItemTerm> Numerator => _numerator;

    /// <summary>Gets the terms summed below the line.</summary>
    public IReadOnlyList<LineItemTerm> Denominator => _denominator;

    /// <summary>Gets how the ratio is compared with the percentage.</summary>
    public RatioComparison Comparison { get; }

    /// <summary>Gets the percentage.</summary>
    public decimal Percent => Threshold.Percent;

    /// <inheritdoc />
    public string Description { get; }

    /// <summary>
    /// Gets a value indicating whether the numerator is balance items within total assets (the denominator is total assets
    /// alone): a numerator above the denominator is then inconsistent data, and the outcome <see cref="CriterionOutcome.Unknown"/>.
    /// </summary>
    public bool IsPartOfWhole { get; }

    /// <summary>The crossing test (<c>&gt;=</c> or <c>&gt;</c>); <see cref="RatioComparison.Below"/> and <see cref="RatioComparison.AtMost"/> negate it.</summary>
    internal RatioThreshold Threshold { get; }

    /// <summary>Whether the outcome is the negation of <see cref="Threshold"/>'s crossing.</summary>
    internal bool IsNegated => Comparison is RatioComparison.Below or RatioComparison.AtMost;

    private string Symbol => Comparison switch
    {
        RatioComparison.AtLeast => ">=",
        RatioComparison.Above => ">",
        RatioComparison.Below => "<",
        _ => "<=",
    };

    /// <inheritdoc />
    public CriterionResult Evaluate(IssuerSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var problems = new List<string>();
        var used = new List<LineItemValue>();
        var num = Read(snapshot, _numerator, problems, used, out string numText, out bool onlyBalancesMissing);
        int numProblems = problems.Count;
        var den = Read(snapshot, _denominator, problems, used, out string denText, out _);
        var currency = snapshot.Currency;
        if (problems.Count > numProblems)
        {
            return Unknown(problems);
        }

        if (den.Sign <= 0)
        {
            return CriterionResult.Of(CriterionOutcome.Unknown, $"{Description}: unknown, {denText} = {currency.Format(ExactDecimal.ForDisplay(den))} is {(den.IsZero ? "zero" : "negative")}: the ratio is undefined.");
        }

        if (IsPartOfWhole && num > den)
        {
            return CriterionResult.Of(CriterionOutcome.Unknown, $"{Description}: unknown, {numText} = {currency.Format(ExactDecimal.ForDisplay(num))} exceed total assets ({currency.Format(ExactDecimal.ForDisplay(den))}): the figures are inconsistent (different dates or line items?).");
        }

        int cmp = ExactDecimal.CompareRatio(num, den, Threshold.Percent);
        bool crossed = Threshold.Bound == ThresholdBound.Inclusive ? cmp >= 0 : cmp > 0;
        if (numProblems > 0)
        {
            // Missing balances can only add to the numerator (balances are >= 0): if the items given already cross,
            // the whole sum does. Otherwise, or when a flow is missing (it may be negative), the data do not say.
            if (!(onlyBalancesMissing && crossed))
            {
                return Unknown(problems);
            }

            bool metAnyway = !IsNegated;
            var partial = new List<string>
            {
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"{Description}: the items given, {numText} = {currency.Format(ExactDecimal.ForDisplay(num))} / {denText} = {currency.Format(ExactDecimal.ForDisplay(den))} = {ExactDecimal.PercentForDisplay(num, den):0.####}%, already reach {Percent:0.####}%; the missing balances can only add to it: {(metAnyway ? "met" : "not met")}."),
            };
            partial.AddRange(problems.Select(p => $"{Description}: {p} (not needed for this outcome)."));
            return new CriterionResult(metAnyway ? CriterionOutcome.Met : CriterionOutcome.NotMet, partial);
        }

        bool met = crossed != IsNegated;
        var reasons = new List<string>
        {
            string.Create(
                CultureInfo.InvariantCulture,
                $"{Description}: {numText} = {currency.Format(ExactDecimal.ForDisplay(num))} / {denText} = {currency.Format(ExactDecimal.ForDisplay(den))} = {ExactDecimal.PercentForDisplay(num, den):0.####}%: {(met ? "met" : "not met")}."),
        };
        foreach (var v in used.Where(v => v.Provenance is not null).Distinct())
        {
            reasons.Add($"{v} from {v.Provenance}.");
        }

        return new CriterionResult(met ? CriterionOutcome.Met : CriterionOutcome.NotMet, reasons);
    }

    /// <inheritdoc />
    public override string ToString() => Description;

    private CriterionResult Unknown(List<string> problems) =>
        new(CriterionOutcome.Unknown, problems.Select(p => $"{Description}: unknown, {p}.").ToArray());

    private static BigInteger Read(IssuerSnapshot s, LineItemTerm[] terms, List<string> problems, List<LineItemValue> used, out string text, out bool onlyBalancesMissing)
    {
        onlyBalancesMissing = true;
        var values = new List<decimal>(terms.Length);
        var parts = new List<string>(terms.Length);
        foreach (var t in terms)
        {
            if (t.TryRead(s, out decimal v, out string? problem, used))
            {
                values.Add(v);
                parts.Add(string.Create(CultureInfo.InvariantCulture, $"{t} {LineItem.Format(v)}"));
            }
            else
            {
                problems.Add(problem!);
                onlyBalancesMissing &= t.TrailingQuarters is null;
            }
        }

        text = terms.Length == 1 && parts.Count == 1 ? terms[0].ToString() : "(" + string.Join(" + ", parts) + ")";
        return ExactDecimal.SumScaled28(values);
    }

    private static LineItemTerm[] Check(IEnumerable<LineItemTerm> terms, string name)
    {
        var array = terms.ToArray();
        if (array.Length == 0)
        {
            throw new ArgumentException("At least one line item is needed.", name);
        }

        if (Array.IndexOf(array, null) >= 0)
        {
            throw new ArgumentNullException(name, "A term must not be null.");
        }

        if (array.Distinct().Count() != array.Length)
        {
            throw new ArgumentException($"A term is repeated: {string.Join(", ", array.Select(t => t.ToString()))}.", name);
        }

        return array;
    }
}
