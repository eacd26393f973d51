namespace DatRules.Policies;

/// <summary>Every issuer whose classification or action changes between two policies.</summary>
/// <param name="From">The earlier (or current) policy.</param>
/// <param name="To">The later (or proposed) policy.</param>
/// <param name="Changes">The issuers that change, in universe order.</param>
/// <param name="Screened">How many snapshots were compared.</param>
public sealed record RuleChangeReport(IndexPolicy From, IndexPolicy To, IReadOnlyList<IssuerChange> Changes, int Screened)
{
    /// <summary>Gets the tickers that change, in universe order.</summary>
    public IReadOnlyList<string> ChangedTickers => Changes.Select(c => c.Snapshot.Issuer.Ticker).ToArray();
}
