using System.CommandLine;
using System.Globalization;
using DatRules.Sec;
using DatRules.Sec.Concepts;
using DatRules.Sec.Edgar;

namespace DatRules.Cli.Commands;

/// <summary>
/// <c>datrules fetch sec</c>: tickers to a snapshot CSV, fetched from EDGAR's JSON APIs (company_tickers.json, then each
/// filer's companyfacts) by <see cref="EdgarSnapshotFetcher"/>; written as <c>import sec</c> writes.
/// </summary>
internal static class FetchCommand
{
    public static Command Create(CliContext ctx)
    {
        var tickers = new Option<string[]>("--tickers") { Description = "Tickers, comma-separated or repeated (e.g. MSTR,MARA); resolved through the SEC's company_tickers.json.", AllowMultipleArgumentsPerToken = true, Required = true };
        var userAgent = new Option<string?>("--user-agent") { Description = $"Who is asking, as the SEC requires: your name and e-mail address (e.g. \"Jane Doe jane@example.com\"). Default: ${EdgarClientOptions.UserAgentVariable}." };
        var output = new Option<FileInfo?>("--out", "-o") { Description = "Snapshot CSV to write. Default: standard output." };
        var cache = new Option<DirectoryInfo?>("--cache") { Description = "Folder of the disk cache: what is fetched is kept and revalidated (ETag, If-Modified-Since) next time." };
        var offline = new Option<bool>("--offline") { Description = "Answer from --cache alone; send nothing." };
        var baseUrl = new Option<string?>("--sec-base-url") { Description = $"One base URL serving files/company_tickers.json, submissions/ and api/xbrl/companyfacts/ (a mirror). Default: ${EdgarClientOptions.BaseUrlVariable}, else the SEC's hosts." };
        var missing = new Option<MissingDigitalAssetFact>("--no-crypto-fact")
        {
            Description = "A balance sheet with total assets but no mapped crypto fact: Zero (digital assets taken as zero, said in the source column) or Indeterminate (not written; listed on stderr).",
            DefaultValueFactory = _ => MissingDigitalAssetFact.Zero,
        };
        var sec = new Command("sec", "Fetch the companyfacts of these tickers from SEC EDGAR into a snapshot CSV (as import sec writes), under the SEC's fair-access rules.")
        {
            tickers, userAgent, output, cache, offline, baseUrl, missing,
        };
        sec.SetAction(parse =>
        {
            // No input file to protect: what is read comes over HTTP or from --cache's own files.
            var target = parse.GetValue(output);
            string? url = parse.GetValue(baseUrl) ?? Environment.GetEnvironmentVariable(EdgarClientOptions.BaseUrlVariable);
            Uri? baseAddress = null;
            if (!string.IsNullOrWhiteSpace(url) && !Uri.TryCreate(url, UriKind.Absolute, out baseAddress))
            {
                throw new UsageException($"--sec-base-url: '{url}' is not an absolute URL.");
            }

            if (parse.GetValue(offline) && parse.GetValue(cache) is null)
            {
                throw new UsageException("--offline answers from the cache: give --cache DIR.");
            }

            var options = new EdgarClientOptions
            {
                UserAgent = parse.GetValue(userAgent) ?? Environment.GetEnvironmentVariable(EdgarClientOptions.UserAgentVariable),
                BaseAddress = baseAddress,
                CacheDirectory = parse.GetValue(cache)?.FullName,
                Offline = parse.GetValue(offline),
            };
            var asked = (parse.GetValue(tickers) ?? []).SelectMany(t => t.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)).ToList();
            if (asked.Count == 0)
            {
                throw new UsageException("--tickers: give at least one ticker (e.g. --tickers MSTR,MARA).");
            }

            EdgarFetchResult result;
            try
            {
                var map = SecConceptMap.Default.ToBuilder().WhenNoDigitalAssetFact(parse.GetValue(missing)).Build();
                using var fetcher = EdgarSnapshotFetcher.Create(options);
                result = fetcher.FetchAsync(asked, map, new Lines(ctx.Error)).GetAwaiter().GetResult();
            }
            catch (Exception ex) when (ex is EdgarException or SecDataException or ArgumentException)
            {
                throw new UsageException(ex.Message);
            }

            var import = result.Import;
            foreach (var issue in import.Indeterminate.Concat(import.WithoutTotalAssets))
            {
                ctx.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"note: CIK {issue.Cik} {issue.EntityName} {issue.Accession} as of {issue.End:yyyy-MM-dd}: {issue.Reason}"));
            }

            SnapshotOutput.Write(ctx, import.Snapshots, target);

            string summary = string.Create(
                CultureInfo.InvariantCulture,
                $"fetched {(import.Snapshots.Length == 0 ? "0 rows (header only): " : string.Empty)}{import.Snapshots.Length} balance sheet{(import.Snapshots.Length == 1 ? string.Empty : "s")} of {result.Companies.Length} compan{(result.Companies.Length == 1 ? "y" : "ies")} ({import.Indeterminate.Length} indeterminate; {import.WithoutTotalAssets.Length} without total assets; {result.WithoutCompanyFacts.Length} without companyfacts){(target is null ? string.Empty : " to " + target.Name)}.");
            (target is null ? ctx.Error : ctx.Out).WriteLine(summary);
            return ExitCodes.Ok;
        });

        return new Command("fetch", "Fetch data from public sources (SEC EDGAR) into snapshot CSVs.") { sec };
    }

    /// <summary>Progress: one line per document on standard error, as it comes (from several threads).</summary>
    private sealed class Lines(TextWriter error) : IProgress<string>
    {
        public void Report(string value)
        {
            lock (this)
            {
                error.WriteLine("fetch: " + value);
            }
        }
    }
}
