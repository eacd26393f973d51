using DatRules.Issuers;

namespace DatRules.Data;

/// <summary>The snapshot CSV column of each kind of crypto beyond the held one (<c>digital_assets_usd</c>).</summary>
internal static class HoldingKindCsvColumns
{
    /// <summary>The kinds with their columns, in the order the writers use.</summary>
    internal static readonly (HoldingKind Kind, string Column)[] All =
    [
        (HoldingKind.Restricted, "restricted_crypto_usd"),
        (HoldingKind.Staked, "staked_crypto_usd"),
        (HoldingKind.Receivable, "crypto_receivable_usd"),
        (HoldingKind.Etp, "crypto_etp_usd"),
        (HoldingKind.Stablecoin, "stablecoins_usd"),
        (HoldingKind.Customer, "customer_crypto_usd"),
    ];
}
