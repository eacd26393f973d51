using DatRules.Issuers;
using DatRules.Classification;

namespace DatRules.Policies;

/// <summary>
/// The built-in policies, each citing its public source (see docs/sources.md). Scenarios are labelled
/// <see cref="PolicyStatus.Scenario"/>: they are what-ifs, not rules any provider has published.
/// </summary>
public static class BuiltInPolicies
{
    /// <summary>The scope of MSCI's DAT policies.</summary>
    public const string MsciGimi = "MSCI Global Investable Market Indexes";

    private static readonly PolicySource MsciOct2025 = new(
        "Extension of the consultation on digital asset treasury companies",
        "MSCI",
        new LocalDate(2025, 10, 10),
        new Uri("https://app2.msci.com/webapp/index_ann/DocGet?format=html&lang=en&pub_key=0bZz7Im3vZU%3D"));

    // MSCI's own announcement; our sources hold no public MSCI URL for it, so none rather than a press page's
    // (press coverage is listed in docs/sources.md).
    private static readonly PolicySource MsciJan2026 = new(
        "MSCI announces results of the consultation on the treatment of digital asset treasury companies",
        "MSCI",
        new LocalDate(2026, 1, 6));

    /// <summary>Gets MSCI GIMI before any digital-asset rule: no criterion, no action. Id <c>msci-gimi-baseline</c>.</summary>
    /// <remarks>Open-ended start (<see cref="LocalDate.MinIsoValue"/>): MSCI had no DAT criterion before its 2025 consultation.</remarks>
    public static IndexPolicy MsciBaseline { get; } = IndexPolicy.CreateBuilder("msci-gimi-baseline")
        .For(IndexProvider.Msci, MsciGimi)
        .WithStatus(PolicyStatus.Adopted)
        .Dated(LocalDate.MinIsoValue, LocalDate.MinIsoValue)
        .OnMatch(PolicyAction.None, PolicyAction.None)
        .CitedFrom(MsciOct2025)
        .WithNotes("No digital-asset criterion in the MSCI GIMI methodology before the DAT consultation (the 10 Oct 2025 announcement proposes the first one).")
        .Build();

    /// <summary>
    /// Gets MSCI's freeze of NOS/FIF/DIF increases for Metaplanet and Capital B, confirmed in force on 10 Oct 2025.
    /// Id <c>msci-2025-10-issuer-freeze</c>.
    /// </summary>
    /// <remarks>
    /// The 10 Oct 2025 announcement says MSCI <em>continues</em> this treatment; its start date is not in our sources,
    /// so the policy is dated from 10 Oct 2025, the earliest date a public source confirms.
    /// </remarks>
    public static IndexPolicy MsciIssuerFreeze { get; } = IndexPolicy.CreateBuilder("msci-2025-10-issuer-freeze")
        .For(IndexProvider.Msci, MsciGimi)
        .WithStatus(PolicyStatus.Adopted)
        .Dated(new LocalDate(2025, 10, 10), new LocalDate(2025, 10, 10))
        .WithCriterion(PolicyCriteria.Issuers("3350.T", "ALCPB"))
        .OnMatch(PolicyAction.FreezeShareIncreases, PolicyAction.None)
        .CitedFrom(MsciOct2025)
        .WithNotes("Issuer-specific: no NOS/FIF/DIF increases for Metaplanet (3350.T) and Capital B (ALCPB). In place before 10 Oct 2025; start date not in our sources.")
        .Build();

    /// <summary>
    /// Gets MSCI's proposal of 10 Oct 2025: exclude issuers with digital assets &gt;= 50% of total assets at the
    /// February 2026 Index Review (as of 2 Mar 2026); non-constituents barred. Id <c>msci-2025-10-dat-proposal</c>.
    /// </summary>
    /// <remarks>Status <see cref="PolicyStatus.Proposed"/>: MSCI decided on 6 Jan 2026 not to implement it (see <see cref="MsciDatFreeze"/>).</remarks>
    public static IndexPolicy MsciDatProposal { get; } = IndexPolicy.CreateBuilder("msci-2025-10-dat-proposal")
        .For(IndexProvider.Msci, MsciGimi)
        .WithStatus(PolicyStatus.Proposed)
        .Dated(new LocalDate(2025, 10, 10), new LocalDate(2026, 3, 2))
        .WithRatioThreshold(RatioThreshold.Msci)
        .WithHoldings(HoldingsTreatment.Default)
        .OnMatch(PolicyAction.Exclude, PolicyAction.BlockAddition)
        .CitedFrom(MsciOct2025)
        .WithNotes("Would have been implemented at the February 2026 Index Review (effective after the close of 27 Feb 2026, as of 2 Mar 2026). Not implemented: superseded by the 6 Jan 2026 decision.")
        .Build();

    /// <summary>
    /// Gets MSCI's decision of 6 Jan 2026: no exclusion; for issuers with digital assets &gt;= 50% of total assets,
    /// constituents get no NOS/FIF/DIF increases and no size-segment migrations, non-constituents are not added.
    /// Id <c>msci-2026-01-dat-freeze</c>.
    /// </summary>
    /// <remarks>"For the time being", from the announcement; first applied at the February 2026 Index Review.</remarks>
    public static IndexPolicy MsciDatFreeze { get; } = IndexPolicy.CreateBuilder("msci-2026-01-dat-freeze")
        .For(IndexProvider.Msci, MsciGimi)
        .WithStatus(PolicyStatus.Adopted)
        .Dated(new LocalDate(2026, 1, 6), new LocalDate(2026, 1, 6))
        .WithRatioThreshold(RatioThreshold.Msci)
        .WithHoldings(HoldingsTreatment.Default)
        .OnMatch(PolicyAction.FreezeShareIncreases | PolicyAction.DeferSizeSegmentMigration, PolicyAction.BlockAddition)
        .CitedFrom(MsciJan2026)
        .WithNotes("Constituents stay if they meet all other criteria. MSCI also opened a broader consultation on non-operating companies; its outcome is not modelled.")
        .Build();

    /// <summary>
    /// Gets the SCENARIO "Nasdaq follows MSCI's proposal": Nasdaq-100 excludes issuers with digital assets &gt;= 50%
    /// of total assets. Id <c>scenario-nasdaq-follows-msci-proposal</c>. Not a published rule.
    /// </summary>
    public static IndexPolicy NasdaqFollowsMsciScenario { get; } = FollowsMsciScenario("scenario-nasdaq-follows-msci-proposal", IndexProvider.Nasdaq, "Nasdaq-100");

    /// <summary>
    /// Gets the SCENARIO "FTSE Russell follows MSCI's proposal" (Russell 1000 and other Russell US indexes).
    /// Id <c>scenario-ftse-russell-follows-msci-proposal</c>. Not a published rule.
    /// </summary>
    public static IndexPolicy FtseRussellFollowsMsciScenario { get; } = FollowsMsciScenario("scenario-ftse-russell-follows-msci-proposal", IndexProvider.FtseRussell, "Russell US Indexes");

    /// <summary>
    /// Gets the US Investment Company Act s.3(a)(1)(C) test as an ANALOGY: an issuer is an investment company if
    /// investment securities exceed 40% of total assets (ex government securities and cash). Id <c>analogy-us-ica-3a1c-40pct</c>.
    /// </summary>
    /// <remarks>
    /// Not legal advice. Treats digital assets as investment securities, which is unsettled; the statute's denominator
    /// excludes government securities and cash items, which a snapshot does not separate. Classification only (no action).
    /// </remarks>
    public static IndexPolicy UsInvestmentCompanyActAnalogy { get; } = IndexPolicy.CreateBuilder("analogy-us-ica-3a1c-40pct")
        .For(new IndexProvider("US Investment Company Act (analogy)"), "15 U.S.C. 80a-3(a)(1)(C)")
        .WithStatus(PolicyStatus.LegalAnalogy)
        .Dated(new LocalDate(1940, 8, 22), new LocalDate(1940, 8, 22))
        .WithRatioThreshold(RatioThreshold.Above(40m))
        .WithHoldings(HoldingsTreatment.Default.With(HoldingKind.Etp, HoldingTreatment.Count))
        .OnMatch(PolicyAction.None, PolicyAction.None)
        .CitedFrom(new PolicySource("Investment Company Act of 1940, s.3(a)(1)(C)", "US Code (Cornell LII)", new LocalDate(1940, 8, 22), new Uri("https://www.law.cornell.edu/uscode/text/15/80a-3")))
        .WithNotes("ANALOGY, not legal advice: 'investment securities having a value exceeding 40 per centum of total assets' (exclusive bound), with digital assets treated as investment securities.")
        .Build();

    /// <summary>
    /// Gets the US passive foreign investment company asset test as an ANALOGY: passive assets at least 50% of assets.
    /// Id <c>analogy-us-pfic-50pct-assets</c>.
    /// </summary>
    /// <remarks>Not legal advice. Treats digital assets as passive assets; the income test (75%) is not modelled.</remarks>
    public static IndexPolicy UsPficAssetTestAnalogy { get; } = IndexPolicy.CreateBuilder("analogy-us-pfic-50pct-assets")
        .For(new IndexProvider("US PFIC (analogy)"), "26 U.S.C. 1297(a)(2)")
        .WithStatus(PolicyStatus.LegalAnalogy)
        .Dated(new LocalDate(1986, 10, 22), new LocalDate(1986, 10, 22))
        .WithRatioThreshold(RatioThreshold.AtLeast(50m))
        .WithHoldings(HoldingsTreatment.Default.With(HoldingKind.Etp, HoldingTreatment.Count).With(HoldingKind.Stablecoin, HoldingTreatment.Count))
        .OnMatch(PolicyAction.None, PolicyAction.None)
        .CitedFrom(new PolicySource("Passive foreign investment company, asset test", "US Code (Cornell LII)", new LocalDate(1986, 10, 22), new Uri("https://www.law.cornell.edu/uscode/text/26/1297")))
        .WithNotes("ANALOGY, not legal advice: 'at least 50 percent' of assets produce or are held for passive income (inclusive bound), with digital assets treated as passive assets.")
        .Build();

    /// <summary>Gets every built-in policy.</summary>
    public static IReadOnlyList<IndexPolicy> All { get; } =
        [MsciBaseline, MsciIssuerFreeze, MsciDatProposal, MsciDatFreeze, NasdaqFollowsMsciScenario, FtseRussellFollowsMsciScenario, UsInvestmentCompanyActAnalogy, UsPficAssetTestAnalogy];

    private static IndexPolicy FollowsMsciScenario(string id, IndexProvider provider, string scope) => IndexPolicy.CreateBuilder(id)
        .For(provider, scope)
        .WithStatus(PolicyStatus.Scenario)
        .Dated(new LocalDate(2025, 11, 20), new LocalDate(2026, 3, 2))
        .WithRatioThreshold(RatioThreshold.Msci)
        .WithHoldings(HoldingsTreatment.Default)
        .OnMatch(PolicyAction.Exclude, PolicyAction.BlockAddition)
        .CitedFrom(new PolicySource(
            "JPMorgan note on MSCI's DAT proposal (other index providers may follow), as reported",
            "The Block / Bloomberg",
            new LocalDate(2025, 11, 20),
            new Uri("https://particle.news/story/jpmorgan-warns-msci-review-puts-strategys-index-status-at-risk-threatening-billions-in-passive")))
        .WithNotes($"SCENARIO, not a published rule: {provider} has published no DAT threshold known to us. Assumes MSCI's proposed terms and effective date; JPMorgan's 'if other providers follow' case.")
        .Build();
}
