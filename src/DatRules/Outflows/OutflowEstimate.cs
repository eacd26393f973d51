using DatRules.Internal;

namespace DatRules.Outflows;

/// <summary>Forced selling of one issuer across the index families that act, with the total.</summary>
/// <param name="Ticker">The issuer.</param>
/// <param name="Market">The market data used.</param>
/// <param name="Families">One line per acting family with an exposure.</param>
/// <param name="Total">The sum over families; days of volume and impact recomputed on the total quantity (impact is not additive).</param>
public sealed record OutflowEstimate(string Ticker, MarketData Market, IReadOnlyList<FamilyOutflow> Families, FamilyOutflow Total)
{
    /// <summary>Gets one line per acting family with an exposure.</summary>
    /// <remarks>A read-only copy of what was passed in.</remarks>
    public IReadOnlyList<FamilyOutflow> Families { get; init => field = ReadOnly.Copy(value); } = ReadOnly.Copy(Families);
}

