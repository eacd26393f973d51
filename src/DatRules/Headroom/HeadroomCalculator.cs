using System.Globalization;
using DatRules.Classification;
using DatRules.Issuers;

namespace DatRules.Headroom;

/// <summary>
/// Distance to a threshold: the break-even coin price <c>p* = t*A / (u*(1-t))</c> (A = other assets, u = units),
/// or for several assets the common factor <c>f* = t*A / ((1-t)*D)</c>; purchases, sales and operating assets that
/// cross the line. Every break-even is checked exactly with <see cref="RatioThreshold.IsCrossedBy"/>: at the returned
/// price the issuer crosses (per the bound) and one tick (10^-8) before it does not.
/// </summary>
public static class HeadroomCalculator
{
    private const decimal Tick = 0.00000001m;

    /// <summary>Computes the headroom of one snapshot.</summary>
    /// <param name="snapshot">The snapshot.</param>
    /// <param name="threshold">The threshold; MSCI's if omitted.</param>
    /// <returns>The result; undefined parts are <see langword="null"/> with the reason.</returns>
    /// <exception cref="OverflowException">A result (e.g. the break-even price of a tiny holding against huge other assets) is beyond <see cref="decimal"/>'s range.</exception>
    public static HeadroomResult Compute(IssuerSnapshot snapshot, RatioThreshold? threshold = null) =>
        ComputeWith(snapshot, threshold ?? RatioThreshold.Msci, HoldingsTreatment.Default);

    /// <summary>
    /// Computes the headroom under a policy's holdings treatment: the counted kinds of crypto move with the price; every
    /// other asset, excluded kinds included, stays at its book value (docs/holdings.md).
    /// </summary>
    /// <param name="snapshot">The snapshot.</param>
    /// <param name="threshold">The threshold.</param>
    /// <param name="holdings">Which kinds of crypto count (e.g. <see cref="Policies.IndexPolicy.Holdings"/>).</param>
    /// <returns>The result; undefined parts are <see langword="null"/> with the reason.</returns>
    /// <exception cref="ArgumentException"><paramref name="holdings"/> counts customer crypto.</exception>
    /// <exception cref="OverflowException">A result is beyond <see cref="decimal"/>'s range.</exception>
    public static HeadroomResult ComputeWith(IssuerSnapshot snapshot, RatioThreshold threshold, HoldingsTreatment holdings)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(threshold);
        ArgumentNullException.ThrowIfNull(holdings);
        var treatment = holdings;
        var cls = new DatClassifier(threshold) { Holdings = treatment }.Classify(snapshot);
        var coins = snapshot.Holdings;
        string asset = coins.Count == 1 ? coins[0].Asset : "ALL";
        if (cls.Classification == DatClassification.Indeterminate)
        {
            return new HeadroomResult
            {
                Ticker = snapshot.Issuer.Ticker,
                Currency = snapshot.Currency,
                Asset = asset,
                Classification = cls.Classification,
                Threshold = threshold,
                Direction = HeadroomDirection.Undefined,
                Reasons = cls.Reasons,
            };
        }

        var reasons = new List<string>();

        decimal d = snapshot.CountedHoldings(treatment), total = snapshot.TotalAssets!.Value, a = total - d, t = threshold.Fraction;
        bool isDat = cls.Classification == DatClassification.DigitalAssetTreasury;
        var direction = isDat ? HeadroomDirection.FallToExit : HeadroomDirection.RiseToCross;
        decimal? price = coins.Count == 1 ? coins[0].ImpliedPrice : null;

        // Transactions (closed forms; see docs/headroom.md).
        decimal? cashBuy = null, debtBuy = null, sale = null, addOperating = null;
        if (!isDat)
        {
            cashBuy = Math.Max(0m, (t * total) - d);
            debtBuy = t < 1m ? Math.Max(0m, ((t * total) - d) / (1m - t)) : null;
        }
        else
        {
            sale = Math.Max(0m, d - (t * total));
            addOperating = Math.Max(0m, (d / t) - total);
        }

        decimal? factor = null;
        if (t >= 1m)
        {
            reasons.Add("A 100% threshold is crossed only with no other assets: no break-even price.");
        }
        else if (d == 0m)
        {
            reasons.Add("No digital assets: no price crosses the line.");
        }
        else if (a == 0m)
        {
            reasons.Add("No other assets: the ratio is 100% at any price.");
        }
        else
        {
            factor = ExactFactor(d, a, threshold);
            reasons.Add(string.Create(CultureInfo.InvariantCulture, $"f* = t*A/((1-t)*D) = {t}*{a:0.##}/((1-{t})*{d:0.##}) = {factor:0.########}: all coin values x f* put digital assets at {threshold} of total assets."));
        }

        return new HeadroomResult
        {
            Ticker = snapshot.Issuer.Ticker,
                Currency = snapshot.Currency,
            Asset = asset,
            Classification = cls.Classification,
            Threshold = threshold,
            Direction = direction,
            CurrentPrice = price,
            BreakEvenFactor = factor,
            BreakEvenPrice = price is { } p && factor is { } f ? p * f : null,
            PriceMovePct = factor is { } g ? (g - 1m) * 100m : null,
            CashFundedPurchaseToCross = cashBuy,
            DebtFundedPurchaseToCross = debtBuy,
            SaleToExit = sale,
            OperatingAssetsToExit = addOperating,
            Reasons = reasons,
        };
    }

    /// <summary>
    /// The smallest factor f on a 10^-8 grid with D*f crossing the threshold against A + D*f (for an inclusive bound;
    /// the first grid point strictly past it for an exclusive one), starting from the closed form and checked exactly.
    /// </summary>
    internal static decimal ExactFactor(decimal d, decimal a, RatioThreshold threshold)
    {
        decimal t = threshold.Fraction;
        decimal f = Math.Ceiling(t * a / ((1m - t) * d) / Tick) * Tick;
        bool Crosses(decimal x) => threshold.IsCrossedBy(d * x, a + (d * x));
        while (!Crosses(f))
        {
            f += Tick;
        }

        while (f > Tick && Crosses(f - Tick))
        {
            f -= Tick;
        }

        return f;
    }
}
