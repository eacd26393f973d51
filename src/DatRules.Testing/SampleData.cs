using System.Globalization;
using DatRules.Issuers;
using nietras.SeparatedValues;

namespace DatRules.Testing;

/// <summary>
/// The embedded dataset: digital-asset treasury and operating companies, with up to three balance sheets each and the
/// filing behind every row (sources: docs/data.md).
/// </summary>
public static class SampleData
{
    /// <summary>Loads each company's latest balance sheet (<see cref="PointInTime.Latest"/>; a new list each call).</summary>
    /// <returns>One snapshot per company, in file order.</returns>
    public static IReadOnlyList<IssuerSnapshot> Companies() => PointInTime.Latest(AllBalanceSheets());

    /// <summary>Loads every balance sheet of the dataset (several per company), e.g. for <see cref="PointInTime.KnownOn"/>.</summary>
    /// <returns>The snapshots, in file order.</returns>
    public static IReadOnlyList<IssuerSnapshot> AllBalanceSheets()
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
            string code = row["currency"].ToString();
            var currency = code.Length == 0 ? default : new Currency(code);
            string filed = row["filed"].ToString();
            string accession = row["accession"].ToString();
            string cik = row["cik"].ToString();
            result.Add(new IssuerSnapshot(
                new IssuerId(row["ticker"].ToString(), row["name"].ToString(), row["country"].ToString()),
                LocalDate.FromDateOnly(DateOnly.ParseExact(row["as_of"].ToString(), "yyyy-MM-dd", CultureInfo.InvariantCulture)),
                Num(total),
                [new DigitalAssetHolding(row["asset"].ToString(), Num(units) ?? 0m, Num(row["digital_assets_usd"].ToString())!.Value, currency)],
                currency)
            {
                Provenance = new Provenance(row["source"].ToString())
                {
                    Cik = cik.Length == 0 ? null : long.Parse(cik, CultureInfo.InvariantCulture),
                    Filed = filed.Length == 0 ? null : LocalDate.FromDateOnly(DateOnly.ParseExact(filed, "yyyy-MM-dd", CultureInfo.InvariantCulture)),
                    Accession = accession.Length == 0 ? null : AccessionNumber.Parse(accession),
                    Form = row["form"].ToString(),
                },
                SharesOutstanding = Num(row["shares_outstanding"].ToString()),
                IsIndexConstituent = constituent.Length == 0 ? null : bool.Parse(constituent),
                EstimatedFields = estimated.Length == 0 ? [] : estimated.Split(';'),
                Source = row["source"].ToString(),
            });
        }

        return result;
    }
}
