using System.Globalization;

namespace DatRules.Data.Tests.Csv;

/// <summary>Decimal commas only with a culture: <see cref="SnapshotReadOptions.Culture"/> and <see cref="NumberCulture"/> (issue 24).</summary>
public class SnapshotCsvCultureTests
{
    private const string Header = "ticker;as_of;digital_assets_usd;total_assets_usd";

    private static SnapshotFrame Read(string csv, NumberCulture? culture)
    {
        string path = Path.Combine(Path.GetTempPath(), $"datrules-{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, csv);
        try
        {
            return SnapshotFrame.ReadCsv(path, new SnapshotReadOptions { SourceName = "f.csv", Culture = culture, Delimiter = ';' });
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void German_notation_reads_grouped_and_ungrouped_decimal_commas()
    {
        // 1.234,56 = 1234.56; 1234,56 = 1234.56; 2.000.000 = 2000000; 0,5 = 0.5; 7 = 7.
        var frame = Read(Header + "\nAAA;2025-09-30;1.234,56;2.000.000\nBBB;2025-09-30;1234,56;7\nCCC;2025-09-30;0,5;1\n", NumberCulture.Get("de-DE"));

        Assert.Equal(1234.56m, frame.AmountAt("digital_assets_usd", 0));
        Assert.Equal(2_000_000m, frame.AmountAt("total_assets_usd", 0));
        Assert.Equal(1234.56m, frame.AmountAt("digital_assets_usd", 1));
        Assert.Equal(7m, frame.AmountAt("total_assets_usd", 1));
        Assert.Equal(0.5m, frame.AmountAt("digital_assets_usd", 2));

        // 1234.56 / 2,000,000 = 0.00061728: the ratio of the amounts as read.
        Assert.Equal(0.00061728m, frame.SnapshotAt(0).DigitalAssetRatio);
    }

    [Theory]
    [InlineData("1.23,4")] // a group of two digits
    [InlineData("1234.56")] // '.' groups in de-DE: 1234 is not a group of three
    [InlineData("1,2,3")] // two decimal separators
    [InlineData(".234,5")] // no first group
    [InlineData("1.234.")] // a separator at the end
    [InlineData("12,")] // a separator without decimals
    public void Malformed_german_amounts_are_errors_naming_line_and_column(string amount)
    {
        var ex = Assert.Throws<InputException>(() => Read(Header + $"\nAAA;2025-09-30;{amount};100\n", NumberCulture.Get("de-DE")));
        Assert.Equal($"line 2, column 'digital_assets_usd': '{amount}' is not a number in de-DE notation (expected such as 1.234,56 or 1234,56)", Assert.Single(ex.Errors).ToString());
    }

    [Fact]
    public void A_negative_german_amount_is_refused_as_the_input_wrote_it()
    {
        var ex = Assert.Throws<InputException>(() => Read(Header + "\nAAA;2025-09-30;-1.234,5;100\n", NumberCulture.Get("de-DE")));
        Assert.Equal("line 2, column 'digital_assets_usd': '-1.234,5' is negative; amounts and counts must be >= 0", Assert.Single(ex.Errors).ToString());
    }

    [Fact]
    public void Without_a_culture_a_decimal_comma_is_an_error_that_names_the_option()
    {
        var ex = Assert.Throws<InputException>(() => Read(Header + "\nAAA;2025-09-30;1234,56;100\n", null));
        Assert.Equal(
            "line 2, column 'digital_assets_usd': '1234,56' is not a number (expected plain decimal notation such as 1234.56; a decimal comma is read only with a culture (screen --culture de-DE; SnapshotReadOptions.Culture))",
            Assert.Single(ex.Errors).ToString());
    }

    [Fact]
    public void English_notation_reads_comma_groups_in_quoted_fields()
    {
        var frame = SnapshotFrame.ReadCsv(
            new MemoryStream("ticker,as_of,digital_assets_usd,total_assets_usd\nAAA,2025-09-30,\"1,234.5\",\"10,000\"\n"u8.ToArray()),
            new SnapshotReadOptions { Culture = NumberCulture.Get("en-US") });

        // "1,234.5" = 1234.5 and "10,000" = 10000.
        Assert.Equal(1234.5m, frame.AmountAt("digital_assets_usd", 0));
        Assert.Equal(10_000m, frame.AmountAt("total_assets_usd", 0));
    }

    [Fact]
    public void An_unknown_culture_is_refused_listing_the_known_ones()
    {
        var ex = Assert.Throws<ArgumentException>(() => NumberCulture.Get("xx-XX"));
        Assert.StartsWith("'xx-XX' is not a known number culture; known: de-DE, es-ES, it-IT, nl-NL, pt-BR, en-US, en-GB.", ex.Message, StringComparison.Ordinal);
        Assert.Equal(NumberCulture.Get("de-DE"), NumberCulture.Get("DE-de"));
    }

    [Fact]
    public void The_separators_are_cldrs_as_icu_gives_them_where_icu_is_installed()
    {
        // CLDR's number symbols (https://cldr.unicode.org), as .NET reads them from ICU: an independent source for the table.
        foreach (var culture in NumberCulture.Known)
        {
            NumberFormatInfo format;
            try
            {
                format = CultureInfo.GetCultureInfo(culture.Name, predefinedOnly: true).NumberFormat;
            }
            catch (CultureNotFoundException)
            {
                return; // invariant globalization (no ICU): nothing to compare with
            }

            Assert.Equal(culture.DecimalSeparator.ToString(), format.NumberDecimalSeparator);
            Assert.Equal(culture.GroupSeparator.ToString(), format.NumberGroupSeparator);
        }
    }
}
