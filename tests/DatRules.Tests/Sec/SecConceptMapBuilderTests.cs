using DatRules.Sec.Concepts;

namespace DatRules.Tests.Sec;

public sealed class SecConceptMapBuilderTests
{
    [Fact]
    public void Default_ReadsAssetsAndAsu202308Concepts()
    {
        var map = SecConceptMap.Default;

        Assert.Equal("us-gaap:Assets", map.TotalAssetsConcept);
        Assert.Equal(["us-gaap:CryptoAssetFairValue"], map.DigitalAssetAlternatives[0].ToArray());
        Assert.Equal(["us-gaap:CryptoAssetFairValueCurrent", "us-gaap:CryptoAssetFairValueNoncurrent"], map.DigitalAssetAlternatives[1].ToArray());
        Assert.Equal(MissingDigitalAssetFact.Zero, map.WhenNoDigitalAssetFact);
        var mstr = Assert.Single(map.Issuers);
        Assert.Equal(1050446, mstr.Cik);
        Assert.Equal(new LocalDate(2024, 12, 31), mstr.PeriodsEndingOnOrBefore);
        Assert.Contains("0001564590-20-047995", mstr.Citation, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_CustomerCryptoAsDigitalAssets_Rejected()
    {
        var ex = Assert.Throws<SecConceptMapException>(() => SecConceptMap.Default.ToBuilder()
            .DigitalAssets("us-gaap:SafeguardingAssetPlatformUserCryptoAsset")
            .Build());

        Assert.Equal(
            "Invalid SEC concept map: digital-asset alternative 3: 'us-gaap:SafeguardingAssetPlatformUserCryptoAsset' is crypto held for customers or platform users, not the company's own; it never counts as digital assets",
            ex.Message);
    }

    [Fact]
    public void Build_EveryFailureListed()
    {
        var ex = Assert.Throws<SecConceptMapException>(() => SecConceptMap.CreateBuilder()
            .TotalAssets("Assets")
            .ForIssuer(0, " ", null)
            .Build());

        Assert.Equal(
            [
                "total assets: 'Assets' is not a prefixed concept such as us-gaap:Assets",
                "issuer CIK 0: CIK should be in range [1-9999999999]",
                "issuer CIK 0: a per-issuer mapping must cite the filing that shows the convention",
                "issuer CIK 0: no concept",
            ],
            ex.Failures);
    }

    [Fact]
    public void Build_NothingSet_ListsBothMissingParts()
    {
        var ex = Assert.Throws<SecConceptMapException>(() => SecConceptMap.CreateBuilder().Build());
        Assert.Equal(["no total-assets concept (call TotalAssets or UseDefaults)", "no digital-asset concept (call DigitalAssets, ForIssuer or UseDefaults)"], ex.Failures);
    }
}
