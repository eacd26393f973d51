using DatRules.Issuers;
using DatRules.Sec.Concepts;
using DatRules.Sec.Import;
using NodaTime;

namespace DatRules.Tests.Sec;

/// <summary>Holding kinds in the SEC concept map (issue 23): read into the snapshot, customer crypto never as another kind.</summary>
public sealed class HoldingKindConceptsTests
{
    // A synthetic companyfacts file (not a real filer): assets 1,000, crypto 400, customers' crypto 300, and a filer's
    // extension concept for lent bitcoin of 150, all at 2025-09-30 in one 10-Q.
    private const string Facts = """
        { "cik": 9999999, "entityName": "Synthetic Platform", "facts": {
          "us-gaap": {
            "Assets": { "units": { "USD": [ { "end": "2025-09-30", "val": 1000, "accn": "0009999999-25-000001", "form": "10-Q", "filed": "2025-11-01" } ] } },
            "CryptoAssetFairValue": { "units": { "USD": [ { "end": "2025-09-30", "val": 400, "accn": "0009999999-25-000001", "form": "10-Q", "filed": "2025-11-01" } ] } },
            "SafeguardingAssetPlatformUserCryptoAsset": { "units": { "USD": [ { "end": "2025-09-30", "val": 300, "accn": "0009999999-25-000001", "form": "10-Q", "filed": "2025-11-01" } ] } } },
          "syn": {
            "BitcoinLoanedToCounterparties": { "units": { "USD": [ { "end": "2025-09-30", "val": 150, "accn": "0009999999-25-000001", "form": "10-Q", "filed": "2025-11-01" } ] } } } } }
        """;

    [Fact]
    public void Import_ReadsMappedCustomerAndExtensionKinds()
    {
        var map = SecConceptMap.Default.ToBuilder().HoldingKindConcepts(HoldingKind.Customer, "us-gaap:SafeguardingAssetPlatformUserCryptoAsset").HoldingKindConcepts(HoldingKind.Receivable, "syn:BitcoinLoanedToCounterparties").Build();
        var importer = new SecImporter(map);
        using (var s = SecFixtures.Json(Facts))
        {
            importer.AddCompanyFacts(s, "synthetic.json");
        }

        var snapshot = Assert.Single(importer.Build().Snapshots);

        Assert.Equal(400m, snapshot.DigitalAssets);
        Assert.Equal(300m, snapshot.HoldingKinds.Customer);
        Assert.Equal(150m, snapshot.HoldingKinds.Receivable);

        // MSCI's reading: (400 + 150) / 1,000 = 0.55; the customers' 300 stay out of the numerator.
        Assert.Equal(0.55m, snapshot.HoldingsRatio(DatRules.Classification.HoldingsTreatment.Default));
    }

    [Fact]
    public void Build_RefusesHeldAsAKind_AndCustomerConceptsForOtherKinds()
    {
        var ex = Assert.Throws<SecConceptMapException>(() => SecConceptMap.Default.ToBuilder()
            .HoldingKindConcepts(HoldingKind.Held, "us-gaap:CryptoAssetFairValue")
            .HoldingKindConcepts(HoldingKind.Receivable, "us-gaap:SafeguardingAssetPlatformUserCryptoAsset")
            .Build());

        Assert.Contains(ex.Failures, f => f.StartsWith("holding kind Held:", StringComparison.Ordinal));
        Assert.Contains(ex.Failures, f => f.StartsWith("holding kind Receivable:", StringComparison.Ordinal) && f.Contains("never counts", StringComparison.Ordinal));
    }
}
