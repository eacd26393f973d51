using DatRules.Classification;

namespace DatRules.History;

/// <summary>One balance sheet of an issuer's history, classified.</summary>
/// <param name="AsOf">The balance-sheet date.</param>
/// <param name="Ratio">Digital assets / total assets, or <see langword="null"/>.</param>
/// <param name="Classification">The classification.</param>
/// <param name="PolicyId">The policy applied (for histories under the policy in force), or <see langword="null"/>.</param>
public sealed record HistoryPoint(LocalDate AsOf, decimal? Ratio, DatClassification Classification, string? PolicyId);
