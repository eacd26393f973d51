using System.Collections.Frozen;

namespace DatRules.Sec.Import;

/// <summary>
/// The ISO 4217 codes of currencies (current ones and those replaced since 2007, which older XBRL filings may use), in
/// their exact upper-case form. Not the codes of metals (XAU, XAG, XPT, XPD), funds, testing (XTS) or "no currency"
/// (XXX): those are not money amounts.
/// </summary>
internal static class CurrencyCodes
{
    private static readonly FrozenSet<string> Codes = (
        "AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BHD BIF BMD BND BOB BOV BRL BSD BTN BWP BYN BZD CAD CDF "
        + "CHE CHF CHW CLF CLP CNY COP COU CRC CUC CUP CVE CZK DJF DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP GEL GHS GIP GMD "
        + "GNF GTQ GYD HKD HNL HTG HUF IDR ILS INR IQD IRR ISK JMD JOD JPY KES KGS KHR KMF KPW KRW KWD KYD KZT LAK LBP LKR "
        + "LRD LSL LYD MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK MXN MXV MYR MZN NAD NGN NIO NOK NPR NZD OMR PAB PEN PGK "
        + "PHP PKR PLN PYG QAR RON RSD RUB RWF SAR SBD SCR SDG SEK SGD SHP SLE SLL SOS SRD SSP STN SVC SYP SZL THB TJS TMT "
        + "TND TOP TRY TTD TWD TZS UAH UGX USD USN UYI UYU UYW UZS VED VES VND VUV WST XAF XCD XCG XOF XPF YER ZAR ZMW ZWG "
        + "ZWL "

        // Replaced since 2007 (older filings): Croatian kuna, Baltic currencies, Slovak koruna, Maltese and Cypriot pounds,
        // Slovenian tolar, and the old codes of Venezuela, Belarus, Mauritania, Sao Tome and Zambia.
        + "HRK LTL LVL EEK SKK MTL CYP SIT VEF BYR MRO STD ZMK")
        .Split(' ', StringSplitOptions.RemoveEmptyEntries)
        .ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Whether <paramref name="unit"/> is exactly an ISO 4217 currency code (case matters: <c>usd</c> is not).</summary>
    public static bool IsCurrency(string unit) => Codes.Contains(unit);
}
