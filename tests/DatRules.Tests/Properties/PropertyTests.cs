using CsCheck;
using DatRules.Classification;
using DatRules.Issuers;
using DatRules.Outflows;
using DatRules.Policies;

namespace DatRules.Tests.Properties;

/// <summary>Properties that hold for every input, checked on thousands of generated cases (CsCheck).</summary>
public class PropertyTests
{
    private static readonly Gen<decimal> Amount = Gen.Long[0, 1_000_000_000_000_000].Select(c => c / 100m);
    private static readonly Gen<decimal> Percent = Gen.Int[1, 1_000_000].Select(i => i / 10_000m);
    private static readonly Gen<ThresholdBound> Bound = Gen.OneOf(ThresholdBound.Inclusive, ThresholdBound.Exclusive);

    private static IssuerSnapshot Snap(decimal digital, decimal total) => new(new IssuerId("P"), TestData.Q3, total, [new DigitalAssetHolding("BTC", 1m, digital)]);

    [Fact]
    public void Monotonicity_MoreDigitalAssetsNeverTurnsADatIntoAnOperatingCompany()
    {
        Gen.Select(Amount, Amount, Amount, Percent, Bound).Sample((a, b, extra, pct, bound) =>
        {
            decimal total = Math.Max(a, b) + extra + 0.01m;
            decimal digital = Math.Min(a, b);
            var c = new DatClassifier(new RatioThreshold(pct, bound));
            var before = c.Classify(Snap(digital, total)).Classification;
            var after = c.Classify(Snap(Math.Min(total, digital + extra), total)).Classification;
            return !(before == DatClassification.DigitalAssetTreasury && after == DatClassification.OperatingCompany);
        }, iter: 5_000);
    }

    [Fact]
    public void ScaleInvariance_MultiplyingAllAmountsByKKeepsTheClass()
    {
        Gen.Select(Amount, Amount, Gen.Int[1, 1_000_000], Percent, Bound).Sample((a, b, k, pct, bound) =>
        {
            decimal total = Math.Max(a, b) + 0.01m, digital = Math.Min(a, b);
            var c = new DatClassifier(new RatioThreshold(pct, bound));
            return c.Classify(Snap(digital, total)).Classification == c.Classify(Snap(digital * k, total * k)).Classification;
        }, iter: 5_000);
    }

    [Fact]
    public void Boundary_ExactlyAtTheThresholdFollowsTheBound()
    {
        // digital = pct/100 x total exactly (total a multiple of 10^6 so the product is exact in decimal).
        Gen.Select(Gen.Long[1, 1_000_000_000], Percent).Sample((m, pct) =>
        {
            decimal total = m * 1_000_000m;
            decimal digital = total * pct / 100m;
            return new DatClassifier(RatioThreshold.AtLeast(pct)).Classify(Snap(digital, total)).Classification == DatClassification.DigitalAssetTreasury
                && new DatClassifier(RatioThreshold.Above(pct)).Classify(Snap(digital, total)).Classification == DatClassification.OperatingCompany;
        }, iter: 5_000);
    }

    [Fact]
    public void PolicyResolution_InForceIsTheLatestEffectiveOnOrBefore()
    {
        // Random adopted policies (announced = effective); for any date, InForce is the one with the latest effective <= date.
        var src = new PolicySource("p", "p", new LocalDate(2000, 1, 1));
        Gen.Select(Gen.Int[0, 3650].Array[1, 12], Gen.Int[-100, 3800]).Sample((offsets, probe) =>
        {
            var start = new LocalDate(2020, 1, 1);
            var policies = offsets.Distinct().Select((o, i) => IndexPolicy.CreateBuilder($"p{i}")
                .For(IndexProvider.Msci, "s").Dated(start.PlusDays(o), start.PlusDays(o))
                .OnMatch(PolicyAction.None, PolicyAction.None).CitedFrom(src).Build()).ToList();
            var catalog = new PolicyCatalog(policies);
            var date = start.PlusDays(probe);
            var expected = policies.Where(p => p.EffectiveOn <= date).MaxBy(p => p.EffectiveOn);
            if (expected is null)
            {
                return Throws(() => catalog.InForce(IndexProvider.Msci, date));
            }

            return catalog.InForce(IndexProvider.Msci, date).Id == expected.Id;
        }, iter: 2_000);
    }

    [Fact]
    public void EstimatorLinearity_ForcedSellingScalesWithHoldingsAndAddsAcrossFamilies()
    {
        var f1 = new IndexFamily("F1", IndexProvider.Msci);
        var f2 = new IndexFamily("F2", IndexProvider.Nasdaq);
        var d = new LocalDate(2025, 11, 20);
        Gen.Select(Amount, Amount, Gen.Int[1, 1000], Gen.Long[1, 100_000_000]).Sample((h1, h2, k, adv) =>
        {
            var market = new MarketData("X", d, 170.39m, adv, 0.05m, "t");
            var est = new ForcedSellingEstimator();
            PassiveExposure[] one = [PassiveExposure.FromHolding("X", f1, h1, d, "t"), PassiveExposure.FromHolding("X", f2, h2, d, "t")];
            PassiveExposure[] scaled = [PassiveExposure.FromHolding("X", f1, h1 * k, d, "t"), PassiveExposure.FromHolding("X", f2, h2 * k, d, "t")];
            var both = est.Estimate(one, market, [f1, f2]).Total;
            var sum = est.Estimate(one, market, [f1]).Total.ForcedSellingUsd + est.Estimate(one, market, [f2]).Total.ForcedSellingUsd;
            var kx = est.Estimate(scaled, market, [f1, f2]).Total;
            return both.ForcedSellingUsd == sum
                && kx.ForcedSellingUsd == both.ForcedSellingUsd * k
                && Math.Abs(kx.ForcedSellingShares - (both.ForcedSellingShares * k)) <= 0.000001m * Math.Max(1m, kx.ForcedSellingShares);
        }, iter: 2_000);
    }

    private static bool Throws(Action a)
    {
        try
        {
            a();
            return false;
        }
        catch (PolicyNotFoundException)
        {
            return true;
        }
    }
}
