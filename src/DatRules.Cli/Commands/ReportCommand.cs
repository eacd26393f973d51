using System.CommandLine;
using System.Globalization;
using DatRules.Policies;

namespace DatRules.Cli.Commands;

/// <summary>
/// <c>datrules report --out report.html</c>: the screen of <c>screen</c> (the same options) as one self-contained HTML
/// page for people (<see cref="HtmlReport"/>), with each issuer's headroom and, with <c>--vs-policy</c>, what changes
/// under a second policy.
/// </summary>
internal static class ReportCommand
{
    public static Command Create(CliContext ctx)
    {
        var options = new ScreenOptions();
        var output = new Option<FileInfo>("--out", "-o")
        {
            Description = "The HTML file to write (atomically: a failed run leaves an old file as it was).",
            Required = true,
        };
        var vsPolicy = new Option<string?>("--vs-policy")
        {
            Description = "Id of a second policy (catalog or --policy-file): the report adds every issuer whose classification or action changes under it, and why.",
            HelpName = "id",
        };
        var title = new Option<string?>("--title") { Description = "The page's title (default: DAT screen report)." };
        var command = new Command("report", "Write the screen as one self-contained HTML page: the policy and its source, a chart, a sortable table, headroom, and what changes under --vs-policy.")
        {
            output, vsPolicy, title,
        };
        options.AddTo(command);
        command.SetAction(parse =>
        {
            var target = parse.GetValue(output)!;
            IndexPolicy? vs = null;
            if (parse.GetValue(vsPolicy) is { } vsId)
            {
                vs = PolicySelection.Catalog(parse.GetValue(options.Selection.PolicyFile)).Catalog.Get(vsId);
            }

            var (frame, screen) = options.Run(parse, ctx, target, noteToday: true, unread: null);
            if (vs is not null && screen.Policy is null)
            {
                throw new UsageException("--vs-policy compares with the policy in force: give it with --policy, --provider or --date.");
            }

            var report = new HtmlReport(screen)
            {
                Title = parse.GetValue(title) ?? "DAT screen report",
                DataSource = parse.GetValue(options.Input) is { } input ? (input.ToString() == "-" ? "standard input" : input.Name) : "the embedded dataset (docs/data.md)",
                Headroom = [.. frame.Headroom(screen.RatioTestThreshold)],
                Comparison = vs is null ? null : RuleChange.Compare(frame.ToUniverse(), screen.Policy!, vs),
                Notes = [.. frame.SelectionNotes],
            };
            report.Write(target.FullName);
            ctx.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"wrote {target}: {Data.Plural.Of(screen.Count, "balance sheet", "balance sheets")}{(report.Comparison is { } c ? $", {c.Changes.Count} changing under {c.To.Id}" : string.Empty)}"));
            if (screen.StaleWarning is { } stale)
            {
                ctx.Error.WriteLine("warning: " + stale);
            }

            ScreenOptions.PrintNotes(frame, ctx.Error);
            return ExitCodes.Ok;
        });

        return command;
    }
}
