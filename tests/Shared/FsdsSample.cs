namespace DatRules.TestSupport;

/// <summary>
/// A Financial Statement Data Sets sample (sub.txt and num.txt texts) holding real figures of four filings; the SEC
/// importer's tests and the CLI's import tests read it. Sec/Fixtures/README.md names the filing behind each.
/// </summary>
internal static class FsdsSample
{
    // Tesla 10-K for 2024 (0001628280-25-003063, filed 2025-01-30): total assets 122,070 and digital assets 1,076 (USD millions),
    // ASU 2023-08 adopted, crypto tagged CryptoAssetFairValueNoncurrent.
    internal const string Tesla = "0001628280-25-003063";

    // CleanSpark 10-Q for 2025-12-31 (0001193125-26-039538): "Bitcoin - current of $830,073 and Bitcoin - noncurrent of
    // $171,924" (USD thousands, note 4); its total assets are not in the fixture.
    internal const string CleanSpark = "0001193125-26-039538";

    // IZEA Worldwide 10-K for 2023 (0001495231-24-000046): digital assets 162,905 = bitcoin 96,722 + ethereum 66,183 (USD).
    internal const string Izea = "0001495231-24-000046";

    // Coinbase 10-Q for 2024-09-30 (0001679788-24-000187): customer crypto (safeguarding asset) 272,669,307 thousand USD.
    internal const string Coinbase = "0001679788-24-000187";

    internal static string Sub() => string.Join('\n',
        SecFixtures.SubHeader,
        SecFixtures.SubRow(Tesla, 1318605, "TESLA, INC.", "10-K", "20241231", "20250130"),
        SecFixtures.SubRow(CleanSpark, 827876, "CLEANSPARK, INC.", "10-Q", "20251231", "20260205"),
        SecFixtures.SubRow(Izea, 1495231, "IZEA WORLDWIDE, INC.", "10-K", "20231231", "20240401"),
        SecFixtures.SubRow(Coinbase, 1679788, "COINBASE GLOBAL, INC.", "10-Q", "20240930", "20241030")) + "\n";

    internal static string Num() => string.Join('\n',
        SecFixtures.NumHeader,
        $"{Tesla}\tAssets\tus-gaap/2024\t20241231\t0\tUSD\t\t\t122070000000.0000\t",
        $"{Tesla}\tCryptoAssetFairValueNoncurrent\tus-gaap/2024\t20241231\t0\tUSD\t\t\t1076000000.0000\t",
        $"{Tesla}\tRevenues\tus-gaap/2024\t20241231\t4\tUSD\t\t\t97690000000.0000\t",
        $"{CleanSpark}\tCryptoAssetFairValueCurrent\tus-gaap/2025\t20251231\t0\tUSD\t\t\t830073000.0000\t",
        $"{CleanSpark}\tCryptoAssetFairValueNoncurrent\tus-gaap/2025\t20251231\t0\tUSD\t\t\t171924000.0000\t",
        $"{Izea}\tCryptoAssetFairValue\tus-gaap/2023\t20231231\t0\tUSD\t\t\t162905.0000\t",
        $"{Izea}\tCryptoAssetFairValue\tus-gaap/2023\t20231231\t0\tUSD\tCryptoAssetAxis=Bitcoin;\t\t96722.0000\t",
        $"{Izea}\tCryptoAssetFairValue\tus-gaap/2023\t20231231\t0\tUSD\tCryptoAssetAxis=Ethereum;\t\t66183.0000\t",
        $"{Coinbase}\tSafeguardingAssetPlatformUserCryptoAsset\tus-gaap/2024\t20240930\t0\tUSD\t\t\t272669307000.0000\t") + "\n";
}
