using System.Collections.Immutable;
using DatRules.Issuers;

namespace DatRules.Sec.Concepts;

/// <summary>
/// Which XBRL concepts make a snapshot's total assets and digital assets. Immutable; build one with
/// <see cref="CreateBuilder"/> or start from <see cref="Default"/>.
/// </summary>
/// <remarks>
/// <para>The default map (docs/sec-data.md):</para>
/// <list type="bullet">
/// <item>total assets: <c>us-gaap:Assets</c>;</item>
/// <item>digital assets, first alternative present in the filing: <c>us-gaap:CryptoAssetFairValue</c>; else
/// <c>us-gaap:CryptoAssetFairValueCurrent</c> + <c>us-gaap:CryptoAssetFairValueNoncurrent</c> (ASU 2023-08; either
/// alone counts);</item>
/// <item>per issuer: MicroStrategy (CIK 1050446) tagged its bitcoin <c>us-gaap:IndefiniteLivedIntangibleAssetsExcludingGoodwill</c>
/// before adopting ASU 2023-08 on 1 Jan 2025 (10-Q 0001564590-20-047995, "Digital assets" 380,758 thousand USD at 30 Sep 2020).</item>
/// </list>
/// <para>Line items (<see cref="LineItems"/>): cash and equivalents = <c>us-gaap:CashAndCashEquivalentsAtCarryingValue</c>;
/// marketable securities = <c>us-gaap:MarketableSecurities</c>, else <c>MarketableSecuritiesCurrent</c> +
/// <c>MarketableSecuritiesNoncurrent</c>; long-term investments = <c>us-gaap:LongTermInvestments</c>; total liabilities =
/// <c>us-gaap:Liabilities</c>; revenue (quarter) = <c>us-gaap:Revenues</c>, else
/// <c>us-gaap:RevenueFromContractWithCustomerExcludingAssessedTax</c>; operating income (quarter) = <c>us-gaap:OperatingIncomeLoss</c>.</para>
/// <para>Never counted: crypto the company safeguards for platform users (<c>us-gaap:SafeguardingAssetPlatformUserCryptoAsset</c>
/// and similar): customers' coins, not the company's. The builder rejects such concepts as digital assets.</para>
/// <para>Only instant facts, undimensioned and without a co-registrant, are read; both amounts of a snapshot come from one
/// filing (accession number) and one balance-sheet date.</para>
/// </remarks>
public sealed class SecConceptMap
{
    internal SecConceptMap(
        string totalAssets,
        ImmutableArray<ImmutableArray<string>> digitalAssets,
        ImmutableArray<SecIssuerMapping> issuers,
        MissingDigitalAssetFact whenMissing,
        ImmutableArray<SecLineItemMapping> lineItems,
        ImmutableArray<SecHoldingKindMapping> holdingKinds)
    {
        HoldingKinds = holdingKinds;
        TotalAssetsConcept = totalAssets;
        DigitalAssetAlternatives = digitalAssets;
        Issuers = issuers;
        WhenNoDigitalAssetFact = whenMissing;
        LineItems = lineItems;
        FlowConcepts = [.. lineItems.Where(l => l.Item.Kind == LineItemKind.Flow).SelectMany(l => l.Alternatives).SelectMany(a => a).Distinct(StringComparer.Ordinal)];
        var all = new HashSet<string>(StringComparer.Ordinal) { totalAssets };
        foreach (var l in lineItems)
        {
            foreach (var alt in l.Alternatives)
            {
                all.UnionWith(alt);
            }
        }

        foreach (var alt in holdingKinds.SelectMany(k => k.Alternatives))
        {
            all.UnionWith(alt);
        }

        foreach (var alt in digitalAssets)
        {
            all.UnionWith(alt);
        }

        foreach (var m in issuers)
        {
            all.UnionWith(m.DigitalAssetConcepts);
        }

        Concepts = [.. all.Order(StringComparer.Ordinal)];
        LocalNames = [.. all.Select(LocalName).Distinct(StringComparer.Ordinal)];
    }

    /// <summary>Gets the default map (see the remarks of <see cref="SecConceptMap"/>).</summary>
    public static SecConceptMap Default { get; } = CreateBuilder().UseDefaults().Build();

    /// <summary>Gets the concept read as total assets.</summary>
    public string TotalAssetsConcept { get; }

    /// <summary>Gets the digital-asset alternatives in order: the first with any concept present in a filing is summed.</summary>
    public ImmutableArray<ImmutableArray<string>> DigitalAssetAlternatives { get; }

    /// <summary>Gets the per-issuer mappings, tried before <see cref="DigitalAssetAlternatives"/>.</summary>
    public ImmutableArray<SecIssuerMapping> Issuers { get; }

    /// <summary>
    /// Gets the line items read beside the ratio inputs (cash, securities, investments, liabilities; revenue and
    /// operating income of the quarter ending on the balance-sheet date), each with its concepts in order of preference.
    /// A line item no concept of which is in a filing is left out of the snapshot (a criterion needing it is then
    /// Indeterminate, never zero).
    /// </summary>
    public ImmutableArray<SecLineItemMapping> LineItems { get; }

    /// <summary>Gets what happens to a balance sheet with total assets but no mapped digital-asset fact.</summary>
    public MissingDigitalAssetFact WhenNoDigitalAssetFact { get; }

    /// <summary>
    /// Gets the concepts of the kinds of crypto beyond the held one (restricted, staked, receivable, ETPs, stablecoins,
    /// customers'), read into <see cref="IssuerSnapshot.HoldingKinds"/>; see docs/holdings.md for which filer uses which.
    /// </summary>
    public ImmutableArray<SecHoldingKindMapping> HoldingKinds { get; }

    /// <summary>Gets every concept the map reads.</summary>
    public ImmutableArray<string> Concepts { get; }

    /// <summary>The concepts of flow line items: their one-quarter duration facts are read (other duration facts are not).</summary>
    internal ImmutableHashSet<string> FlowConcepts { get; }

    /// <summary>The local names (after the colon) of every concept read: readers filter on them first.</summary>
    internal ImmutableArray<string> LocalNames { get; }

    /// <summary>Creates an empty builder.</summary>
    /// <returns>A builder.</returns>
    public static SecConceptMapBuilder CreateBuilder() => new();

    /// <summary>Creates a builder holding this map's rules, to override some of them.</summary>
    /// <returns>A builder.</returns>
    public SecConceptMapBuilder ToBuilder() => new(this);

    /// <summary>The digital-asset alternatives for one balance sheet: the issuer's own first, then the defaults.</summary>
    internal IEnumerable<(ImmutableArray<string> Concepts, SecIssuerMapping? Mapping)> AlternativesFor(long cik, LocalDate end)
    {
        foreach (var m in Issuers)
        {
            if (m.AppliesTo(cik, end))
            {
                yield return (m.DigitalAssetConcepts, m);
            }
        }

        foreach (var alt in DigitalAssetAlternatives)
        {
            yield return (alt, null);
        }
    }

    internal static string LocalName(string concept)
    {
        int colon = concept.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 ? concept : concept[(colon + 1)..];
    }
}
