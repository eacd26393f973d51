using System.Globalization;
using System.Text;
using DatRules.Classification;
using DatRules.Issuers;
using DatRules.Policies;

namespace DatRules.Testing;

/// <summary>
/// Assertions for rule changes: "under policy X (vs Y, or on date D vs E) these issuers flip and no others".
/// Failures list every unexpected and every missing flip, with before/after and the reasons.
/// </summary>
public static class RuleChangeAssert
{
    /// <summary>Asserts that exactly <paramref name="expectedTickers"/> change classification or action from <paramref name="from"/> to <paramref name="to"/>.</summary>
    /// <param name="universe">The snapshots.</param>
    /// <param name="from">The current policy.</param>
    /// <param name="to">The proposed policy.</param>
    /// <param name="expectedTickers">The tickers expected to change (case-insensitive).</param>
    /// <returns>The report, for further checks.</returns>
    /// <exception cref="RuleChangeAssertionException">Other issuers change, or expected ones do not.</exception>
    public static RuleChangeReport FlipsExactly(IEnumerable<IssuerSnapshot> universe, IndexPolicy from, IndexPolicy to, params string[] expectedTickers)
    {
        var report = RuleChange.Compare(universe, from, to);
        Check(report, expectedTickers);
        return report;
    }

    /// <summary>Asserts that exactly <paramref name="expectedTickers"/> change between the provider's policies in force on two dates.</summary>
    /// <param name="universe">The snapshots.</param>
    /// <param name="catalog">The catalog.</param>
    /// <param name="provider">The provider.</param>
    /// <param name="from">The earlier date.</param>
    /// <param name="to">The later date.</param>
    /// <param name="expectedTickers">The tickers expected to change.</param>
    /// <returns>The report.</returns>
    /// <exception cref="RuleChangeAssertionException">Other issuers change, or expected ones do not.</exception>
    public static RuleChangeReport FlipsExactly(IEnumerable<IssuerSnapshot> universe, PolicyCatalog catalog, IndexProvider provider, LocalDate from, LocalDate to, params string[] expectedTickers)
    {
        var report = RuleChange.Compare(universe, catalog, provider, from, to);
        Check(report, expectedTickers);
        return report;
    }

    /// <summary>Asserts that nothing changes between two policies.</summary>
    /// <param name="universe">The snapshots.</param>
    /// <param name="from">The current policy.</param>
    /// <param name="to">The proposed policy.</param>
    /// <exception cref="RuleChangeAssertionException">Some issuer changes.</exception>
    public static void NoFlips(IEnumerable<IssuerSnapshot> universe, IndexPolicy from, IndexPolicy to) => FlipsExactly(universe, from, to);

    /// <summary>Asserts one issuer's classification and action under a policy.</summary>
    /// <param name="policy">The policy.</param>
    /// <param name="snapshot">The snapshot.</param>
    /// <param name="classification">The expected classification.</param>
    /// <param name="action">The expected action (<see langword="null"/>: cannot be told).</param>
    /// <exception cref="RuleChangeAssertionException">The decision differs.</exception>
    public static void Decides(IndexPolicy policy, IssuerSnapshot snapshot, DatClassification classification, PolicyAction? action)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var d = policy.Evaluate(snapshot);
        if (d.Classification != classification || d.Action != action)
        {
            throw new RuleChangeAssertionException(
                $"Under {policy.Id}, {snapshot.Issuer} was expected to be {classification}/{Show(action)} but is {d.Classification}/{Show(d.Action)}.{Environment.NewLine}Reasons:{Environment.NewLine}  {string.Join(Environment.NewLine + "  ", d.Reasons)}");
        }
    }

    private static void Check(RuleChangeReport report, string[] expectedTickers)
    {
        ArgumentNullException.ThrowIfNull(expectedTickers);
        var expected = new HashSet<string>(expectedTickers, StringComparer.OrdinalIgnoreCase);
        var actual = report.Changes.ToDictionary(c => c.Snapshot.Issuer.Ticker, StringComparer.OrdinalIgnoreCase);
        var unexpected = report.Changes.Where(c => !expected.Contains(c.Snapshot.Issuer.Ticker)).ToList();
        var missing = expectedTickers.Where(t => !actual.ContainsKey(t)).ToList();
        if (unexpected.Count == 0 && missing.Count == 0)
        {
            return;
        }

        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"Rule change {report.From.Id} -> {report.To.Id} over {report.Screened} issuers: ");
        sb.AppendLine(CultureInfo.InvariantCulture, $"expected {expected.Count} flip(s) [{string.Join(", ", expectedTickers)}], got {report.Changes.Count} [{string.Join(", ", report.ChangedTickers)}].");
        foreach (var c in unexpected)
        {
            sb.AppendLine(CultureInfo.InvariantCulture, $"  unexpected flip: {c.Snapshot.Issuer} {c.Before.Classification}/{RuleChange.Describe(c.Before)} -> {c.After.Classification}/{RuleChange.Describe(c.After)}");
            sb.AppendLine(CultureInfo.InvariantCulture, $"    because: {string.Join(" | ", c.After.Reasons)}");
        }

        foreach (var t in missing)
        {
            sb.AppendLine(CultureInfo.InvariantCulture, $"  missing flip: {t} (no change in classification or action)");
        }

        throw new RuleChangeAssertionException(sb.ToString().TrimEnd());
    }

    private static string Show(PolicyAction? a) => a?.ToString() ?? "unknown";
}
