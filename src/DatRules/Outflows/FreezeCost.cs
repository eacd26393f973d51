namespace DatRules.Outflows;

/// <summary>The passive demand an issuer forgoes on new shares while its share-count increases are frozen.</summary>
/// <param name="CoveredTranches">The tranches issued on or after the freeze (only these are affected).</param>
/// <param name="NewShares">New shares issued under the freeze.</param>
/// <param name="ForgoneShares">New shares x passive ownership share: the shares trackers would have bought.</param>
/// <param name="ForgoneUsd">Sum over tranches of forgone shares x issue price.</param>
public sealed record FreezeCost(IReadOnlyList<ShareIssuance> CoveredTranches, decimal NewShares, decimal ForgoneShares, decimal ForgoneUsd);
