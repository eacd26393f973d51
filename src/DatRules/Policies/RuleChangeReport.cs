using System.Globalization;
using DatRules.Internal;

namespace DatRules.Policies;

/// <summary>Every issuer whose classification or action changes between two policies.</summary>
/// <remarks>
/// Immutable. Equality is reference equality: a report holds the two <see cref="IndexPolicy"/> objects and the
/// <see cref="IssuerChange"/>s (decisions on snapshot objects) it was computed from, all compared by reference. Compare
/// <see cref="ChangedTickers"/> and <see cref="Screened"/> instead (as the tests do).
/// </remarks>
public sealed class RuleChangeReport
{
    /// <summary>Initializes a report.</summary>
    /// <param name="from">The earlier (or current) policy.</param>
    /// <param name="to">The later (or proposed) policy.</param>
    /// <param name="changes">The issuers that change, in universe order (copied).</param>
    /// <param name="screened">How many snapshots were compared.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public RuleChangeReport(IndexPolicy from, IndexPolicy to, IReadOnlyList<IssuerChange> changes, int screened)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        From = from;
        To = to;
        Changes = ReadOnly.Copy(changes);
        Screened = screened;
    }

    /// <summary>Gets the earlier (or current) policy.</summary>
    public IndexPolicy From { get; }

    /// <summary>Gets the later (or proposed) policy.</summary>
    public IndexPolicy To { get; }

    /// <summary>Gets the issuers whose classification or action changes.</summary>
    /// <remarks>A read-only copy of what was passed in.</remarks>
    public IReadOnlyList<IssuerChange> Changes { get; }

    /// <summary>Gets how many snapshots were compared.</summary>
    public int Screened { get; }

    /// <summary>Gets the tickers that change, in universe order.</summary>
    public IReadOnlyList<string> ChangedTickers => ReadOnly.Copy(Changes.Select(c => c.Snapshot.Issuer.Ticker));

    /// <summary>
    /// Describes the report, e.g. <c>msci-2025-10-dat-proposal -&gt; msci-2026-01-dat-freeze: 3 of 39 issuers change (MSTR, MARA, RIOT)</c>;
    /// at most ten tickers are named (then <c>and N more</c>).
    /// </summary>
    /// <returns>The description.</returns>
    public override string ToString()
    {
        string head = string.Create(CultureInfo.InvariantCulture, $"{From.Id} -> {To.Id}: {Changes.Count} of {Screened} issuer{(Screened == 1 ? "" : "s")} change");
        return Changes.Count == 0 ? head : $"{head} ({ReadOnly.JoinSome(ChangedTickers, 10)})";
    }
}
