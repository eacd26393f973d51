using DatRules.Classification;
using DatRules.Policies;

namespace DatRules.Screening;

/// <summary>One position whose classification or action differs between two screenings.</summary>
/// <param name="Position">The position (row or issuer).</param>
/// <param name="Ticker">The ticker.</param>
/// <param name="Before">The classification in the first screening.</param>
/// <param name="After">The classification in the second.</param>
/// <param name="ActionBefore">The action in the first (null: cannot be told).</param>
/// <param name="ActionAfter">The action in the second.</param>
public sealed record ScreeningFlip(int Position, string Ticker, DatClassification Before, DatClassification After, PolicyAction? ActionBefore, PolicyAction? ActionAfter);
