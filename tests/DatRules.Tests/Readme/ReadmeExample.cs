using DatRules.Classification;
using DatRules.Issuers;
using NodaTime;

namespace DatRules.Tests.Readme;

/// <summary>The README's "use it from your code" program, compiled here verbatim (ReadmeTests keeps them in sync).</summary>
internal static class ReadmeExample
{
    internal static ClassificationResult Run()
    {
        // snippet:start
        var strategy = new IssuerSnapshot(
            new IssuerId("MSTR", "Strategy Inc"),
            new LocalDate(2025, 9, 30),
            totalAssets: 73_619_038_000m,
            holdings: [new DigitalAssetHolding("BTC", units: 640_031m, fairValue: 73_205_725_000m)]);

        ClassificationResult result = DatClassifier.Msci.Classify(strategy);
        Console.WriteLine($"{result.Classification}: {result.DigitalAssetRatio:P2}");
        foreach (string reason in result.Reasons)
        {
            Console.WriteLine(reason);
        }
        // snippet:end
        return result;
    }
}
