namespace DatRules.Classification;

/// <summary>Whether a threshold's own value counts as crossing it.</summary>
public enum ThresholdBound
{
    /// <summary>A ratio exactly at the threshold crosses it (<c>ratio &gt;= threshold</c>). MSCI's 50% test is inclusive.</summary>
    Inclusive = 0,

    /// <summary>A ratio must exceed the threshold (<c>ratio &gt; threshold</c>).</summary>
    Exclusive = 1,
}
