using System.CommandLine;
using System.Globalization;
using DatRules.Classification;
using DatRules.Cli.Output;

namespace DatRules.Cli.Commands;

/// <summary><c>datrules screen</c>: classifies every company of a dataset.</summary>
internal static class ScreenCommand
{
    public static Command Create(CliContext ctx)
    {
        var selection = new PolicySelection();
        var input = CommonOptions.Input();
        var format = CommonOptions.Format();
        var skipInvalid = CommonOptions.SkipInvalid();
        var threshold = new Option<decimal?>("--threshold", "-t")
        {
            Description = "Threshold in percent of total assets (inclusive, >=). Default: MSCI's 50.",
        };

        var noReasons = new Option<bool>("--no-reasons")
        {
            Description = "CSV only: omit the estimate and reasons columns (ticker,as_of,classification,digital_asset_ratio[,policy,action]); fastest for large files.",
        };
        var command = new Command("screen", "Classify each company as an operating company or a digital-asset treasury (DAT).")
        {
            input, threshold, format, skipInvalid, noReasons,
        };
        selection.AddTo(command);

        command.SetAction(parse =>
        {
            decimal? pct = parse.GetValue(threshold);
            if (pct is { } p && (p <= 0m || p > 100m))
            {
                throw new UsageException(string.Create(CultureInfo.InvariantCulture, $"--threshold must be in (0, 100] percent; was {p}."));
            }

            var policy = selection.Resolve(parse, ctx.Clock);
            if (policy is not null && pct is not null)
            {
                throw new UsageException("--threshold cannot be combined with a policy; the policy sets its own threshold.");
            }

            var classifier = pct is { } t
                ? new DatClassifier(RatioThreshold.AtLeast(t), string.Create(CultureInfo.InvariantCulture, $"Custom DAT test (digital assets >= {t}% of total assets)"))
                : DatClassifier.Msci;
            if (parse.GetValue(format) == OutputFormat.Csv)
            {
                ColumnarScreen.Run(parse.GetValue(input), parse.GetValue(skipInvalid), policy, classifier, !parse.GetValue(noReasons), ctx);
                return ExitCodes.Ok;
            }

            var snapshots = InputLoader.Load(parse.GetValue(input), parse.GetValue(skipInvalid), ctx);
            if (policy is not null)
            {
                var decisions = snapshots.Select(s => ScreenRow.From(policy.Evaluate(s))).ToList();
                ScreenWriter.Write(decisions, parse.GetValue(format), ctx.Out, $"DAT screen under {policy.Id} ({policy.Provider}, {policy.Status}, effective {policy.EffectiveOn:yyyy-MM-dd})");
                return ExitCodes.Ok;
            }

            var rows = snapshots.Select(s => ScreenRow.From(classifier.Classify(s))).ToList();
            ScreenWriter.Write(rows, parse.GetValue(format), ctx.Out, $"DAT screen: {classifier.RuleName}");
            return ExitCodes.Ok;
        });

        return command;
    }
}
