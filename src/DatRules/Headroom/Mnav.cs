using DatRules.Issuers;

namespace DatRules.Headroom;

/// <summary>
/// mNAV and per-share metrics. Definitions: mNAV (market cap) = market capitalisation / fair value of digital assets;
/// mNAV (EV) = enterprise value / fair value of digital assets; premium = mNAV (market cap) - 1.
/// </summary>
public static class Mnav
{
    /// <summary>Computes the metrics from the snapshot's optional market data.</summary>
    /// <param name="snapshot">The snapshot.</param>
    /// <returns>The metrics; each is <see langword="null"/> when its inputs are missing, with the reason.</returns>
    public static MnavResult Compute(IssuerSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var reasons = new List<string>();
        decimal d = snapshot.DigitalAssets;
        bool holds = d > 0m && !snapshot.HasCurrencyMix;
        if (d == 0m)
        {
            reasons.Add("No digital assets: mNAV is undefined.");
        }
        else if (snapshot.HasCurrencyMix)
        {
            reasons.Add("Holdings in another currency than the snapshot: no conversion is made.");
        }

        if (snapshot.MarketCap is null)
        {
            reasons.Add("No market capitalisation given.");
        }

        if (snapshot.EnterpriseValue is null)
        {
            reasons.Add("No enterprise value given.");
        }

        if (snapshot.SharesOutstanding is null or 0m)
        {
            reasons.Add("No shares outstanding given.");
        }

        decimal? mnav = holds && snapshot.MarketCap is { } cap ? cap / d : null;
        return new MnavResult
        {
            Ticker = snapshot.Issuer.Ticker,
            MnavOnMarketCap = mnav,
            MnavOnEnterpriseValue = holds && snapshot.EnterpriseValue is { } ev ? ev / d : null,
            DigitalAssetsPerShare = snapshot.SharesOutstanding is { } n && n > 0m && !snapshot.HasCurrencyMix ? d / n : null,
            PremiumPct = mnav is { } m ? (m - 1m) * 100m : null,
            Reasons = reasons,
        };
    }
}
