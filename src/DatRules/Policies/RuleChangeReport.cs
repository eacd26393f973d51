using DatRules.Internal;

namespace DatRules.Policies;

/// <summary>Every issuer whose classification or action changes between two policies.</summary>
/// <param name="From">The earlier (or current) policy.</param>
/// <param name="To">The later (or proposed) policy.</param>
/// <param name="Changes">The issuers that change, in universe order.</param>
/// <param name="Screened">How many snapshots were compared.</param>
public sealed record RuleChangeReport(IndexPolicy From, IndexPolicy To, IReadOnlyList<IssuerChange> Changes, int Screened)
{
    /// <summary>Gets the issuers whose classification or action changes.</summary>
    /// <remarks>A read-only copy of what was passed in.</remarks>
    public IReadOnlyList<IssuerChange> Changes { get; init => field = ReadOnly.Copy(value); } = ReadOnly.Copy(Changes);

    /// <summary>Gets the tickers that change, in universe order.</summary>
    public IReadOnlyList<string> ChangedTickers => ReadOnly.Copy(Changes.Select(c => c.Snapshot.Issuer.Ticker));
}
