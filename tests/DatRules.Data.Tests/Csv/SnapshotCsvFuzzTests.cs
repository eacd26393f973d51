using System.Globalization;
using System.Text;
using CsCheck;
using DatRules.Data;

namespace DatRules.Data.Tests.Csv;

/// <summary>
/// Fuzzing of the snapshot CSV reader (issue 14) with generated inputs, for a fixed time budget in every test run (CI
/// included): edits of a valid file with the characters that break CSVs (quotes, commas, line ends, BOMs, invalid
/// UTF-8, control characters, signs, long digit runs). Invariant: the read succeeds with every data record accounted
/// for, or an <see cref="InputException"/> names a line for every error; never another exception, never fewer rows.
/// </summary>
/// <remarks>
/// The budget is <c>DATRULES_FUZZ_SECONDS</c> (default 3), as for the JSON readers. What it found is pinned through
/// <c>screen</c> in DatRules.Cli.Tests (Commands/SnapshotCsvFuzzFindingsTests).
/// </remarks>
public class SnapshotCsvFuzzTests
{
    private const string Valid =
        "ticker,name,as_of,digital_assets_usd,total_assets_usd,units,index_constituent,filed,accession,currency,cash_and_equivalents,revenue_quarter\n"
        + "MSTR,\"Strategy, Inc\",2025-09-30,73205725000,73619038000,640031,true,2025-11-03,0001193125-25-262568,USD,54285000,128690000\n"
        + "RIOT,Riot Platforms,2025-09-30,2200029516,4479000000,19287,,,,,,\n"
        + "X,\"multi\nline\",2025-06-30,1.5,3,,false,2025-08-01,,JPY,0,-7\n";

    private static readonly string[] Tokens =
    [
        "\"", ",", "\n", "\r\n", "\r", "\uFEFF", "\u0000", "\u001b[31m", "=", "-", "+", "@", ".", "1", "0", "9999999999999999999999999999",
        "79228162514264337593543950336", "2025-02-30", "0001-01-01", "true", "yes", " ", "\t", "\u00e9", "\ud83d\ude00", "CIK", "e5",
    ];

    private static int Seconds => int.TryParse(Environment.GetEnvironmentVariable("DATRULES_FUZZ_SECONDS"), CultureInfo.InvariantCulture, out int s) && s > 0 ? s : 3;

    private static readonly Gen<byte[]> Files =
        Gen.Select(Gen.Int[0, Valid.Length], Gen.Int[0, 12], Gen.Int[0, 2], Gen.OneOf(Gen.OneOf(Tokens), Gen.Char.Select(c => c.ToString()))).Array[1, 6]
            .Select(Gen.Bool, (edits, invalidUtf8) =>
            {
                byte[] bytes = Encoding.UTF8.GetBytes(TextEdits.Apply(Valid, edits));
                if (invalidUtf8 && bytes.Length > 0)
                {
                    bytes[bytes.Length / 2] = 0xFF;
                }

                return bytes;
            });

    [Fact]
    public void Read_GeneratedFiles_AccountsForEveryRowOrNamesTheLine() =>
        Files.Sample(bytes =>
        {
            try
            {
                var result = SnapshotCsvReader.Read(new MemoryStream(bytes), "fuzz.csv");

                // Rows in = records after the header; without any quote a record is a non-blank line.
                string text = Encoding.UTF8.GetString(bytes);
                if (!text.Contains('"', StringComparison.Ordinal))
                {
                    int records = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n', '\r').Skip(1).Count(l => l.Trim('\uFEFF').Length > 0);
                    Assert.True(result.Table.Count + result.Skipped.Count == records, $"{records} records in, {result.Table.Count} rows out");
                }

                _ = result.Table.ToSnapshots();
            }
            catch (InputException e)
            {
                Assert.NotEmpty(e.Errors);
                Assert.All(e.Errors, error => Assert.False(string.IsNullOrWhiteSpace(error.Message)));
            }
        }, iter: long.MaxValue, time: Seconds);
}
