using DatRules.Internal;
using System.Globalization;
using DatRules.Policies;

namespace DatRules.Reviews;

/// <summary>
/// A quarterly (or other periodic) index review calendar: reviews in given months, effective after the close of the
/// last business day of the month, the new composition applying from the next business day.
/// </summary>
/// <remarks>
/// Business days are Monday to Friday; exchange holidays are not modelled (a review month ending on a holiday would be
/// one day off). MSCI's GIMI calendar: February, May, August, November (see docs/sources.md).
/// </remarks>
public sealed class IndexReviewCalendar
{
    private readonly int[] _months;

    /// <summary>Initializes a calendar.</summary>
    /// <param name="provider">The provider whose reviews these are.</param>
    /// <param name="months">The review months, 1-12.</param>
    /// <exception cref="ArgumentException">No month, or a month outside 1-12.</exception>
    public IndexReviewCalendar(IndexProvider provider, params IEnumerable<int> months)
    {
        ArgumentNullException.ThrowIfNull(provider);
        ArgumentNullException.ThrowIfNull(months);
        _months = months.Distinct().Order().ToArray();
        if (_months.Length == 0 || _months.Any(m => m is < 1 or > 12))
        {
            throw new ArgumentException("Review months must be given and lie in 1-12.", nameof(months));
        }

        Provider = provider;
    }

    /// <summary>Gets MSCI's quarterly GIMI review calendar (February, May, August, November).</summary>
    public static IndexReviewCalendar Msci { get; } = new(IndexProvider.Msci, 2, 5, 8, 11);

    /// <summary>Gets the provider.</summary>
    public IndexProvider Provider { get; }

    /// <summary>Gets the review months.</summary>
    public IReadOnlyList<int> Months => ReadOnly.Wrap(_months);

    /// <summary>Gets the review held in <paramref name="year"/> and <paramref name="month"/>.</summary>
    /// <param name="year">The year.</param>
    /// <param name="month">A review month.</param>
    /// <returns>The review.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="month"/> is not a review month.</exception>
    public IndexReview ReviewIn(int year, int month)
    {
        if (Array.IndexOf(_months, month) < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(month), month, $"{Provider} holds no review in month {month}; review months are {string.Join(", ", _months)}.");
        }

        var lastDay = new LocalDate(year, month, 1).PlusMonths(1).PlusDays(-1);
        var close = PreviousOrSameBusinessDay(lastDay);
        var asOf = NextBusinessDay(close);
        string name = new LocalDate(year, month, 1).ToString("MMMM yyyy", CultureInfo.InvariantCulture);
        return new IndexReview(name, close, asOf);
    }

    /// <summary>Gets the first review whose new composition applies on or after <paramref name="date"/>.</summary>
    /// <param name="date">The date.</param>
    /// <returns>The review.</returns>
    public IndexReview FirstReviewOnOrAfter(LocalDate date)
    {
        for (int year = date.Year - 1; ; year++)
        {
            foreach (int month in _months)
            {
                var review = ReviewIn(year, month);
                if (review.AsOf >= date)
                {
                    return review;
                }
            }
        }
    }

    /// <summary>Gets the review at which a policy first bites: the first review applying on or after its effective date.</summary>
    /// <param name="policy">The policy.</param>
    /// <returns>The review.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="policy"/> is null.</exception>
    public IndexReview FirstReviewApplying(IndexPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return FirstReviewOnOrAfter(policy.EffectiveOn);
    }

    /// <summary>Gets the reviews applying from <paramref name="from"/> to <paramref name="to"/>, inclusive.</summary>
    /// <param name="from">The first date.</param>
    /// <param name="to">The last date.</param>
    /// <returns>The reviews in date order.</returns>
    /// <exception cref="ArgumentException"><paramref name="to"/> is before <paramref name="from"/>.</exception>
    public IReadOnlyList<IndexReview> ReviewsBetween(LocalDate from, LocalDate to)
    {
        if (to < from)
        {
            throw new ArgumentException($"End date {to:yyyy-MM-dd} is before start date {from:yyyy-MM-dd}.", nameof(to));
        }

        var reviews = new List<IndexReview>();
        for (var r = FirstReviewOnOrAfter(from); r.AsOf <= to; r = FirstReviewOnOrAfter(r.AsOf.PlusDays(1)))
        {
            reviews.Add(r);
        }

        return reviews;
    }

    private static bool IsBusinessDay(LocalDate d) => d.DayOfWeek is not (IsoDayOfWeek.Saturday or IsoDayOfWeek.Sunday);

    private static LocalDate PreviousOrSameBusinessDay(LocalDate d)
    {
        while (!IsBusinessDay(d))
        {
            d = d.PlusDays(-1);
        }

        return d;
    }

    private static LocalDate NextBusinessDay(LocalDate d)
    {
        do
        {
            d = d.PlusDays(1);
        }
        while (!IsBusinessDay(d));
        return d;
    }
}
