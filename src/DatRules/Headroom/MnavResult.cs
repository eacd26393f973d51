namespace DatRules.Headroom;

/// <summary>Market value against the coins held. Undefined values are <see langword="null"/> with the reason.</summary>
public sealed record MnavResult
{
    /// <summary>Gets the ticker.</summary>
    public required string Ticker { get; init; }

    /// <summary>Gets market capitalisation / digital assets.</summary>
    public decimal? MnavOnMarketCap { get; init; }

    /// <summary>Gets enterprise value / digital assets.</summary>
    public decimal? MnavOnEnterpriseValue { get; init; }

    /// <summary>Gets digital assets per share outstanding.</summary>
    public decimal? DigitalAssetsPerShare { get; init; }

    /// <summary>Gets the premium (+) or discount (-) of market cap to digital assets, in percent: (mNAV - 1) x 100.</summary>
    public decimal? PremiumPct { get; init; }

    /// <summary>Gets the reasons for undefined values.</summary>
    public required IReadOnlyList<string> Reasons { get; init => field = Internal.ReadOnly.Copy(value); }
}
