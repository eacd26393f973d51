using System.Collections.Immutable;

namespace DatRules.Sec.Concepts;

/// <summary>
/// A per-issuer rule of the concept map: for one filer (and optionally only balance sheets dated on or before a date),
/// digital assets are the sum of other concepts, e.g. MicroStrategy's bitcoin tagged
/// <c>us-gaap:IndefiniteLivedIntangibleAssetsExcludingGoodwill</c> before ASU 2023-08.
/// </summary>
public sealed class SecIssuerMapping
{
    internal SecIssuerMapping(long cik, ImmutableArray<string> digitalAssetConcepts, LocalDate? periodsEndingOnOrBefore, string citation)
    {
        Cik = cik;
        DigitalAssetConcepts = digitalAssetConcepts;
        PeriodsEndingOnOrBefore = periodsEndingOnOrBefore;
        Citation = citation;
    }

    /// <summary>Gets the filer's CIK.</summary>
    public long Cik { get; }

    /// <summary>Gets the concepts summed as digital assets for this filer.</summary>
    public ImmutableArray<string> DigitalAssetConcepts { get; }

    /// <summary>Gets the last balance-sheet date the mapping applies to; null for every date.</summary>
    public LocalDate? PeriodsEndingOnOrBefore { get; }

    /// <summary>Gets the filing that shows the convention (form, accession number, what it tags).</summary>
    public string Citation { get; }

    /// <summary>Whether the mapping applies to a balance sheet of <paramref name="cik"/> dated <paramref name="end"/>.</summary>
    internal bool AppliesTo(long cik, LocalDate end) => cik == Cik && (PeriodsEndingOnOrBefore is not { } last || end <= last);
}
