using System.Globalization;
using DatRules.Issuers;
using DatRules.Policies;
using NodaTime;

namespace DatRules.Classification;

/// <summary>
/// Every reason text of a classification and a policy decision, written once: <see cref="DatClassifier"/>,
/// <see cref="IndexPolicy.Evaluate"/> and the columnar writers of DatRules.Data all compose their reasons here, so a
/// reason reads the same whichever path produced it.
/// </summary>
/// <remarks>
/// The ratio reason is split in a prefix (<see cref="RatioTestStart"/>), the amounts and the percentage, and a verdict
/// (<see cref="RatioTestVerdict"/>) so a writer that formats the numbers itself (from integer cents) still takes its
/// wording from here.
/// </remarks>
public static class ReasonText
{
    /// <summary>
    /// The reason of a balance sheet left indeterminate for its age: older than the largest age the screen accepts
    /// (the CLI's <c>--max-age</c>), e.g. <c>balance sheet as of 2025-03-31 is 250 days old, more than --max-age 200</c>.
    /// </summary>
    /// <param name="asOf">The balance-sheet date.</param>
    /// <param name="ageDays">Its age in days on the screen's date.</param>
    /// <param name="maxAgeDays">The largest age accepted.</param>
    /// <returns>The text.</returns>
    public static string StaleBalanceSheet(LocalDate asOf, int ageDays, int maxAgeDays) =>
        string.Create(CultureInfo.InvariantCulture, $"balance sheet as of {asOf:yyyy-MM-dd} is {ageDays} days old, more than --max-age {maxAgeDays}");

    /// <summary>Gets the reason of a snapshot without total assets.</summary>
    public static string MissingTotalAssets => "Total assets are missing: the digital-asset ratio cannot be computed.";

    /// <summary>Gets the reason of a snapshot whose total assets are zero.</summary>
    public static string ZeroTotalAssets => "Total assets are zero: the digital-asset ratio is undefined.";

    /// <summary>The reason of a snapshot whose digital assets exceed its total assets.</summary>
    /// <param name="digital">The digital assets, formatted with their currency.</param>
    /// <param name="total">The total assets, formatted with their currency.</param>
    /// <returns>The text.</returns>
    public static string Inconsistent(string digital, string total) =>
        $"Digital assets ({digital}) exceed total assets ({total}): the figures are inconsistent (different dates or line items?).";

    /// <summary>The start of the ratio reason, before the amounts: "MSCI DAT test (...): digital assets ".</summary>
    /// <param name="ruleName">The rule's name.</param>
    /// <returns>The text.</returns>
    public static string RatioTestStart(string ruleName) => ruleName + ": digital assets ";

    /// <summary>The words between the digital and the total assets of the ratio reason.</summary>
    public static string RatioTestOver => " / total assets ";

    /// <summary>The words between the total assets and the percentage of the ratio reason.</summary>
    public static string RatioTestEquals => " = ";

    /// <summary>The end of the ratio reason, after the percentage: "% meets &gt;= 50%." or "% is below &gt;= 50%.".</summary>
    /// <param name="crossed">Whether the threshold is crossed.</param>
    /// <param name="threshold">The threshold.</param>
    /// <returns>The text.</returns>
    public static string RatioTestVerdict(bool crossed, RatioThreshold threshold)
    {
        ArgumentNullException.ThrowIfNull(threshold);
        return (crossed ? "% meets " : "% is below ") + threshold + ".";
    }

    /// <summary>The ratio reason whole.</summary>
    /// <param name="ruleName">The rule's name.</param>
    /// <param name="currency">The currency of the amounts.</param>
    /// <param name="digital">The digital assets.</param>
    /// <param name="total">The total assets.</param>
    /// <param name="ratio">The ratio (fraction of 1).</param>
    /// <param name="crossed">Whether the threshold is crossed.</param>
    /// <param name="threshold">The threshold.</param>
    /// <returns>The text.</returns>
    public static string RatioTest(string ruleName, Currency currency, decimal digital, decimal total, decimal ratio, bool crossed, RatioThreshold threshold) =>
        string.Create(CultureInfo.InvariantCulture, $"{RatioTestStart(ruleName)}{currency.Format(digital)}{RatioTestOver}{currency.Format(total)}{RatioTestEquals}{ratio * 100m:0.####}{RatioTestVerdict(crossed, threshold)}");

    /// <summary>Gets the refusal of a treatment that counts customer crypto.</summary>
    public static string CustomerCryptoCounted =>
        "customer crypto can never count: it is held for customers (a matching liability), not the company's holding; treat 'customer' as exclude";

    /// <summary>The reason naming a kind of crypto and whether the policy counted it, e.g. <c>crypto receivable 150 USD excluded</c>.</summary>
    /// <param name="kind">The kind.</param>
    /// <param name="amount">The amount, formatted with its currency.</param>
    /// <param name="counted">Whether the policy counted it.</param>
    /// <returns>The text.</returns>
    public static string HoldingKindTreated(HoldingKind kind, string amount, bool counted) =>
        $"{HoldingsTreatment.NameOf(kind)} {amount} {(counted ? "counted" : "excluded")}{(kind == Issuers.HoldingKind.Customer ? " (customers' crypto never counts)" : string.Empty)}.";

    /// <summary>
    /// Adds one reason per kind of crypto with a non-zero amount, saying whether the treatment counted or excluded it; nothing
    /// when the snapshot splits out no kind beyond its held crypto (and the held crypto counts).
    /// </summary>
    /// <param name="reasons">The list to add to.</param>
    /// <param name="snapshot">The snapshot.</param>
    /// <param name="treatment">The treatment.</param>
    internal static void AddHoldingKinds(List<string> reasons, IssuerSnapshot snapshot, HoldingsTreatment treatment)
    {
        if (snapshot.HoldingKinds.IsEmpty && treatment.Counts(Issuers.HoldingKind.Held))
        {
            return;
        }

        foreach (var kind in HoldingsTreatment.Kinds)
        {
            decimal amount = snapshot.AmountOf(kind);
            if (amount != 0m)
            {
                reasons.Add(HoldingKindTreated(kind, snapshot.Currency.Format(amount), treatment.Counts(kind)));
            }
        }
    }

    /// <summary>The reason naming the filing the figures come from.</summary>
    /// <param name="provenance">The filing.</param>
    /// <returns>The text.</returns>
    public static string FiguresFrom(Provenance provenance)
    {
        ArgumentNullException.ThrowIfNull(provenance);
        return $"Figures from {provenance}.";
    }

    /// <summary>The reason listing the inputs that are estimates.</summary>
    /// <param name="fields">The estimated fields.</param>
    /// <returns>The text.</returns>
    public static string EstimatedInputs(IEnumerable<string> fields) => "Estimated inputs: " + string.Join(", ", fields) + ".";

    /// <summary>The reason of a policy without a digital-asset criterion.</summary>
    /// <param name="policy">The policy.</param>
    /// <returns>The text.</returns>
    public static string NoCriterion(IndexPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return $"{policy.Id}: {policy.Provider} has no digital-asset criterion under this policy.";
    }

    /// <summary>The reason of an indeterminate classification under a policy.</summary>
    /// <param name="policy">The policy.</param>
    /// <returns>The text.</returns>
    public static string ActionUnknown(IndexPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return $"{policy.Id}: action unknown because the classification is indeterminate.";
    }

    /// <summary>The reason naming the action a matched issuer gets, by its index membership.</summary>
    /// <param name="policy">The policy.</param>
    /// <param name="isConstituent">Whether the issuer is an index constituent (<see langword="null"/>: not known).</param>
    /// <returns>The text.</returns>
    public static string Action(IndexPolicy policy, bool? isConstituent)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return isConstituent switch
        {
            true => $"{policy.Id}: index constituent -> {policy.ConstituentAction}.",
            false => $"{policy.Id}: not an index constituent -> {policy.NonConstituentAction}.",
            _ => policy.ConstituentAction == policy.NonConstituentAction
                ? $"{policy.Id}: {policy.ConstituentAction} (constituents and non-constituents alike)."
                : $"{policy.Id}: constituent status unknown -> {policy.ConstituentAction} if a constituent, {policy.NonConstituentAction} if not.",
        };
    }
}
