namespace DatRules.Issuers;

/// <summary>
/// A kind of crypto on a balance sheet. Each kind is a separate amount, part of total assets; which kinds count toward
/// the digital-asset ratio is a policy's choice (<see cref="Classification.HoldingsTreatment"/>), except
/// <see cref="Customer"/>, which never counts. See docs/holdings.md.
/// </summary>
public enum HoldingKind
{
    /// <summary>Crypto held directly and unencumbered (<see cref="IssuerSnapshot.DigitalAssets"/>, CSV <c>digital_assets_usd</c>).</summary>
    Held = 0,

    /// <summary>Crypto the company owns but cannot freely use: restricted, pledged as collateral (CSV <c>restricted_crypto_usd</c>).</summary>
    Restricted = 1,

    /// <summary>Crypto staked, or liquid-staking tokens held for it (CSV <c>staked_crypto_usd</c>).</summary>
    Staked = 2,

    /// <summary>A claim to crypto on a counterparty: coins lent, held by an external manager, collateral receivable (CSV <c>crypto_receivable_usd</c>).</summary>
    Receivable = 3,

    /// <summary>Shares of exchange-traded products holding crypto (CSV <c>crypto_etp_usd</c>).</summary>
    Etp = 4,

    /// <summary>Stablecoins (CSV <c>stablecoins_usd</c>).</summary>
    Stablecoin = 5,

    /// <summary>Customers' crypto the company safeguards, with the matching liability (CSV <c>customer_crypto_usd</c>). Never counts.</summary>
    Customer = 6,
}
