using System.Globalization;

namespace DatRules.Data;

/// <summary>Counts with their noun: "1 company", "2 companies".</summary>
public static class Plural
{
    /// <summary>Formats <paramref name="count"/> with the singular or plural noun.</summary>
    public static string Of(int count, string singular, string plural) =>
        string.Create(CultureInfo.InvariantCulture, $"{count:#,0} {(count == 1 ? singular : plural)}");

    /// <summary>"N company" / "N companies".</summary>
    public static string Companies(int count) => Of(count, "company", "companies");

    /// <summary>"N issuer" / "N issuers".</summary>
    public static string Issuers(int count) => Of(count, "issuer", "issuers");
}
