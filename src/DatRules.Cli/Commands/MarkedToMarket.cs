using System.Globalization;
using System.Text;
using DatRules.Cli.Input;
using DatRules.Issuers;
using nietras.SeparatedValues;

namespace DatRules.Cli.Commands;

/// <summary>
/// A snapshot table with every row marked to market (<see cref="IssuerSnapshot.MarkToMarket"/>), row for row, so the
/// columnar screen and its writers run unchanged. Each row's revaluation notes join its source text, so the reasons
/// say which holdings were revalued at which price and that other assets stay at book value.
/// </summary>
internal static class MarkedToMarket
{
    public static SnapshotTable Table(SnapshotTable table, MarketPrices prices)
    {
        var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var writer = Sep.New(',').Writer(o => o with { Escape = true }).To(text, leaveOpen: true))
        {
            for (int row = 0; row < table.Count; row++)
            {
                var s = table.ToSnapshot(row).MarkToMarket(prices);
                var p = s.Provenance;
                using var r = writer.NewRow();
                r["ticker"].Set(s.Issuer.Ticker);
                r["name"].Set(s.Issuer.Name ?? string.Empty);
                r["country"].Set(s.Issuer.Country ?? string.Empty);
                r["as_of"].Set(s.AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                r["currency"].Set(s.Currency.Code);
                r["asset"].Set(string.Join('+', s.Holdings.Select(h => h.Asset)));
                r["units"].Set(s.Holdings.Count == 1 && s.Holdings[0].Units > 0 ? s.Holdings[0].Units.ToString(CultureInfo.InvariantCulture) : string.Empty);
                r["digital_assets_usd"].Set(s.DigitalAssets.ToString(CultureInfo.InvariantCulture));
                r["total_assets_usd"].Set(s.TotalAssets?.ToString(CultureInfo.InvariantCulture) ?? string.Empty);
                r["index_constituent"].Set(Flag(s.IsIndexConstituent));
                r["self_described_dat"].Set(Flag(s.SelfDescribedDat));
                r["capital_raised_for_digital_assets"].Set(Flag(s.CapitalRaisedPrimarilyForDigitalAssets));
                r["estimated_fields"].Set(string.Join(';', s.EstimatedFields));
                r["cik"].Set(p?.Cik?.ToString(CultureInfo.InvariantCulture) ?? string.Empty);
                r["filed"].Set(p?.Filed?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? string.Empty);
                r["accession"].Set(p?.Accession?.ToString() ?? string.Empty);
                r["form"].Set(p?.Form ?? string.Empty);
                string valuation = string.Join(" ", s.ValuationNotes);
                string source = p?.Source ?? s.Source ?? string.Empty;
                r["source"].Set(source.Length == 0 ? valuation : $"{source}; {valuation}");
            }
        }

        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(text.ToString()));
        return SnapshotCsvReader.Read(stream, "marked to market").Table;
    }

    private static string Flag(bool? value) => value switch { true => "true", false => "false", _ => string.Empty };
}
