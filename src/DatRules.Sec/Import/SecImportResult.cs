using System.Collections.Immutable;
using DatRules.Issuers;

namespace DatRules.Sec.Import;

/// <summary>What an import produced: one snapshot per filing and balance-sheet date, and what could not be used.</summary>
public sealed class SecImportResult
{
    internal SecImportResult(ImmutableArray<IssuerSnapshot> snapshots, ImmutableArray<SecImportIssue> indeterminate, long factsRead, ImmutableArray<SecImportIssue> withoutTotalAssets)
    {
        Snapshots = snapshots;
        Indeterminate = indeterminate;
        FactsRead = factsRead;
        WithoutTotalAssets = withoutTotalAssets;
    }

    /// <summary>
    /// Gets the snapshots, ordered by CIK, balance-sheet date and filed date. A filer has one per filing and
    /// balance-sheet date (a 10-Q's comparative column is a snapshot of the earlier date as known from that filing):
    /// use <see cref="PointInTime.KnownOn"/> to pick what was known on a date.
    /// </summary>
    public ImmutableArray<IssuerSnapshot> Snapshots { get; }

    /// <summary>
    /// Gets the balance sheets that gave no snapshot, with the reason: conflicting or negative values, no digital-asset
    /// fact under <see cref="Concepts.MissingDigitalAssetFact.Indeterminate"/>, a date after the filing's filed date
    /// (look-ahead), a unit that is not an ISO 4217 currency code, amounts in two currencies; and the frames facts left
    /// out because their date is outside their frame's quarter.
    /// </summary>
    public ImmutableArray<SecImportIssue> Indeterminate { get; }

    /// <summary>Gets the number of mapped facts read (after filtering to instant, undimensioned facts of mapped concepts).</summary>
    public long FactsRead { get; }

    /// <summary>
    /// Gets the (filing, date) pairs with mapped digital-asset facts but no total assets, which give no snapshot (the two
    /// amounts of a ratio must come from one filing and one date); the reason states the digital assets found.
    /// </summary>
    public ImmutableArray<SecImportIssue> WithoutTotalAssets { get; }
}
