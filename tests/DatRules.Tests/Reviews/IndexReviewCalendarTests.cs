using DatRules.Policies;
using DatRules.Reviews;

namespace DatRules.Tests.Reviews;

public class IndexReviewCalendarTests
{
    [Fact]
    public void ReviewIn_Feb2026_EffectiveAfterClose27FebAsOf2Mar()
    {
        // 28 Feb 2026 is a Saturday: the last business day is Friday 27 Feb; the next is Monday 2 Mar
        // (matches MSCI's published February 2026 review dates).
        var review = IndexReviewCalendar.Msci.ReviewIn(2026, 2);

        Assert.Equal(new LocalDate(2026, 2, 27), review.EffectiveAfterCloseOf);
        Assert.Equal(new LocalDate(2026, 3, 2), review.AsOf);
        Assert.Equal("February 2026", review.Name);
    }

    public static TheoryData<int, int, LocalDate, LocalDate> EdgeMonths => new()
    {
        // Nov 2025: 30 Nov is a Sunday -> Fri 28 Nov, as of Mon 1 Dec.
        { 2025, 11, new LocalDate(2025, 11, 28), new LocalDate(2025, 12, 1) },
        // May 2026: 31 May is a Sunday -> Fri 29 May, as of Mon 1 Jun.
        { 2026, 5, new LocalDate(2026, 5, 29), new LocalDate(2026, 6, 1) },
        // Aug 2026: 31 Aug is a Monday -> Mon 31 Aug, as of Tue 1 Sep.
        { 2026, 8, new LocalDate(2026, 8, 31), new LocalDate(2026, 9, 1) },
        // Feb 2028 (leap year): 29 Feb is a Tuesday -> as of Wed 1 Mar.
        { 2028, 2, new LocalDate(2028, 2, 29), new LocalDate(2028, 3, 1) },
        // Feb 2024 (leap year): 29 Feb is a Thursday -> as of Fri 1 Mar.
        { 2024, 2, new LocalDate(2024, 2, 29), new LocalDate(2024, 3, 1) },
        // Nov 2026: 30 Nov is a Monday -> as of Tue 1 Dec.
        { 2026, 11, new LocalDate(2026, 11, 30), new LocalDate(2026, 12, 1) },
    };

    [Theory]
    [MemberData(nameof(EdgeMonths))]
    public void ReviewIn_MonthEndsOnWeekendsAndLeapDays(int year, int month, LocalDate close, LocalDate asOf)
    {
        var review = IndexReviewCalendar.Msci.ReviewIn(year, month);

        Assert.Equal(close, review.EffectiveAfterCloseOf);
        Assert.Equal(asOf, review.AsOf);
    }

    [Fact]
    public void ReviewIn_NonReviewMonth_Throws()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>("month", () => IndexReviewCalendar.Msci.ReviewIn(2026, 3));

        Assert.StartsWith("MSCI holds no review in month 3; review months are 2, 5, 8, 11.", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FirstReviewApplying_ProposalAndDecision_BiteAtFeb2026()
    {
        Assert.Equal("February 2026", IndexReviewCalendar.Msci.FirstReviewApplying(BuiltInPolicies.MsciDatProposal).Name);
        Assert.Equal("February 2026", IndexReviewCalendar.Msci.FirstReviewApplying(BuiltInPolicies.MsciDatFreeze).Name);
    }

    [Fact]
    public void FirstReviewOnOrAfter_TheAsOfDayItself_IsThatReview()
    {
        Assert.Equal("February 2026", IndexReviewCalendar.Msci.FirstReviewOnOrAfter(new LocalDate(2026, 3, 2)).Name);
        Assert.Equal("May 2026", IndexReviewCalendar.Msci.FirstReviewOnOrAfter(new LocalDate(2026, 3, 3)).Name);
        Assert.Equal("February 2026", IndexReviewCalendar.Msci.FirstReviewOnOrAfter(new LocalDate(2025, 12, 2)).Name);
    }

    [Fact]
    public void ReviewsBetween_OneYear_IsFourQuarterly()
    {
        var reviews = IndexReviewCalendar.Msci.ReviewsBetween(new LocalDate(2026, 1, 1), new LocalDate(2026, 12, 31));

        Assert.Equal(["February 2026", "May 2026", "August 2026", "November 2026"], reviews.Select(r => r.Name));
    }

    [Fact]
    public void ReviewsBetween_EndBeforeStart_Throws() =>
        Assert.Throws<ArgumentException>("to", () => IndexReviewCalendar.Msci.ReviewsBetween(new LocalDate(2026, 2, 1), new LocalDate(2026, 1, 1)));

    [Fact]
    public void Construction_BadMonth_Throws() =>
        Assert.Throws<ArgumentException>("months", () => new IndexReviewCalendar(IndexProvider.Msci, 0, 13));
}
