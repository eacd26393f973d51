using System.Globalization;
using DatRules.Internal;

namespace DatRules.Outflows;

/// <summary>Market data for one issuer on one date: price, average daily volume and (optionally) daily volatility.</summary>
public sealed record MarketData
{
    /// <summary>Initializes market data.</summary>
    /// <param name="ticker">The issuer.</param>
    /// <param name="asOf">The date of the price.</param>
    /// <param name="price">Share price in USD, &gt; 0.</param>
    /// <param name="averageDailyVolume">Average daily volume in shares, &gt; 0.</param>
    /// <param name="dailyVolatility">Daily return volatility as a fraction (0.05 = 5%), &gt;= 0; <see langword="null"/> when unknown (no impact estimate).</param>
    /// <param name="source">Where the figures come from.</param>
    /// <exception cref="ArgumentOutOfRangeException">Price or volume is not positive, or volatility is negative.</exception>
    public MarketData(string ticker, LocalDate asOf, decimal price, decimal averageDailyVolume, decimal? dailyVolatility, string source)
    {
        Ticker = Guard.NotBlank(ticker);
        AsOf = asOf;
        Price = price > 0m ? price : throw new ArgumentOutOfRangeException(nameof(price), price, string.Create(CultureInfo.InvariantCulture, $"Price must be > 0 to convert USD to shares; was {price}."));
        AverageDailyVolume = averageDailyVolume > 0m ? averageDailyVolume : throw new ArgumentOutOfRangeException(nameof(averageDailyVolume), averageDailyVolume, string.Create(CultureInfo.InvariantCulture, $"Average daily volume must be > 0 shares (days of volume are undefined otherwise); was {averageDailyVolume}."));
        DailyVolatility = dailyVolatility is { } v ? Guard.NotNegative(v, nameof(dailyVolatility)) : null;
        Source = Guard.NotBlank(source);
    }

    /// <summary>Gets the ticker.</summary>
    public string Ticker { get; }

    /// <summary>Gets the date.</summary>
    public LocalDate AsOf { get; }

    /// <summary>Gets the share price in USD.</summary>
    public decimal Price { get; }

    /// <summary>Gets the average daily volume in shares.</summary>
    public decimal AverageDailyVolume { get; }

    /// <summary>Gets the daily volatility (fraction), or <see langword="null"/> when unknown.</summary>
    public decimal? DailyVolatility { get; }

    /// <summary>Gets the source.</summary>
    public string Source { get; }
}
