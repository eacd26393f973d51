using DatRules.Classification;
using DatRules.Issuers;
using DatRules.Json;
using DatRules.Policies;
using DatRules.Screening;
using NodaTime;

namespace DatRules.Tests.Classification;

/// <summary>
/// Holding kinds (issue 23): every kind beyond held crypto, counted or excluded by a policy's treatment. Each expected
/// ratio is worked by hand in a comment: held 400 of total assets 1,000 with 150 of one other kind.
/// </summary>
public sealed class HoldingKindsTests
{
    private static readonly LocalDate Date = new(2025, 9, 30);

    private static IssuerSnapshot Snapshot(HoldingKind kind, decimal amount = 150m, decimal held = 400m, decimal total = 1000m) =>
        new(new IssuerId("AAA"), Date, total, held == 0m ? [] : [new DigitalAssetHolding("BTC", 4m, held)])
        {
            HoldingKinds = HoldingKindAmounts.None.With(kind, amount),
        };

    public static TheoryData<HoldingKind, bool, decimal> DefaultTreatment() => new()
    {
        // Counted by MSCI's reading (HoldingsTreatment.Default): (400 + 150) / 1,000 = 0.55 -> DAT at >= 50%.
        { HoldingKind.Restricted, true, 0.55m },
        { HoldingKind.Staked, true, 0.55m },
        { HoldingKind.Receivable, true, 0.55m },

        // Excluded: 400 / 1,000 = 0.40 -> operating; the 150 stay in total assets.
        { HoldingKind.Etp, false, 0.40m },
        { HoldingKind.Stablecoin, false, 0.40m },
        { HoldingKind.Customer, false, 0.40m },
    };

    [Theory]
    [MemberData(nameof(DefaultTreatment))]
    public void Classify_DefaultTreatment_CountsOrExcludesEachKind(HoldingKind kind, bool counted, decimal ratio)
    {
        var result = DatClassifier.Msci.Classify(Snapshot(kind));

        Assert.Equal(ratio, result.DigitalAssetRatio);
        Assert.Equal(counted ? DatClassification.DigitalAssetTreasury : DatClassification.OperatingCompany, result.Classification);
        string name = HoldingsTreatment.NameOf(kind);
        Assert.Contains(result.Reasons, r => r.StartsWith($"{name} 150 USD {(counted ? "counted" : "excluded")}", StringComparison.Ordinal));
    }

    [Fact]
    public void Reason_ReceivableExcluded_NamesKindAndAmount()
    {
        var narrow = new DatClassifier(RatioThreshold.Msci) { Holdings = HoldingsTreatment.Default.With(HoldingKind.Receivable, HoldingTreatment.Exclude) };

        var result = narrow.Classify(Snapshot(HoldingKind.Receivable));

        // 400 / 1,000 = 0.40: the 150 receivable left out.
        Assert.Equal(0.40m, result.DigitalAssetRatio);
        Assert.Contains("crypto receivable 150 USD excluded.", result.Reasons);
    }

    [Theory]
    [InlineData(HoldingKind.Etp)]
    [InlineData(HoldingKind.Stablecoin)]
    public void Classify_KindCountedByTreatment_AddsToNumerator(HoldingKind kind)
    {
        var wide = new DatClassifier(RatioThreshold.Msci) { Holdings = HoldingsTreatment.Default.With(kind, HoldingTreatment.Count) };

        // (400 + 150) / 1,000 = 0.55.
        Assert.Equal(0.55m, wide.Classify(Snapshot(kind)).DigitalAssetRatio);
    }

    [Fact]
    public void Classify_HeldExcluded_CountsOnlyTheOtherKinds()
    {
        var onlyRestricted = new DatClassifier(RatioThreshold.Msci) { Holdings = HoldingsTreatment.Default.With(HoldingKind.Held, HoldingTreatment.Exclude) };

        var result = onlyRestricted.Classify(Snapshot(HoldingKind.Restricted));

        // 150 / 1,000 = 0.15; the held 400 named as excluded.
        Assert.Equal(0.15m, result.DigitalAssetRatio);
        Assert.Contains("crypto held 400 USD excluded.", result.Reasons);
    }

    [Fact]
    public void Classify_CountedAboveTotal_IsIndeterminate()
    {
        // 900 held + 150 restricted = 1,050 counted > 1,000 total: inconsistent figures.
        var result = DatClassifier.Msci.Classify(Snapshot(HoldingKind.Restricted, held: 900m));

        Assert.Equal(DatClassification.Indeterminate, result.Classification);
        Assert.Null(result.DigitalAssetRatio);
    }

    [Fact]
    public void CustomerCounted_IsRefused_ByClassifierBuilderAndJson()
    {
        var counted = HoldingsTreatment.Default.With(HoldingKind.Customer, HoldingTreatment.Count);

        Assert.False(counted.IsValid);
        Assert.Throws<ArgumentException>(() => new DatClassifier(RatioThreshold.Msci) { Holdings = counted });
        var ex = Assert.Throws<PolicyValidationException>(() => Builder().WithHoldings(counted).Build());
        Assert.Contains(ex.Failures, f => f.Contains("customer", StringComparison.Ordinal));
        var json = Assert.Throws<JsonInputException>(() => PolicyJson.Parse(Json("\"holdings\": { \"customer\": \"count\" },")));
        Assert.Contains(json.Errors, e => e.Path == "$.policies[0].holdings.customer" && e.Message.Contains("customer crypto can never count", StringComparison.Ordinal));
    }

    [Fact]
    public void Json_Holdings_ReadsEachKeyAndRejectsOthers()
    {
        var policy = PolicyJson.Parse(Json("\"holdings\": { \"held\": \"count\", \"restricted\": \"exclude\", \"staked\": \"count\", \"receivable\": \"exclude\", \"etp\": \"count\", \"stablecoin\": \"exclude\", \"customer\": \"exclude\" },"))[0];

        var expected = HoldingsTreatment.Default.With(HoldingKind.Restricted, HoldingTreatment.Exclude).With(HoldingKind.Receivable, HoldingTreatment.Exclude).With(HoldingKind.Etp, HoldingTreatment.Count);
        Assert.Equal(expected, policy.Holdings);
        Assert.Equal(expected, Assert.IsType<RatioThresholdCriterion>(Assert.Single(policy.Criteria)).Holdings);

        var bad = Assert.Throws<JsonInputException>(() => PolicyJson.Parse(Json("\"holdings\": { \"etf\": \"count\", \"held\": \"maybe\" },")));
        Assert.Contains(bad.Errors, e => e.Path == "$.policies[0].holdings.etf");
        Assert.Contains(bad.Errors, e => e.Path == "$.policies[0].holdings.held" && e.Message.Contains("\"count\" or \"exclude\"", StringComparison.Ordinal));
    }

    [Fact]
    public void Json_WithoutHoldings_TakesTheDefault() =>
        Assert.Equal(HoldingsTreatment.Default, PolicyJson.Parse(Json(string.Empty))[0].Holdings);

    [Fact]
    public void BuiltInPolicies_StateTheirTreatment()
    {
        Assert.Equal(HoldingsTreatment.Default, BuiltInPolicies.MsciDatProposal.Holdings);
        Assert.Equal(HoldingsTreatment.Default, BuiltInPolicies.MsciDatFreeze.Holdings);
        Assert.True(BuiltInPolicies.UsInvestmentCompanyActAnalogy.Holdings.Counts(HoldingKind.Etp));
        Assert.True(BuiltInPolicies.UsPficAssetTestAnalogy.Holdings.Counts(HoldingKind.Stablecoin));
        Assert.All(BuiltInPolicies.All, p => Assert.False(p.Holdings.Counts(HoldingKind.Customer)));
    }

    [Fact]
    public void Engine_WithKinds_AgreesWithDomain_UnderEachTreatment()
    {
        var snapshots = new List<IssuerSnapshot>();
        foreach (var kind in HoldingsTreatment.Kinds.Where(k => k != HoldingKind.Held))
        {
            snapshots.Add(Snapshot(kind));
            snapshots.Add(Snapshot(kind, amount: 100m)); // (400 + 100) / 1,000 = 0.50 exactly: DAT when counted (inclusive)
            snapshots.Add(Snapshot(kind, amount: 700m)); // 400 + 700 = 1,100 > 1,000: indeterminate when counted
        }

        snapshots.Add(new IssuerSnapshot(new IssuerId("PLAIN"), Date, 1000m, [new DigitalAssetHolding("BTC", 5m, 500m)])); // 0.50, no kinds
        var universe = Universe.From(snapshots);
        _ = universe.RatioIndex; // built: a treatment with kinds must not use its held-only order
        var narrow = Builder().WithRatioThreshold(RatioThreshold.Msci).WithHoldings(HoldingsTreatment.Default.With(HoldingKind.Receivable, HoldingTreatment.Exclude).With(HoldingKind.Etp, HoldingTreatment.Count)).Build();

        foreach (var policy in new[] { BuiltInPolicies.MsciDatProposal, narrow, BuiltInPolicies.UsPficAssetTestAnalogy })
        {
            var screening = new ScreeningEngine().Screen(universe, policy);
            for (int row = 0; row < snapshots.Count; row++)
            {
                var domain = policy.Evaluate(snapshots[row]);
                Assert.True(domain.Classification == screening.ClassificationAt(row), $"{policy.Id} row {row}: domain {domain.Classification}, engine {screening.ClassificationAt(row)}");
                Assert.Equal(domain.Action, screening.ActionAt(row));
            }
        }
    }

    [Fact]
    public void MarkToMarket_MovesRestrictedWithTheHeldCoins()
    {
        // 8 BTC held at 100 = 800, 2 BTC restricted = 200, total assets 2,000. At 150 a BTC: held 8 x 150 = 1,200,
        // restricted 200 x 1,200 / 800 = 300 (2 BTC x 150), total 2,000 + 400 + 100 = 2,500; (1,200 + 300) / 2,500 = 0.60.
        var snapshot = new IssuerSnapshot(new IssuerId("AAA"), Date, 2000m, [new DigitalAssetHolding("BTC", 8m, 800m)])
        {
            HoldingKinds = HoldingKindAmounts.None with { Restricted = 200m },
        };

        var marked = snapshot.MarkToMarket(new MarketPrices(new LocalDate(2025, 10, 10), new Dictionary<string, decimal> { ["BTC"] = 150m }));

        Assert.Equal(300m, marked.HoldingKinds.Restricted);
        Assert.Equal(2500m, marked.TotalAssets);
        Assert.Equal(0.60m, marked.HoldingsRatio(HoldingsTreatment.Default));
        Assert.Contains(marked.ValuationNotes, n => n.StartsWith("restricted crypto revalued with the BTC holding", StringComparison.Ordinal));
    }

    [Fact]
    public void Headroom_CountsTheTreatmentsKinds()
    {
        // Default: counted d = 400 + 150 = 550 of 1,000 (a DAT); the sale to exit is d - 0.5 x 1,000 = 50.
        var result = DatRules.Headroom.HeadroomCalculator.Compute(Snapshot(HoldingKind.Restricted));

        Assert.Equal(50m, result.SaleToExit);
    }

    private static IndexPolicyBuilder Builder() => IndexPolicy.CreateBuilder("test-kinds")
        .For(IndexProvider.Msci, "test")
        .Dated(Date, Date)
        .OnMatch(PolicyAction.Exclude, PolicyAction.BlockAddition)
        .CitedFrom(new PolicySource("test", "test", Date));

    private static string Json(string holdings) => $$"""
        { "policies": [ { "id": "test-kinds-json", "provider": "MSCI", "scope": "test", "announced": "2025-10-10", "effective": "2025-10-10",
          "threshold": { "percent": 50 }, {{holdings}}
          "actions": { "constituent": ["Exclude"], "nonConstituent": [] }, "source": { "title": "t", "publisher": "p", "date": "2025-10-10" } } ] }
        """;
}
