using DatRules.Classification;
using DatRules.Headroom;
using DatRules.Issuers;


namespace DatRules.Tests.Headroom;

public class HeadroomCalculatorTests
{
    [Fact]
    public void BreakEven_ClosedForm_IsExactlyAtTheThreshold()
    {
        // u = 2 BTC at p = 10 (D = 20), other assets A = 100, t = 0.5: p* = t*A / (u*(1-t)) = 0.5*100 / (2*0.5) = 50.
        var s = new IssuerSnapshot(new IssuerId("X"), TestData.Q3, 120m, [new DigitalAssetHolding("BTC", 2m, 20m)]);

        var r = HeadroomCalculator.Compute(s);

        Assert.Equal(50m, r.BreakEvenPrice);
        Assert.Equal(400m, r.PriceMovePct);                       // 10 -> 50 is +400%
        Assert.Equal(HeadroomDirection.RiseToCross, r.Direction);
        // At p* the ratio is 100/200 = 50%: a DAT under the inclusive bound...
        Assert.Equal(DatClassification.DigitalAssetTreasury, DatClassifier.Msci.Classify(AtPrice(s, 50m)).Classification);
        // ...and an operating company one tick below, or under the exclusive bound.
        Assert.Equal(DatClassification.OperatingCompany, DatClassifier.Msci.Classify(AtPrice(s, 49.99999999m)).Classification);
        Assert.Equal(DatClassification.OperatingCompany, new DatClassifier(RatioThreshold.Above(50m)).Classify(AtPrice(s, 50m)).Classification);
    }

    [Fact]
    public void BreakEven_ExclusiveBound_IsOneTickPast()
    {
        var s = new IssuerSnapshot(new IssuerId("X"), TestData.Q3, 120m, [new DigitalAssetHolding("BTC", 2m, 20m)]);

        var r = HeadroomCalculator.Compute(s, RatioThreshold.Above(50m));

        // The smallest factor on the 1e-8 grid strictly past f* = 5: 5.00000001, i.e. price 50.0000001.
        Assert.Equal(5.00000001m, r.BreakEvenFactor);
        Assert.Equal(DatClassification.DigitalAssetTreasury, new DatClassifier(RatioThreshold.Above(50m)).Classify(AtPrice(s, r.BreakEvenPrice!.Value)).Classification);
    }

    [Fact]
    public void BreakEven_StrategyAtSep2025_MatchesClosedFormAndClassifier()
    {
        // MSTR 30 Sep 2025: D = 73,205,725,000 (640,031 BTC), total 73,619,038,000, A = 413,313,000.
        // p* = 0.5 x 413,313,000 / (640,031 x 0.5) = 645.77... USD per BTC: a 99.4% fall.
        var s = new IssuerSnapshot(new IssuerId("MSTR"), TestData.Q3, 73_619_038_000m, [new DigitalAssetHolding("BTC", 640_031m, 73_205_725_000m)]);

        var r = HeadroomCalculator.Compute(s);

        Assert.Equal(HeadroomDirection.FallToExit, r.Direction);
        Assert.Equal(645.77m, Math.Round(r.BreakEvenPrice!.Value, 2));
        Assert.Equal(-99.44m, Math.Round(r.PriceMovePct!.Value, 2));
        Assert.Equal(DatClassification.DigitalAssetTreasury, DatClassifier.Msci.Classify(Scaled(s, r.BreakEvenFactor!.Value)).Classification);
        Assert.Equal(DatClassification.OperatingCompany, DatClassifier.Msci.Classify(Scaled(s, r.BreakEvenFactor!.Value - 0.00000001m)).Classification);
    }

    [Fact]
    public void BreakEven_SeveralAssets_CommonFactorCheckedExactly()
    {
        // BTC 30 + ETH 10 = D 40, A = 60, t = 0.5: f* = 0.5*60 / (0.5*40) = 1.5; at 1.5 the ratio is 60/120.
        var s = new IssuerSnapshot(new IssuerId("M"), TestData.Q3, 100m, [new DigitalAssetHolding("BTC", 1m, 30m), new DigitalAssetHolding("ETH", 5m, 10m)]);

        var r = HeadroomCalculator.Compute(s);

        Assert.Equal("ALL", r.Asset);
        Assert.Null(r.BreakEvenPrice);
        Assert.Equal(1.5m, r.BreakEvenFactor);
        Assert.Equal(50m, r.PriceMovePct);
    }

    [Fact]
    public void Transactions_OperatingCompany_CashVsDebtFunded()
    {
        // D = 20, T = 120, t = 0.5. Cash-funded (T fixed): D + x = 60 -> x = 40.
        // Debt-funded (T grows): (20 + x)/(120 + x) = 0.5 -> x = (60 - 20)/(1 - 0.5) = 80.
        var r = HeadroomCalculator.Compute(new IssuerSnapshot(new IssuerId("X"), TestData.Q3, 120m, [new DigitalAssetHolding("BTC", 2m, 20m)]));

        Assert.Equal(40m, r.CashFundedPurchaseToCross);
        Assert.Equal(80m, r.DebtFundedPurchaseToCross);
        Assert.Null(r.SaleToExit);
    }

    [Fact]
    public void Transactions_Dat_SaleOrOperatingAssetsToExit()
    {
        // D = 80, T = 100, t = 0.5: sell 80 - 50 = 30 (ratio 50/100 is still >= 50%: the bound is the line itself);
        // add operating assets y: 80/(100 + y) = 0.5 -> y = 60.
        var r = HeadroomCalculator.Compute(new IssuerSnapshot(new IssuerId("X"), TestData.Q3, 100m, [new DigitalAssetHolding("BTC", 1m, 80m)]));

        Assert.Equal(30m, r.SaleToExit);
        Assert.Equal(60m, r.OperatingAssetsToExit);
        Assert.Equal(HeadroomDirection.FallToExit, r.Direction);
    }

    [Fact]
    public void Undefined_Cases_AreExplicit()
    {
        var noTotal = HeadroomCalculator.Compute(TestData.Snapshot("N", 1m, null));
        var noCoins = HeadroomCalculator.Compute(new IssuerSnapshot(new IssuerId("Z"), TestData.Q3, 100m, []));

        Assert.Equal(HeadroomDirection.Undefined, noTotal.Direction);
        Assert.Contains("Total assets are missing", noTotal.Reasons[0], StringComparison.Ordinal);
        Assert.Null(noCoins.BreakEvenFactor);
        Assert.Contains("No digital assets: no price crosses the line.", noCoins.Reasons);
    }

    private static IssuerSnapshot AtPrice(IssuerSnapshot s, decimal price)
    {
        var h = s.Holdings[0];
        decimal other = s.TotalAssets!.Value - h.FairValue;
        return new IssuerSnapshot(s.Issuer, s.AsOf, other + (h.Units * price), [new DigitalAssetHolding(h.Asset, h.Units, h.Units * price)]);
    }

    private static IssuerSnapshot Scaled(IssuerSnapshot s, decimal factor)
    {
        decimal other = s.TotalAssets!.Value - s.DigitalAssets;
        var holdings = s.Holdings.Select(h => new DigitalAssetHolding(h.Asset, h.Units, h.FairValue * factor)).ToArray();
        return new IssuerSnapshot(s.Issuer, s.AsOf, other + holdings.Sum(h => h.FairValue), holdings);
    }
}

public class HeadroomEdgeTests
{
    [Fact]
    public void HundredPercentThreshold_NoBreakEven_NoDebtFundedFigure()
    {
        var r = HeadroomCalculator.Compute(TestData.Snapshot("A", 60m, 100m), RatioThreshold.AtLeast(100m));

        Assert.Null(r.BreakEvenFactor);
        Assert.Null(r.DebtFundedPurchaseToCross);
        Assert.Equal(40m, r.CashFundedPurchaseToCross);
        Assert.Contains("A 100% threshold is crossed only with no other assets: no break-even price.", r.Reasons);
    }

    [Fact]
    public void NoOtherAssets_RatioIsAlways100Percent()
    {
        var r = HeadroomCalculator.Compute(TestData.Snapshot("A", 100m, 100m));

        Assert.Null(r.BreakEvenFactor);
        Assert.Contains("No other assets: the ratio is 100% at any price.", r.Reasons);
        Assert.Equal(HeadroomDirection.FallToExit, r.Direction);
    }

    [Fact]
    public void ExactFactor_LandsOnTheFirstCrossingGridPoint()
    {
        // D = 3, A = 7, t = 0.5: f* = 7/3 = 2.333...; the first 1e-8 grid point at or past it is 2.33333334.
        decimal f = HeadroomCalculator.ExactFactor(3m, 7m, RatioThreshold.Msci);

        Assert.Equal(2.33333334m, f);
        Assert.True(RatioThreshold.Msci.IsCrossedBy(3m * f, 7m + (3m * f)));
        Assert.False(RatioThreshold.Msci.IsCrossedBy(3m * (f - 0.00000001m), 7m + (3m * (f - 0.00000001m))));
    }
}
