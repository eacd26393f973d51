using System.Text;
using CsCheck;
using DatRules.Cli.Input;

namespace DatRules.Tests.Cli;

/// <summary>
/// The fast reader may decline any file, but wherever it accepts one it must yield exactly the rows of the reference
/// reader (<see cref="SnapshotCsvReader"/>), and it must never accept a file the reference reader rejects.
/// </summary>
public class FastSnapshotCsvTests
{
    private const string Header = "ticker,as_of,digital_assets_usd,total_assets_usd";

    [Fact]
    public void TryParse_PlainFile_ReadsIntegerCentsDatesAndFlags()
    {
        var rows = Parse($"{Header},index_constituent\nMSTR,2025-09-30,73205725000,73619038000,true\nriot,2025-09-30,2200029516.5,,no\n");

        Assert.NotNull(rows);
        Assert.Equal(2, rows.Count);
        Assert.Equal("MSTR", Ticker(rows, 0));
        Assert.Equal(new DateOnly(2025, 9, 30).DayNumber, rows.AsOfDay[0]);
        Assert.Equal(7_320_572_500_000L, rows.Digital[0]);   // 73,205,725,000 USD in cents
        Assert.Equal(7_361_903_800_000L, rows.Total[0]);
        Assert.Equal(1, rows.Constituent[0]);
        Assert.Equal("riot", Ticker(rows, 1));
        Assert.Equal(220_002_951_650L, rows.Digital[1]);     // 2,200,029,516.50 USD in cents
        Assert.Equal(-1L, rows.Total[1]);                    // blank: not reported
        Assert.Equal(2, rows.Constituent[1]);
    }

    [Theory]
    [InlineData("A,2025-09-30,1.50,3.000\r\nB,2025-09-30,1,2\r\n")]   // CRLF, trailing zeros beyond cents
    [InlineData("A,2025-09-30,1.50,3\nB,2025-09-30,1,2")]             // no newline at the end
    public void TryParse_CrLfAndMissingFinalNewline_Accepted(string body)
    {
        var rows = Parse($"{Header}\n{body}");

        Assert.NotNull(rows);
        Assert.Equal(2, rows.Count);
        Assert.Equal(150L, rows.Digital[0]);
        Assert.Equal(300L, rows.Total[0]);
    }

    [Fact]
    public void TryParse_PlainVariants_AcceptedAndSameAsReference()
    {
        // Months 10-12 and day 01, a ticker with an inner space, one ticker on two dates (a time series, not a
        // duplicate), a row with a field beyond the header (ignored), flags in any case.
        string text = $"{Header},index_constituent,units\n"
            + "BRK B,2025-12-31,1.5,3,TRUE,10\n"
            + "A,2025-10-01,1,4,no,\n"
            + "A,2025-11-30,2,4,,2.5\n"
            + "~X~,2025-09-30,0,1,1,0,extra\n"
            + "OLD,0001-01-01,1,2,,9999999999999999999999999999\n";   // year 1; 28 digits still fit a decimal

        AssertSameAsReference(text, mustAccept: true);
    }

    [Fact]
    public void TryParse_LineLongerThanAChunk_LeavesEmptyChunksAndStillMatches()
    {
        // One 300 KB name: several chunk targets fall inside that line, so some chunks are empty.
        string text = $"{Header},name\nA,2025-09-30,1,2,{new string('n', 300_000)}\nB,2025-09-30,3,4,short\n";

        AssertSameAsReference(text, mustAccept: true);
    }

    [Fact]
    public void TryParse_ByteOrderMark_Skipped()
    {
        byte[] data = [.. "\uFEFF"u8, .. Encoding.UTF8.GetBytes($"{Header}\nA,2025-09-30,1,2\n")];

        var rows = FastSnapshotCsv.TryParse(data);

        Assert.NotNull(rows);
        Assert.Equal("A", Ticker(rows, 0));
    }

    [Theory]
    [InlineData("A,2025-09-30,\"1\",2")]           // quotes: the reference reader unescapes
    [InlineData("A,2025-09-30,1,2\na,2025-09-30,3,4")] // duplicate (ticker case-insensitive, same date)
    [InlineData("A,2025-09-30,-1,2")]              // negative
    [InlineData("A,2025-09-30,+1,2")]              // sign
    [InlineData("A,2025-09-30,1.005,2")]           // sub-cent: the universe keeps such rows on the domain path
    [InlineData("A,2025-09-30,1e3,2")]             // exponent
    [InlineData("A,2025-09-30, 1,2")]              // white space
    [InlineData("A,2025-02-30,1,2")]               // no such date
    [InlineData("A,2025-9-30,1,2")]                // not yyyy-MM-dd
    [InlineData("A,2025-09-30,,2")]                // digital assets missing
    [InlineData(",2025-09-30,1,2")]                // ticker missing
    [InlineData("A,2025-09-30,1,2\n\nB,2025-09-30,1,2")] // blank line
    [InlineData("A,2025-09-30,1,2\rB,2025-09-30,1,2")]   // lone carriage return
    [InlineData("Ä,2025-09-30,1,2")]               // non-ASCII ticker
    [InlineData("A,2025-09-30,90071992547409.92,1")] // 2^53 cents
    [InlineData("A,2025-09-30")]                   // short row: amounts missing
    [InlineData("A")]                              // short row: date missing
    [InlineData("A,2025/09-30,1,2")]               // one separator wrong
    [InlineData("A,2025-0a-30,1,2")]               // letter in the month
    [InlineData("XYZ,2025-09-30,1,2\nxyz,2025-09-30,3,4")] // duplicate, other letters
    public void TryParse_AnythingButThePlainGrammar_Declines(string body)
    {
        Assert.Null(Parse($"{Header}\n{body}\n"));
    }

    [Theory]
    [InlineData("ticker,as_of,digital_assets_usd")]                 // required column missing
    [InlineData("ticker,as_of,digital_assets_usd,total_assets_usd,ticker")] // repeated column
    [InlineData(" ticker,as_of,digital_assets_usd,total_assets_usd")] // padded name
    [InlineData("ticker,as_of,digital_assets_usd,total_assets_usd, index_constituent")] // padded optional name
    public void TryParse_UnusualHeader_Declines(string header)
    {
        Assert.Null(Parse($"{header}\nA,2025-09-30,1,2\n"));
    }

    [Theory]
    [InlineData("as_of,digital_assets_usd,total_assets_usd,ticker\n2025-09-30,1,2\n")]   // ticker column absent from the row
    [InlineData("ticker,digital_assets_usd,total_assets_usd,as_of\nA,1,2\n")]            // date column absent from the row
    public void TryParse_RequiredColumnLastAndMissingFromARow_Declines(string text)
    {
        Assert.Null(Parse(text));
    }

    [Fact]
    public void TryParse_CarriageReturnAsTheLastByte_Declines()
    {
        Assert.Null(Parse($"{Header}\nA,2025-09-30,1,2\r"));
    }

    [Theory]
    [InlineData("units", "1.2.3")]
    [InlineData("units", "99999999999999999999999999999")]   // 29 digits: beyond decimal
    [InlineData("shares_outstanding", "abc")]
    [InlineData("market_cap_usd", "-1")]
    public void TryParse_InvalidOptionalAmount_Declines(string column, string value)
    {
        Assert.Null(Parse($"{Header},{column}\nA,2025-09-30,1,2,{value}\n"));
    }

    [Fact]
    public void TryParse_HeaderOnly_Declines()
    {
        Assert.Null(Parse($"{Header}\n"));
    }

    [Fact]
    public void TryParse_LargeFileAcrossChunks_MatchesReference()
    {
        // ~1 MB: split into several chunks parsed on both cores; every row must land at its own index.
        var text = new StringBuilder(Header + ",name,index_constituent\n");
        for (int i = 0; i < 20_000; i++)
        {
            text.Append($"T{i:D6},2025-0{1 + (i % 9)}-1{i % 10},{i}.{i % 100:D2},{(i % 50 == 0 ? string.Empty : (i * 3L).ToString())},Name {i},{(i % 3 == 0 ? "true" : i % 3 == 1 ? "0" : string.Empty)}\n");
        }

        AssertSameAsReference(text.ToString(), mustAccept: true);
    }

    [Fact]
    public void TryParse_RandomFiles_WhenAcceptedMatchesReference()
    {
        int accepted = 0;
        Gen.Select(GenFile, Gen.Bool).Sample((file, crlf) =>
        {
            if (AssertSameAsReference(crlf ? file.Replace("\n", "\r\n") : file, mustAccept: false))
            {
                Interlocked.Increment(ref accepted);
            }
        }, iter: 3_000, threads: 1);

        // The property says something only if many files are accepted: the generator keeps most values plain.
        Assert.True(accepted > 1000, $"only {accepted} of 3,000 random files were accepted");
    }

    private static readonly string[] OptionalColumns = ["name", "index_constituent", "self_described_dat", "capital_raised_for_digital_assets", "units", "market_cap_usd", "source", "extra"];

    private static readonly string[] Tickers = ["T1", "T2", "T3", "t1", "T10", string.Empty, " T1", "Ä", "A\"B", "X"];

    private static readonly string[] Dates = ["2025-09-30", "2025-06-30", "2024-02-29", "2025-02-29", "2025-9-30", string.Empty, "0000-01-01"];

    private static readonly string[] OddAmounts = ["1.230", "1.005", "-1", "+5", "1e3", ".5", "5.", string.Empty, " 12", "0", "99999999999999999", "abc"];

    private static readonly string[] Flags = [string.Empty, "true", "TRUE", "yes", "0", "No", "maybe", " true"]; // the first 6 are valid

    private static readonly string[] Texts = ["Acme", string.Empty, "Acme Inc", "Ünïcode"];

    /// <summary>A file from a seed: the required columns and some optional ones in random order, 1-12 rows, mostly valid values.</summary>
    private static readonly Gen<string> GenFile = Gen.Int.Select(seed =>
    {
        var rng = new Random(seed);
        var columns = Header.Split(',').Concat(OptionalColumns.Where(_ => rng.Next(3) == 0)).OrderBy(_ => rng.Next()).ToArray();
        var lines = new List<string> { string.Join(",", columns) };
        int n = rng.Next(1, 13);
        for (int i = 0; i < n; i++)
        {
            lines.Add(string.Join(",", columns.Select(c => Value(c, i, rng))));
        }

        return string.Join("\n", lines) + (rng.Next(2) == 0 ? "\n" : string.Empty);
    });

    /// <summary>A value of a column for row <paramref name="i"/>: odd (maybe invalid) about one time in 40.</summary>
    private static string Value(string column, int i, Random rng) => column switch
    {
        "ticker" => rng.Next(40) == 0 ? Pick(Tickers, rng) : $"T{i}",
        "as_of" => rng.Next(40) == 0 ? Pick(Dates, rng) : Dates[rng.Next(2)],
        "digital_assets_usd" or "total_assets_usd" or "units" or "market_cap_usd" => rng.Next(40) switch
        {
            0 => Pick(OddAmounts, rng),
            < 10 => rng.NextInt64(0, 100_000_000_000).ToString(),
            < 20 => $"{rng.Next(0, 10_000)}.{rng.Next(0, 10)}",
            _ => $"{rng.NextInt64(0, 1_000_000_000)}.{rng.Next(0, 100):D2}",
        },
        "index_constituent" or "self_described_dat" or "capital_raised_for_digital_assets" => rng.Next(40) == 0 ? Pick(Flags, rng) : Flags[rng.Next(6)],
        _ => Pick(Texts, rng),
    };

    private static string Pick(string[] values, Random rng) => values[rng.Next(values.Length)];

    private static bool AssertSameAsReference(string text, bool mustAccept)
    {
        var fast = FastSnapshotCsv.TryParse(Encoding.UTF8.GetBytes(text));
        if (fast is null)
        {
            Assert.False(mustAccept, "the fast reader declined a plain file");
            return false;
        }

        var reference = new List<SnapshotRow>();
        try
        {
            SnapshotCsvReader.ReadRows(new StringReader(text), "test", false, reference.Add);
        }
        catch (InputException ex)
        {
            Assert.Fail($"the fast reader accepted a file the reference rejects ({ex.Errors[0]}):\n{text}");
        }

        Assert.Equal(reference.Count, fast.Count);
        for (int i = 0; i < reference.Count; i++)
        {
            var r = reference[i];
            Assert.Equal(r.Ticker, Ticker(fast, i));
            Assert.Equal(r.AsOf.ToDateOnly().DayNumber, fast.AsOfDay[i]);
            Assert.Equal(r.Digital * 100m, fast.Digital[i]);
            Assert.Equal(r.Total is { } t ? t * 100m : -1m, fast.Total[i]);
            Assert.Equal(Flag(r.Constituent), fast.Constituent[i]);
            Assert.Equal(Flag(r.SelfDescribed), fast.SelfDescribed[i]);
            Assert.Equal(Flag(r.CapitalRaised), fast.CapitalRaised[i]);
            Assert.Equal(r.AsOf.ToString("yyyy-MM-dd", null), Encoding.ASCII.GetString(fast.Data, fast.AsOfStart[i], 10));
        }

        return true;
    }

    private static byte Flag(bool? b) => b switch { true => 1, false => 2, null => 0 };

    private static FastSnapshotCsv.Rows? Parse(string text) => FastSnapshotCsv.TryParse(Encoding.UTF8.GetBytes(text));

    private static string Ticker(FastSnapshotCsv.Rows rows, int i) => Encoding.UTF8.GetString(rows.Data, rows.TickerStart[i], rows.TickerLength[i]);
}
