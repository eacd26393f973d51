using System.Collections.Immutable;
using DatRules.Issuers;

namespace DatRules.Sec.Concepts;

/// <summary>Builds a <see cref="SecConceptMap"/>; <see cref="Build"/> validates every rule and lists every failure.</summary>
public sealed class SecConceptMapBuilder
{
    private static readonly string[] CustomerCryptoMarkers = ["Safeguarding", "PlatformUser", "HeldForCustomer", "CustomerCrypto", "CustodialCrypto"];
    private readonly List<ImmutableArray<string>> _digital = [];
    private readonly List<(long Cik, string[] Concepts, LocalDate? Until, string Citation)> _issuers = [];
    private readonly List<(LineItem Item, string[] Concepts)> _lineItems = [];
    private readonly List<(HoldingKind Kind, string[] Concepts)> _kinds = [];
    private string? _total;
    private MissingDigitalAssetFact _whenMissing = MissingDigitalAssetFact.Zero;

    internal SecConceptMapBuilder()
    {
    }

    internal SecConceptMapBuilder(SecConceptMap map)
    {
        _total = map.TotalAssetsConcept;
        _digital.AddRange(map.DigitalAssetAlternatives);
        _issuers.AddRange(map.Issuers.Select(m => (m.Cik, m.DigitalAssetConcepts.ToArray(), m.PeriodsEndingOnOrBefore, m.Citation)));
        _whenMissing = map.WhenNoDigitalAssetFact;
        _lineItems.AddRange(map.LineItems.SelectMany(l => l.Alternatives.Select(a => (l.Item, a.ToArray()))));
        _kinds.AddRange(map.HoldingKinds.SelectMany(k => k.Alternatives.Select(a => (k.Kind, a.ToArray()))));
    }

    /// <summary>Adds the default rules (see <see cref="SecConceptMap"/>).</summary>
    /// <returns>This builder.</returns>
    public SecConceptMapBuilder UseDefaults()
    {
        _total = "us-gaap:Assets";
        _digital.Add(["us-gaap:CryptoAssetFairValue"]);
        _digital.Add(["us-gaap:CryptoAssetFairValueCurrent", "us-gaap:CryptoAssetFairValueNoncurrent"]);
        _issuers.Add((
            1050446,
            ["us-gaap:IndefiniteLivedIntangibleAssetsExcludingGoodwill"],
            new LocalDate(2024, 12, 31),
            "MicroStrategy 10-Q 0001564590-20-047995 (filed 2020-10-27): the balance-sheet line 'Digital assets' (380,758 thousand USD at 2020-09-30) is tagged us-gaap:IndefiniteLivedIntangibleAssetsExcludingGoodwill; fair value (ASU 2023-08) from 2025-01-01"));
        LineItem(Issuers.LineItem.CashAndEquivalents, "us-gaap:CashAndCashEquivalentsAtCarryingValue");
        LineItem(Issuers.LineItem.MarketableSecurities, "us-gaap:MarketableSecurities");
        LineItem(Issuers.LineItem.MarketableSecurities, "us-gaap:MarketableSecuritiesCurrent", "us-gaap:MarketableSecuritiesNoncurrent");
        LineItem(Issuers.LineItem.LongTermInvestments, "us-gaap:LongTermInvestments");
        LineItem(Issuers.LineItem.TotalLiabilities, "us-gaap:Liabilities");
        LineItem(Issuers.LineItem.Revenue, "us-gaap:Revenues");
        LineItem(Issuers.LineItem.Revenue, "us-gaap:RevenueFromContractWithCustomerExcludingAssessedTax");
        LineItem(Issuers.LineItem.OperatingIncome, "us-gaap:OperatingIncomeLoss");

        return this;
    }

    /// <summary>Sets the concept read as total assets.</summary>
    /// <param name="concept">A prefixed concept, e.g. <c>us-gaap:Assets</c>.</param>
    /// <returns>This builder.</returns>
    public SecConceptMapBuilder TotalAssets(string concept)
    {
        _total = concept;
        return this;
    }

    /// <summary>Removes every digital-asset alternative (to replace the defaults).</summary>
    /// <returns>This builder.</returns>
    public SecConceptMapBuilder ClearDigitalAssets()
    {
        _digital.Clear();
        return this;
    }

    /// <summary>Adds a digital-asset alternative, tried after those added before: the sum of the given concepts present in a filing.</summary>
    /// <param name="concepts">Prefixed concepts, e.g. <c>us-gaap:CryptoAssetFairValueCurrent</c>.</param>
    /// <returns>This builder.</returns>
    public SecConceptMapBuilder DigitalAssets(params string[] concepts)
    {
        _digital.Add([.. concepts ?? []]);
        return this;
    }

    /// <summary>Adds a per-issuer mapping, tried before the general alternatives.</summary>
    /// <param name="cik">The filer's CIK.</param>
    /// <param name="citation">The filing that shows the convention (form and accession number).</param>
    /// <param name="periodsEndingOnOrBefore">The last balance-sheet date it applies to; null for all.</param>
    /// <param name="concepts">The concepts summed as digital assets.</param>
    /// <returns>This builder.</returns>
    public SecConceptMapBuilder ForIssuer(long cik, string citation, LocalDate? periodsEndingOnOrBefore, params string[] concepts)
    {
        _issuers.Add((cik, [.. concepts ?? []], periodsEndingOnOrBefore, citation));
        return this;
    }

    /// <summary>Adds an alternative for a line item, tried after those added before: the sum of the given concepts present in a filing.</summary>
    /// <param name="item">A line item other than digital or total assets (those have their own rules).</param>
    /// <param name="concepts">Prefixed concepts; for a flow item, facts of one quarter ending on the balance-sheet date are read.</param>
    /// <returns>This builder.</returns>
    public SecConceptMapBuilder LineItem(LineItem item, params string[] concepts)
    {
        _lineItems.Add((item, [.. concepts ?? []]));
        return this;
    }

    /// <summary>
    /// Adds an alternative for a kind of crypto beyond the held one (e.g. a filer's extension concept for restricted or
    /// lent bitcoin); alternatives are tried in the order added, the first present in a filing is summed.
    /// </summary>
    /// <param name="kind">The kind (not <see cref="HoldingKind.Held"/>, which is <see cref="DigitalAssets"/>).</param>
    /// <param name="concepts">The prefixed concepts summed, a us-gaap concept or the filer's extension concept (matched by local name).</param>
    /// <returns>This builder.</returns>
    public SecConceptMapBuilder HoldingKindConcepts(HoldingKind kind, params string[] concepts)
    {
        _kinds.Add((kind, [.. concepts ?? []]));
        return this;
    }

    /// <summary>Removes every holding-kind concept (the defaults included).</summary>
    /// <returns>This builder.</returns>
    public SecConceptMapBuilder ClearHoldingKinds()
    {
        _kinds.Clear();
        return this;
    }

    /// <summary>Removes every line-item rule (to replace the defaults).</summary>
    /// <returns>This builder.</returns>
    public SecConceptMapBuilder ClearLineItems()
    {
        _lineItems.Clear();
        return this;
    }

    /// <summary>Sets what happens to a balance sheet with total assets but no mapped digital-asset fact.</summary>
    /// <param name="behaviour">Zero (the default) or Indeterminate.</param>
    /// <returns>This builder.</returns>
    public SecConceptMapBuilder WhenNoDigitalAssetFact(MissingDigitalAssetFact behaviour)
    {
        _whenMissing = behaviour;
        return this;
    }

    /// <summary>Builds the map.</summary>
    /// <returns>The map.</returns>
    /// <exception cref="SecConceptMapException">A rule is invalid; every failure is listed.</exception>
    public SecConceptMap Build()
    {
        var failures = new List<string>();
        if (_total is null)
        {
            failures.Add("no total-assets concept (call TotalAssets or UseDefaults)");
        }
        else
        {
            CheckConcept(_total, "total assets", failures);
        }

        if (_digital.Count == 0 && _issuers.Count == 0)
        {
            failures.Add("no digital-asset concept (call DigitalAssets, ForIssuer or UseDefaults)");
        }

        for (int i = 0; i < _digital.Count; i++)
        {
            CheckDigital(_digital[i], $"digital-asset alternative {i + 1}", failures);
        }

        foreach (var (cik, concepts, _, citation) in _issuers)
        {
            string where = $"issuer CIK {cik}";
            if (cik is < 1 or > 9_999_999_999L)
            {
                failures.Add($"{where}: CIK should be in range [1-9999999999]");
            }

            if (string.IsNullOrWhiteSpace(citation))
            {
                failures.Add($"{where}: a per-issuer mapping must cite the filing that shows the convention");
            }

            CheckDigital([.. concepts], where, failures);
        }

        foreach (var (item, concepts) in _lineItems)
        {
            string where = $"line item {item?.Name}";
            if (item is null)
            {
                failures.Add("line item: null");
                continue;
            }

            if (item.IsIntrinsic)
            {
                failures.Add($"{where}: digital and total assets have their own rules (DigitalAssets, TotalAssets)");
            }

            CheckDigital([.. concepts], where, failures);
        }

        foreach (var (kind, concepts) in _kinds)
        {
            string where = $"holding kind {kind}";
            if (!Enum.IsDefined(kind) || kind == HoldingKind.Held)
            {
                failures.Add($"{where}: not a kind beyond held crypto (held crypto is DigitalAssets)");
                continue;
            }

            if (kind == HoldingKind.Customer)
            {
                if (concepts.Length == 0)
                {
                    failures.Add($"{where}: no concept");
                }

                foreach (var c in concepts)
                {
                    CheckConcept(c, where, failures);
                }
            }
            else
            {
                CheckDigital([.. concepts], where, failures);
            }
        }

        if (!Enum.IsDefined(_whenMissing))
        {
            failures.Add($"'{_whenMissing}' is not a MissingDigitalAssetFact value");
        }

        if (failures.Count > 0)
        {
            throw new SecConceptMapException(failures);
        }

        return new SecConceptMap(
            _total!,
            [.. _digital],
            [.. _issuers.Select(i => new SecIssuerMapping(i.Cik, [.. i.Concepts], i.Until, i.Citation.Trim()))],
            _whenMissing,
            [.. _lineItems.GroupBy(l => l.Item).Select(g => new SecLineItemMapping(g.Key, [.. g.Select(l => ImmutableArray.Create(l.Concepts))]))],
            [.. _kinds.GroupBy(k => k.Kind).Select(g => new SecHoldingKindMapping(g.Key, [.. g.Select(k => ImmutableArray.Create(k.Concepts))]))]);
    }

    private static void CheckDigital(ImmutableArray<string> concepts, string where, List<string> failures)
    {
        if (concepts.IsDefaultOrEmpty)
        {
            failures.Add($"{where}: no concept");
            return;
        }

        foreach (var c in concepts)
        {
            if (CheckConcept(c, where, failures) && CustomerCryptoMarkers.Any(m => c.Contains(m, StringComparison.OrdinalIgnoreCase)))
            {
                failures.Add($"{where}: '{c}' is crypto held for customers or platform users, not the company's own; it never counts as digital assets");
            }
        }
    }

    private static bool CheckConcept(string? concept, string where, List<string> failures)
    {
        if (string.IsNullOrWhiteSpace(concept) || concept.IndexOf(':', StringComparison.Ordinal) is var colon && (colon <= 0 || colon == concept.Length - 1) || concept.Contains(' ', StringComparison.Ordinal))
        {
            failures.Add($"{where}: '{concept}' is not a prefixed concept such as us-gaap:Assets");
            return false;
        }

        return true;
    }
}
