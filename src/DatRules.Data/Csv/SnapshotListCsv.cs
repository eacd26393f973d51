using System.Globalization;
using System.Text;
using DatRules.Issuers;

namespace DatRules.Data;

/// <summary>
/// Domain snapshots as snapshot CSV text, read back by <see cref="SnapshotCsvReader"/> into a frame: the one path from
/// <see cref="IssuerSnapshot"/> objects to <see cref="SnapshotFrame"/> columns, so snapshots built in code (the SEC
/// importers) are written by <see cref="SnapshotFrame.WriteCsv(Stream)"/> like every other frame.
/// </summary>
internal static class SnapshotListCsv
{
    /// <summary>The columns always written (an empty list still has them): identity, amounts, line items, provenance.</summary>
    internal static readonly string[] Always =
    [
        "ticker", "name", "as_of", "currency", "digital_assets_usd", "total_assets_usd",
        .. LineItem.WellKnown.Where(i => !i.IsIntrinsic).Select(LineItemCsvColumns.ColumnOf),
        "cik", "filed", "accession", "form", "concepts", "source",
    ];

    /// <summary>Builds the CSV of <paramref name="snapshots"/>: <see cref="Always"/>, then the optional columns some snapshot has a value for.</summary>
    public static byte[] Write(IReadOnlyList<IssuerSnapshot> snapshots)
    {
        var optional = new List<(string Name, Func<IssuerSnapshot, string?> Value)>();
        void Optional(string name, Func<IssuerSnapshot, string?> value)
        {
            if (snapshots.Any(s => value(s) is not null))
            {
                optional.Add((name, value));
            }
        }

        Optional("country", s => s.Issuer.Country);
        foreach (var (kind, column) in HoldingKindCsvColumns.All)
        {
            Optional(column, s => s.HoldingKinds.AmountOf(kind) is var v && v != 0m ? Amount(v) : null);
        }

        Optional("asset", s => s.Holdings.Count == 1 ? s.Holdings[0].Asset : null);
        Optional("units", s => s.Holdings.Count == 1 && s.Holdings[0].Units != 0m ? Amount(s.Holdings[0].Units) : null);
        Optional("shares_outstanding", s => s.SharesOutstanding is { } v ? Amount(v) : null);
        Optional("market_cap_usd", s => s.MarketCap is { } v ? Amount(v) : null);
        Optional("index_constituent", s => Flag(s.IsIndexConstituent));
        Optional("self_described_dat", s => Flag(s.SelfDescribedDat));
        Optional("capital_raised_for_digital_assets", s => Flag(s.CapitalRaisedPrimarilyForDigitalAssets));
        Optional("estimated_fields", s => s.EstimatedFields.Count == 0 ? null : string.Join(';', s.EstimatedFields));

        var text = new StringBuilder();
        text.AppendJoin(',', Always.Concat(optional.Select(o => o.Name))).Append('\n');
        foreach (var s in snapshots)
        {
            var p = s.Provenance;
            Cell(text, s.Issuer.Ticker, first: true);
            Cell(text, s.Issuer.Name);
            Cell(text, Date(s.AsOf));
            Cell(text, s.Currency.Code);
            Cell(text, Amount(s.DigitalAssets));
            Cell(text, s.TotalAssets is { } total ? Amount(total) : null);
            foreach (var item in LineItem.WellKnown.Where(i => !i.IsIntrinsic))
            {
                // A flow is the quarter ending on as_of; carried flows of earlier quarters are not this row's.
                var value = s.LineItems.FirstOrDefault(v => v.Item == item && (v.Period is null || v.Period.End == s.AsOf));
                Cell(text, value is null ? null : Amount(value.Amount));
            }

            Cell(text, p?.Cik?.ToString(CultureInfo.InvariantCulture));
            Cell(text, p?.Filed is { } filed ? Date(filed) : null);
            Cell(text, p?.Accession?.ToString());
            Cell(text, p?.Form);
            Cell(text, p is null || p.Concepts.Count == 0 ? null : string.Join(';', p.Concepts));
            Cell(text, p is null ? s.Source : p.Note is { } note ? $"{p.Source}; {note}" : p.Source);
            foreach (var (_, value) in optional)
            {
                Cell(text, value(s));
            }

            text.Append('\n');
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }

    private static string Amount(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Date(NodaTime.LocalDate date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string? Flag(bool? value) => value switch { true => "true", false => "false", null => null };

    /// <summary>Appends a cell, quoted (quotes doubled) where CSV needs it; the text is kept as it is (it is read back, not opened in a spreadsheet).</summary>
    private static void Cell(StringBuilder text, string? value, bool first = false)
    {
        if (!first)
        {
            text.Append(',');
        }

        if (string.IsNullOrEmpty(value))
        {
            return;
        }

        if (value.AsSpan().IndexOfAny(",\"\r\n") < 0)
        {
            text.Append(value);
            return;
        }

        text.Append('"').Append(value.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
    }
}
