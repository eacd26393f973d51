using System.CommandLine;
using System.Globalization;
using DatRules.Sec;
using DatRules.Sec.Concepts;
using DatRules.Sec.Import;

namespace DatRules.Cli.Commands;

/// <summary>
/// <c>datrules import sec</c>: SEC XBRL data (Financial Statement Data Sets archives, companyfacts and frames files)
/// to a snapshot CSV with provenance columns, which <c>screen --input</c> reads.
/// </summary>
internal static class ImportCommand
{
    public static Command Create(CliContext ctx)
    {
        var fsds = new Option<FileInfo[]>("--fsds") { Description = "Financial Statement Data Sets quarterly zip (sub.txt, num.txt); repeatable.", AllowMultipleArgumentsPerToken = true };
        var companyFacts = new Option<FileSystemInfo[]>("--companyfacts") { Description = "SEC companyfacts JSON file (CIK##########.json) or a directory of them; repeatable.", AllowMultipleArgumentsPerToken = true };
        var frames = new Option<FileInfo[]>("--frames") { Description = "SEC frames JSON file (one concept, one instant period); repeatable.", AllowMultipleArgumentsPerToken = true };
        var tickers = new Option<FileInfo?>("--tickers") { Description = "SEC company_tickers.json: tickers by CIK (default ticker: CIK + 10 digits)." };
        var missing = new Option<MissingDigitalAssetFact>("--no-crypto-fact")
        {
            Description = "A balance sheet with total assets but no mapped crypto fact: Zero (digital assets taken as zero, said in the source column) or Indeterminate (not written; listed on stderr).",
            DefaultValueFactory = _ => MissingDigitalAssetFact.Zero,
        };
        var output = new Option<FileInfo?>("--out", "-o") { Description = "Snapshot CSV to write. Default: standard output." };
        var sec = new Command("sec", "Import SEC XBRL data into a snapshot CSV with filing provenance (cik, filed, accession, form).")
        {
            fsds, companyFacts, frames, tickers, missing, output,
        };
        sec.SetAction(parse =>
        {
            var zips = parse.GetValue(fsds) ?? [];
            var facts = parse.GetValue(companyFacts) ?? [];
            var frameFiles = parse.GetValue(frames) ?? [];
            if (zips.Length + facts.Length + frameFiles.Length == 0)
            {
                throw new UsageException("Nothing to import: give --fsds, --companyfacts or --frames (docs/sec-data.md says how to download them from EDGAR).");
            }

            var target = parse.GetValue(output);
            SnapshotOutput.RefuseInput(
                target,
                [
                    .. zips.Select(z => ("--fsds", (FileSystemInfo)z)),
                    .. facts.Select(f => ("--companyfacts", f)),
                    .. frameFiles.Select(f => ("--frames", (FileSystemInfo)f)),
                    .. parse.GetValue(tickers) is { } tickerFile ? [("--tickers", (FileSystemInfo)tickerFile)] : Array.Empty<(string, FileSystemInfo)>(),
                ]);

            try
            {
                var map = SecConceptMap.Default.ToBuilder().WhenNoDigitalAssetFact(parse.GetValue(missing)).Build();
                var tickerMap = parse.GetValue(tickers) is { } t ? ReadTickers(t) : null;
                var importer = new SecImporter(map, tickerMap);
                var progress = new ProgressBar(ctx.Error);
                foreach (var zip in zips)
                {
                    using var stream = OpenFile(zip);
                    importer.AddFinancialStatementDataSets(stream, zip.Name, progress.For(zip.Name));
                    progress.Done();
                }

                var jsonFiles = ExpandCompanyFacts(facts);
                for (int i = 0; i < jsonFiles.Count; i++)
                {
                    using var stream = OpenFile(jsonFiles[i]);
                    importer.AddCompanyFacts(stream, jsonFiles[i].Name);
                    progress.Step("companyfacts", i + 1, jsonFiles.Count);
                }

                foreach (var f in frameFiles)
                {
                    using var stream = OpenFile(f);
                    importer.AddFrames(stream, f.Name);
                }

                progress.Done();
                var result = importer.Build();
                foreach (var issue in result.Indeterminate.Concat(result.WithoutTotalAssets))
                {
                    ctx.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"note: CIK {issue.Cik} {issue.EntityName} {issue.Accession} as of {issue.End:yyyy-MM-dd}: {issue.Reason}"));
                }

                SnapshotOutput.Write(ctx, result.Snapshots, target);

                int filers = result.Snapshots.Select(s => s.Provenance!.Cik).Distinct().Count();
                string summary = string.Create(
                    CultureInfo.InvariantCulture,
                    $"imported {(result.Snapshots.Length == 0 ? "0 rows (header only): " : string.Empty)}{Count(result.Snapshots.Length, "balance sheet")} of {Count(filers, "filer")} ({Count(result.FactsRead, "fact")}; {result.Indeterminate.Length} indeterminate; {result.WithoutTotalAssets.Length} without total assets){(target is null ? string.Empty : " to " + target.Name)}.");

                // With --out the summary is the command's output; without, standard output is the CSV and the summary a note.
                (target is null ? ctx.Error : ctx.Out).WriteLine(summary);
                return ExitCodes.Ok;
            }
            catch (SecDataException ex)
            {
                throw new UsageException(ex.Message);
            }
        });

        return new Command("import", "Import data from public sources (SEC EDGAR XBRL) into snapshot CSVs.") { sec };
    }

    private static string Count(long n, string noun) => string.Create(CultureInfo.InvariantCulture, $"{n} {noun}{(n == 1 ? string.Empty : "s")}");

    private static SecTickerMap ReadTickers(FileInfo file)
    {
        using var stream = OpenFile(file);
        return SecTickerMap.Read(stream, file.Name);
    }

    private static List<FileInfo> ExpandCompanyFacts(FileSystemInfo[] items)
    {
        var files = new List<FileInfo>();
        foreach (var item in items)
        {
            if (item is DirectoryInfo || Directory.Exists(item.FullName))
            {
                var dir = new DirectoryInfo(item.FullName);
                files.AddRange(dir.EnumerateFiles("*.json").OrderBy(f => f.Name, StringComparer.Ordinal));
            }
            else
            {
                files.Add(new FileInfo(item.FullName));
            }
        }

        return files;
    }

    private static FileStream OpenFile(FileSystemInfo file) =>
        File.Exists(file.FullName)
            ? new FileStream(file.FullName, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16)
            : throw new UsageException($"{file.FullName}: file not found.");

    /// <summary>Progress on standard error: a bar on a terminal, nothing when redirected (logs stay clean).</summary>
    private sealed class ProgressBar(TextWriter error)
    {
        private readonly bool _terminal = ReferenceEquals(error, Console.Error) && !Console.IsErrorRedirected;
        private bool _drawn;

        public IProgress<double>? For(string name) => _terminal ? new Progress(this, name) : null;

        public void Step(string what, int done, int total)
        {
            if (_terminal && total > 1)
            {
                Draw($"{what} {done}/{total}", (double)done / total);
            }
        }

        public void Done()
        {
            if (_drawn)
            {
                error.WriteLine();
                _drawn = false;
            }
        }

        private void Draw(string label, double fraction)
        {
            int filled = (int)Math.Round(Math.Clamp(fraction, 0, 1) * 30);
            error.Write(string.Create(CultureInfo.InvariantCulture, $"\r[{new string('#', filled)}{new string(' ', 30 - filled)}] {fraction * 100,5:0.0}% {label}"));
            _drawn = true;
        }

        private sealed class Progress(ProgressBar bar, string name) : IProgress<double>
        {
            public void Report(double value) => bar.Draw(name, value);
        }
    }
}
