namespace DatRules.Policies;

/// <summary>How a ratio is compared with a percentage; the bound is stated in the name.</summary>
public enum RatioComparison
{
    /// <summary>Met when the ratio is the percentage or more (<c>&gt;=</c>, inclusive).</summary>
    AtLeast = 0,

    /// <summary>Met when the ratio is strictly more than the percentage (<c>&gt;</c>, exclusive).</summary>
    Above = 1,

    /// <summary>Met when the ratio is strictly less than the percentage (<c>&lt;</c>, exclusive): the negation of <see cref="AtLeast"/>.</summary>
    Below = 2,

    /// <summary>Met when the ratio is the percentage or less (<c>&lt;=</c>, inclusive): the negation of <see cref="Above"/>.</summary>
    AtMost = 3,
}
