using CsCheck;
using DatRules.Classification;
using DatRules.Issuers;
using DatRules.Policies;
using DatRules.Screening;

namespace DatRules.Tests.Screening;

/// <summary>The engine's line-item criteria must give bit for bit the domain's answer, above all at the boundary.</summary>
public class LineItemScreeningEquivalenceTests
{
    private static readonly LocalDate Q3 = TestData.Q3;

    private static readonly LineItemTerm Cash = LineItemTerm.Balance(LineItem.CashAndEquivalents);
    private static readonly LineItemTerm Securities = LineItemTerm.Balance(LineItem.MarketableSecurities);
    private static readonly LineItemTerm Digital = LineItemTerm.Balance(LineItem.DigitalAssets);
    private static readonly LineItemTerm Total = LineItemTerm.Balance(LineItem.TotalAssets);
    private static readonly LineItemTerm Revenue4 = LineItemTerm.Trailing(LineItem.Revenue, 4);
    private static readonly LineItemTerm Income4 = LineItemTerm.Trailing(LineItem.OperatingIncome, 4);

    private static readonly Gen<decimal> Percent = Gen.OneOf(Gen.OneOf(50m, 5m, 30m, 33.3333m, 100m, 0.01m, 33.333333333333333333333333m), Gen.Int[1, 100_000].Select(i => i / 1_000m));

    private static readonly Gen<RatioComparison> Comparison = Gen.Enum<RatioComparison>();

    /// <summary>Cents for cash, securities, digital, total, four quarters of revenue and of operating income; each may be missing (-1).</summary>
    private static readonly Gen<long[]> Amounts = Gen.OneOf(Gen.Long[0, 400_000_000_000L], Gen.Long[0, 400_000_000_000L], Gen.Long[0, 400_000_000_000L], Gen.Long[0, 1_000L], Gen.Const(-1L)).Array[11];

    private static readonly Gen<int> Kind = Gen.Int[0, 9];

    [Fact]
    public void Screen_RandomLineItemPolicies_MatchesDomainExactly()
    {
        Gen.Select(Gen.Select(Amounts, Kind).Array[1, 120], Percent, Comparison, Gen.Int[0, 5]).Sample((rows, percent, comparison, shape) =>
        {
            var criterion = Criterion(shape, comparison, percent);
            var policy = Policy(criterion);
            var snapshots = rows.Select((r, i) => Snapshot(i, r.Item1, r.Item2, criterion, percent)).ToArray();
            var screening = new ScreeningEngine(new ScreeningOptions { ParallelThreshold = 0, ChunkSize = 1024 }).Screen(Universe.From(snapshots), policy);
            for (int i = 0; i < snapshots.Length; i++)
            {
                var expected = policy.Evaluate(snapshots[i]);
                if (expected.Classification != screening.ClassificationAt(i) || expected.Action != screening.ActionAt(i))
                {
                    throw new InvalidOperationException($"row {i} shape {shape} {criterion.Description}: domain {expected.Classification}/{expected.Action}, engine {screening.ClassificationAt(i)}/{screening.ActionAt(i)}; {string.Join(" | ", expected.Reasons)}");
                }
            }
        }, iter: 300);
    }

    [Fact]
    public void Screen_ThreeItemRuleExactlyAtBoundary_MatchesDomainOnBothSides()
    {
        // (cash 200 + securities 100 + digital 200) / total 1,000 = 50% exactly: met (>= 50), not met one cent lower.
        var policy = Policy(PolicyCriteria.ShareOfTotalAssets(RatioComparison.AtLeast, 50m, LineItem.CashAndEquivalents, LineItem.MarketableSecurities, LineItem.DigitalAssets));
        var at = Balance("AT", 200m, 100m, 200m, 1_000m);
        var below = Balance("BELOW", 199.99m, 100m, 200m, 1_000m);

        var screening = new ScreeningEngine().Screen(Universe.From([at, below]), policy);

        Assert.Equal(DatClassification.DigitalAssetTreasury, screening.ClassificationAt(0));
        Assert.Equal(DatClassification.OperatingCompany, screening.ClassificationAt(1));
        Assert.Equal(policy.Evaluate(at).Classification, screening.ClassificationAt(0));
        Assert.Equal(policy.Evaluate(below).Classification, screening.ClassificationAt(1));
    }

    [Fact]
    public void Screen_LargeUniverseVectorisedPath_MatchesDomain()
    {
        // 20,003 rows (a tail after the 8-row blocks); every 5th row exactly at 50%, every 11th without cash.
        var rng = new Random(11);
        var snapshots = Enumerable.Range(0, 20_003).Select(i =>
        {
            long total = rng.NextInt64(1, 1_000_000_000) * 2;
            long cash = i % 5 == 0 ? total / 4 : rng.NextInt64(0, total / 3);
            long digital = i % 5 == 0 ? total / 4 : rng.NextInt64(0, total / 3);
            long securities = i % 5 == 0 ? 0 : rng.NextInt64(0, total / 3);
            return Balance($"T{i}", i % 11 == 0 ? null : cash / 100m, securities / 100m, digital / 100m, total / 100m);
        }).ToArray();
        var policy = Policy(PolicyCriteria.ShareOfTotalAssets(RatioComparison.AtLeast, 50m, LineItem.CashAndEquivalents, LineItem.MarketableSecurities, LineItem.DigitalAssets));

        var screening = new ScreeningEngine(new ScreeningOptions { ParallelThreshold = 0 }).Screen(Universe.From(snapshots), policy);

        for (int i = 0; i < snapshots.Length; i++)
        {
            Assert.True(policy.Evaluate(snapshots[i]).Classification == screening.ClassificationAt(i), $"row {i}");
        }
    }

    [Fact]
    public void Explain_LineItemRow_GivesTheDomainReasons()
    {
        var policy = Policy(PolicyCriteria.ShareOfTotalAssets(RatioComparison.AtLeast, 50m, LineItem.CashAndEquivalents, LineItem.DigitalAssets));
        var s = Balance("EXA1", 300m, null, 200m, 1_000m);

        var explained = new ScreeningEngine().Screen(Universe.From([s]), policy).Explain(0)!;

        Assert.Equal(policy.Evaluate(s).Reasons, explained.Reasons);
    }

    internal static IssuerSnapshot Balance(string ticker, decimal? cash, decimal? securities, decimal digital, decimal? total)
    {
        var items = new List<LineItemValue>();
        if (cash is { } c)
        {
            items.Add(new LineItemValue(LineItem.CashAndEquivalents, c));
        }

        if (securities is { } m)
        {
            items.Add(new LineItemValue(LineItem.MarketableSecurities, m));
        }

        return new IssuerSnapshot(new IssuerId(ticker), Q3, total, digital == 0m ? [] : [new DigitalAssetHolding("BTC", 1m, digital)]) { LineItems = items, IsIndexConstituent = true };
    }

    private static IPolicyCriterion Criterion(int shape, RatioComparison comparison, decimal percent) => shape switch
    {
        0 => new LineItemRatioCriterion([Cash, Securities, Digital], [Total], comparison, percent),
        1 => new LineItemRatioCriterion([Revenue4], [Total], comparison, percent),
        2 => new LineItemRatioCriterion([Income4, Cash], [Total, Securities], comparison, percent),
        3 => PolicyCriteria.AnyOf(
            new LineItemRatioCriterion([Digital], [Total], RatioComparison.AtLeast, percent),
            PolicyCriteria.AllOf(new LineItemRatioCriterion([Digital], [Total], comparison, percent / 2m), PolicyCriteria.CapitalRaisedPrimarilyForDigitalAssets())),
        4 => PolicyCriteria.Not(new LineItemRatioCriterion([Digital, Cash], [Total], comparison, percent)),
        _ => new LineItemRatioCriterion([Digital], [Total], comparison, percent),
    };

    private static IndexPolicy Policy(IPolicyCriterion c) => IndexPolicy.CreateBuilder("p")
        .For(IndexProvider.Msci, "test").Dated(Q3, Q3)
        .WithCriterion(c)
        .OnMatch(PolicyAction.FreezeShareIncreases, PolicyAction.BlockAddition)
        .CitedFrom(new PolicySource("t", "t", Q3)).Build();

    /// <summary>
    /// Kinds: 0-4 amounts as drawn; 5 numerator placed exactly on the percentage of the denominator; 6 sub-cent cash
    /// (domain fallback); 7 a fiscal year instead of quarters; 8 a gap in the quarters; 9 holdings in another currency.
    /// </summary>
    private static IssuerSnapshot Snapshot(int i, long[] a, int kind, IPolicyCriterion criterion, decimal percent)
    {
        decimal? Amt(long v) => v < 0 ? null : v / 100m;
        decimal? total = Amt(a[3]);
        decimal digital = Math.Max(0, a[2]) / 100m;
        decimal? cash = Amt(a[0]);
        if (kind == 5 && total is { } t)
        {
            // digital + cash + securities on the line: digital = floor(total * p%) - cash - securities where possible.
            decimal line = Math.Floor(t * percent) / 100m;
            cash = 0m;
            digital = line;
        }
        else if (kind == 6 && cash is { } c)
        {
            cash = c + 0.001m;
        }

        var items = new List<LineItemValue>();
        if (cash is { } cv)
        {
            items.Add(new LineItemValue(LineItem.CashAndEquivalents, cv));
        }

        if (Amt(a[1]) is { } sv)
        {
            items.Add(new LineItemValue(LineItem.MarketableSecurities, kind == 5 ? 0m : sv));
        }

        var end = Q3;
        for (int q = 0; q < 4; q++)
        {
            if (kind == 8 && q == 2)
            {
                end = LineItemValue.QuarterEnding(end).Start.PlusDays(-1);
                continue;
            }

            if (kind == 7)
            {
                if (q == 0 && a[4] >= 0)
                {
                    items.Add(new LineItemValue(LineItem.Revenue, a[4] / 100m, new DateInterval(new LocalDate(2024, 10, 1), Q3)));
                }
            }
            else if (a[4 + q] >= 0)
            {
                items.Add(LineItemValue.ForQuarter(LineItem.Revenue, a[4 + q] / 100m, end));
            }

            if (a[8 + (q % 3)] >= 0)
            {
                items.Add(LineItemValue.ForQuarter(LineItem.OperatingIncome, (a[8 + (q % 3)] - 100_000_000_000L) / 100m, end));
            }

            end = LineItemValue.QuarterEnding(end).Start.PlusDays(-1);
        }

        var currency = kind == 9 ? new Currency("JPY") : default;
        _ = criterion;
        return new IssuerSnapshot(new IssuerId($"T{i}"), Q3, total, digital == 0m && kind != 9 ? [] : [new DigitalAssetHolding("BTC", 1m, digital, currency)])
        {
            LineItems = items,
            IsIndexConstituent = (i % 3) switch { 0 => true, 1 => false, _ => null },
            CapitalRaisedPrimarilyForDigitalAssets = (i % 4) switch { 0 => true, 1 => false, _ => null },
        };
    }
}
