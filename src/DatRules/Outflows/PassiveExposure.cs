using System.Globalization;
using DatRules.Internal;

namespace DatRules.Outflows;

/// <summary>
/// How much of one issuer passive funds tracking one index family hold (USD), with how it was obtained, its
/// source and as-of date. This is what those funds sell if the family deletes the issuer.
/// </summary>
/// <remarks>Immutable; amounts exact in decimal. Create with <see cref="FromHolding"/>, <see cref="FromWeight"/> or <see cref="FromShareOfMarketCap"/>.</remarks>
public sealed class PassiveExposure
{
    private PassiveExposure(string ticker, IndexFamily family, ExposureMethod method, decimal holdingUsd, string inputs, LocalDate asOf, string source, bool isEstimate)
    {
        Ticker = Guard.NotBlank(ticker, nameof(ticker));
        ArgumentNullException.ThrowIfNull(family);
        Family = family;
        Method = method;
        HoldingUsd = holdingUsd;
        Inputs = inputs;
        AsOf = asOf;
        Source = Guard.NotBlank(source, nameof(source));
        IsEstimate = isEstimate;
    }

    /// <summary>Gets the issuer's ticker.</summary>
    public string Ticker { get; }

    /// <summary>Gets the index family.</summary>
    public IndexFamily Family { get; }

    /// <summary>Gets how the holding was obtained.</summary>
    public ExposureMethod Method { get; }

    /// <summary>Gets the passive holding in USD.</summary>
    public decimal HoldingUsd { get; }

    /// <summary>Gets the inputs as text, e.g. <c>w=0.5% x AUM=1,000,000,000</c>.</summary>
    public string Inputs { get; }

    /// <summary>Gets the as-of date of the inputs.</summary>
    public LocalDate AsOf { get; }

    /// <summary>Gets the source of the inputs.</summary>
    public string Source { get; }

    /// <summary>Gets a value indicating whether the figure is an estimate (e.g. an analyst's) rather than a reported holding.</summary>
    public bool IsEstimate { get; }

    /// <summary>Creates an exposure from a holding in USD.</summary>
    /// <param name="ticker">The issuer.</param>
    /// <param name="family">The index family.</param>
    /// <param name="holdingUsd">The passive holding, &gt;= 0.</param>
    /// <param name="asOf">As-of date.</param>
    /// <param name="source">Source.</param>
    /// <param name="isEstimate">Whether it is an estimate.</param>
    /// <returns>The exposure.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="holdingUsd"/> is negative.</exception>
    public static PassiveExposure FromHolding(string ticker, IndexFamily family, decimal holdingUsd, LocalDate asOf, string source, bool isEstimate = true) =>
        new(ticker, family, ExposureMethod.Holding, Guard.NotNegative(holdingUsd), Text($"H={holdingUsd:#,0}"), asOf, source, isEstimate);

    /// <summary>Creates an exposure as index weight x assets of funds tracking the family.</summary>
    /// <param name="ticker">The issuer.</param>
    /// <param name="family">The index family.</param>
    /// <param name="weight">The issuer's weight in the index, a fraction in [0, 1].</param>
    /// <param name="trackingAssetsUsd">Assets of funds tracking the family, &gt;= 0.</param>
    /// <param name="asOf">As-of date.</param>
    /// <param name="source">Source.</param>
    /// <param name="isEstimate">Whether it is an estimate.</param>
    /// <returns>The exposure.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An input is out of range.</exception>
    public static PassiveExposure FromWeight(string ticker, IndexFamily family, decimal weight, decimal trackingAssetsUsd, LocalDate asOf, string source, bool isEstimate = true) =>
        new(ticker, family, ExposureMethod.WeightTimesTrackingAssets, Fraction(weight, nameof(weight)) * Guard.NotNegative(trackingAssetsUsd), Text($"w={weight:0.######} x AUM={trackingAssetsUsd:#,0}"), asOf, source, isEstimate);

    /// <summary>Creates an exposure as the share of the company held by trackers x market capitalisation.</summary>
    /// <param name="ticker">The issuer.</param>
    /// <param name="family">The index family.</param>
    /// <param name="shareOfMarketCap">Fraction of the company held by the family's trackers, in [0, 1].</param>
    /// <param name="marketCapUsd">Market capitalisation, &gt;= 0.</param>
    /// <param name="asOf">As-of date.</param>
    /// <param name="source">Source.</param>
    /// <param name="isEstimate">Whether it is an estimate.</param>
    /// <returns>The exposure.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An input is out of range.</exception>
    public static PassiveExposure FromShareOfMarketCap(string ticker, IndexFamily family, decimal shareOfMarketCap, decimal marketCapUsd, LocalDate asOf, string source, bool isEstimate = true) =>
        new(ticker, family, ExposureMethod.ShareOfMarketCap, Fraction(shareOfMarketCap, nameof(shareOfMarketCap)) * Guard.NotNegative(marketCapUsd), Text($"s={shareOfMarketCap:0.######} x cap={marketCapUsd:#,0}"), asOf, source, isEstimate);

    /// <inheritdoc />
    public override string ToString() => Text($"{Ticker} in {Family}: {HoldingUsd:#,0} USD ({Inputs})");

    private static decimal Fraction(decimal value, string name) => value is >= 0m and <= 1m
        ? value
        : throw new ArgumentOutOfRangeException(name, value, Text($"Value should be in range [0-1]; was {value}."));

    private static string Text(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
