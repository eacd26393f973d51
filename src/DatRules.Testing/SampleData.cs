using System.Globalization;
using DatRules.Issuers;
using nietras.SeparatedValues;

namespace DatRules.Testing;

/// <summary>The embedded dataset of 21 digital-asset treasury and operating companies (sources: docs/data.md).</summary>
public static class SampleData
{
    /// <summary>Loads the companies as snapshots (a new list each call; snapshots are immutable).</summary>
    /// <returns>The snapshots, in file order.</returns>
    public static IReadOnlyList<IssuerSnapshot> Companies()
    {
        using var stream = typeof(SampleData).Assembly.GetManifestResourceStream("DatRules.Testing.companies.csv")
            ?? throw new InvalidOperationException("The embedded dataset is missing from DatRules.Testing.");
        using var text = new StreamReader(stream);
        using var reader = Sep.New(',').Reader(o => o with { Unescape = true }).From(text);
        var result = new List<IssuerSnapshot>();
        foreach (var row in reader)
        {
            static decimal? Num(string s) => s.Length == 0 ? null : decimal.Parse(s, CultureInfo.InvariantCulture);
            string total = row["total_assets_usd"].ToString();
            string units = row["units"].ToString();
            string constituent = row["index_constituent"].ToString();
            string estimated = row["estimated_fields"].ToString();
            result.Add(new IssuerSnapshot(
                new IssuerId(row["ticker"].ToString(), row["name"].ToString(), row["country"].ToString()),
                LocalDate.FromDateOnly(DateOnly.ParseExact(row["as_of"].ToString(), "yyyy-MM-dd", CultureInfo.InvariantCulture)),
                Num(total),
                [new DigitalAssetHolding(row["asset"].ToString(), Num(units) ?? 0m, Num(row["digital_assets_usd"].ToString())!.Value)])
            {
                SharesOutstanding = Num(row["shares_outstanding"].ToString()),
                IsIndexConstituent = constituent.Length == 0 ? null : bool.Parse(constituent),
                EstimatedFields = estimated.Length == 0 ? [] : estimated.Split(';'),
                Source = row["source"].ToString(),
            });
        }

        return result;
    }
}
