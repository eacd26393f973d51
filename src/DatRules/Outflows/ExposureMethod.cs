namespace DatRules.Outflows;

/// <summary>How a passive holding was obtained.</summary>
public enum ExposureMethod
{
    /// <summary>A reported or estimated holding in USD, taken as given.</summary>
    Holding = 0,

    /// <summary>Index weight x assets of funds tracking the family (<c>H = w x AUM</c>).</summary>
    WeightTimesTrackingAssets = 1,

    /// <summary>Share of the company held by trackers x market capitalisation (<c>H = s x market cap</c>).</summary>
    ShareOfMarketCap = 2,
}
