using System.Globalization;

namespace DatRules.Outflows;

/// <summary>
/// Estimates the cost of a <see cref="Policies.PolicyAction.FreezeShareIncreases"/> policy: with NOS/FIF frozen,
/// shares issued after the freeze get no index demand, so trackers do not buy their share of them.
/// </summary>
public static class FreezeCostEstimator
{
    /// <summary>Estimates forgone passive demand over an issuance plan.</summary>
    /// <param name="plan">The issuance plan.</param>
    /// <param name="passiveOwnershipShare">Fraction of the company held by trackers of the frozen indexes, in [0, 1].</param>
    /// <param name="freezeEffective">The date the freeze applies from; earlier tranches are not affected.</param>
    /// <returns>The forgone demand (linear in shares, share and price).</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="passiveOwnershipShare"/> is outside [0, 1].</exception>
    public static FreezeCost Estimate(IEnumerable<ShareIssuance> plan, decimal passiveOwnershipShare, LocalDate freezeEffective)
    {
        ArgumentNullException.ThrowIfNull(plan);
        if (passiveOwnershipShare is < 0m or > 1m)
        {
            throw new ArgumentOutOfRangeException(nameof(passiveOwnershipShare), passiveOwnershipShare, string.Create(CultureInfo.InvariantCulture, $"Value should be in range [0-1]; was {passiveOwnershipShare}."));
        }

        var covered = plan.Where(t => t.Date >= freezeEffective).OrderBy(t => t.Date).ToArray();
        decimal newShares = covered.Sum(t => t.Shares);
        decimal forgoneShares = newShares * passiveOwnershipShare;
        decimal forgoneUsd = covered.Sum(t => t.Shares * passiveOwnershipShare * t.Price);
        return new FreezeCost(covered, newShares, forgoneShares, forgoneUsd);
    }
}
