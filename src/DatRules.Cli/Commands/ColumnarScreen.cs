using System.Globalization;
using DatRules.Classification;
using DatRules.Cli.Input;
using DatRules.Issuers;
using DatRules.Policies;
using DatRules.Screening;
using nietras.SeparatedValues;

namespace DatRules.Cli.Commands;

/// <summary>
/// The CSV path of <c>screen</c>: rows stream from the CSV into a columnar <see cref="Universe"/>, the
/// <see cref="ScreeningEngine"/> classifies them, and results stream out. Same answers as the domain path
/// (the engine's equivalence is property-tested); reasons are rebuilt per row only when asked for.
/// </summary>
internal static class ColumnarScreen
{
    /// <summary>Screens a CSV file (or the embedded dataset) and writes CSV rows.</summary>
    /// <param name="input">The file, or <see langword="null"/> for the embedded dataset.</param>
    /// <param name="skipInvalid">Skip invalid rows (with a warning each) instead of failing.</param>
    /// <param name="policy">The policy, or <see langword="null"/> for a plain classification.</param>
    /// <param name="classifier">The classifier when there is no policy.</param>
    /// <param name="withReasons">Whether to write the estimate and reasons columns.</param>
    /// <param name="ctx">Where to write.</param>
    /// <param name="fastPath">Whether a plain file may take <see cref="TryRunFast"/> (tests turn it off to compare the two).</param>
    /// <returns>Whether the fast path wrote the output.</returns>
    public static bool Run(FileInfo? input, bool skipInvalid, IndexPolicy? policy, DatClassifier classifier, bool withReasons, CliContext ctx, bool fastPath = true)
    {
        if (fastPath && input is { Exists: true, Length: < int.MaxValue } && !withReasons && TryRunFast(input, policy, classifier, ctx))
        {
            return true;
        }

        var builder = new UniverseBuilder();
        var estimates = new List<string[]>();
        var provenances = new List<Provenance?>();
        void Sink(SnapshotRow r)
        {
            builder.Add(r.Ticker, r.AsOf, r.Digital, r.Total, r.Constituent, r.SelfDescribed, r.CapitalRaised);
            estimates.Add(r.EstimatedFields);
            provenances.Add(r.Provenance);
        }

        if (input is null)
        {
            using var stream = typeof(EmbeddedDataset).Assembly.GetManifestResourceStream(EmbeddedDataset.ResourceName)!;
            using var text = new StreamReader(stream);
            SnapshotCsvReader.ReadRows(text, "embedded dataset", false, Sink);
        }
        else
        {
            if (!input.Exists)
            {
                throw new InputException(input.FullName, [new InputError(0, null, "file not found")]);
            }

            using var text = new StreamReader(input.FullName, new FileStreamOptions { BufferSize = 1 << 16 });
            // ~50 bytes a row in a minimal file: presize the duplicate index instead of growing it 20 times.
            int expected = (int)Math.Min(input.Length / 40, 50_000_000);
            foreach (var skipped in SnapshotCsvReader.ReadRows(text, input.Name, skipInvalid, Sink, expected))
            {
                ctx.Error.WriteLine($"warning: {input.Name}: skipped {skipped}");
            }
        }

        var universe = builder.Build();
        var screenPolicy = policy ?? ClassificationOnly(classifier);
        var screening = new ScreeningEngine().Screen(universe, screenPolicy);

        bool withProvenance = provenances.Exists(p => p is not null);
        using var writer = Sep.New(',').Writer(o => o with { Escape = true }).To(ctx.Out, leaveOpen: true);
        Span<char> date = stackalloc char[10];
        for (int i = 0; i < universe.Count; i++)
        {
            using var row = writer.NewRow();
            row["ticker"].Set(universe.TickerAt(i));
            universe.AsOfAt(i).ToDateOnly().TryFormat(date, out _, "yyyy-MM-dd", CultureInfo.InvariantCulture);
            row["as_of"].Set(date);
            row["classification"].Set(Name(screening.ClassificationAt(i)));
            if (Output.ScreenWriter.RoundedRatio(universe.RatioAt(i)) is { } ratio)
            {
                row["digital_asset_ratio"].Format(ratio);
            }
            else
            {
                row["digital_asset_ratio"].Set(string.Empty);
            }

            if (policy is not null)
            {
                row["policy"].Set(policy.Id);
                row["action"].Set(screening.ActionAt(i)?.ToString() ?? Describe(screening, i));
            }

            if (withProvenance)
            {
                Output.ScreenWriter.SetProvenanceColumns(row, provenances[i]);
            }

            if (withReasons)
            {
                var fields = estimates[i];
                row["estimate"].Set(fields.Any(f => Output.ScreenRow.RatioInputs.Contains(f)) ? "true" : "false");
                var snapshot = WithEstimates(universe.SnapshotAt(i), fields, provenances[i]);
                var reasons = policy is null ? classifier.Classify(snapshot).Reasons : policy.Evaluate(snapshot).Reasons;
                row["reasons"].Set(string.Join(" | ", reasons));
            }
        }

        return false;
    }

    /// <summary>
    /// The minimal CSV (no reasons) of a plain file: bytes parsed on every core into columns (<see cref="FastSnapshotCsv"/>),
    /// the universe built from integer cents, formatted on every core (<see cref="Output.FastCsvWriter"/>).
    /// Returns <see langword="false"/> (nothing written) where the file is not plain or not valid: the general path decides.
    /// </summary>
    private static bool TryRunFast(FileInfo input, IndexPolicy? policy, DatClassifier classifier, CliContext ctx)
    {
        byte[] data = File.ReadAllBytes(input.FullName);
        if (FastSnapshotCsv.TryParse(data) is not { } rows)
        {
            return false;
        }

        var u = ToUniverse(rows);
        var screening = new ScreeningEngine().Screen(u, policy ?? ClassificationOnly(classifier));
        Output.FastCsvWriter.Write(rows, screening, policy, ctx.WriteUtf8);
        return true;
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private static Universe ToUniverse(FastSnapshotCsv.Rows rows)
    {
        var builder = new UniverseBuilder(capacity: rows.Count);
        // Files repeat a few balance-sheet dates: each distinct date is converted once.
        var dates = new Dictionary<int, NodaTime.LocalDate>();
        for (int i = 0; i < rows.Count; i++)
        {
            int day = rows.AsOfDay[i];
            if (!dates.TryGetValue(day, out var date))
            {
                date = NodaTime.LocalDate.FromDateOnly(DateOnly.FromDayNumber(day));
                dates[day] = date;
            }

            builder.AddScaledUtf8(
                rows.Data.AsSpan(rows.TickerStart[i], rows.TickerLength[i]),
                date,
                rows.Digital[i],
                rows.Total[i] < 0 ? null : rows.Total[i],
                Flag(rows.Constituent[i]),
                Flag(rows.SelfDescribed[i]),
                Flag(rows.CapitalRaised[i]));
        }

        return builder.Build();
    }

    private static bool? Flag(byte b) => b switch { 1 => true, 2 => false, _ => null };

    private static string Describe(PolicyScreening s, int i) => s.Explain(i) is { } d ? RuleChange.Describe(d) : "unknown";

    private static string Name(DatClassification c) => c switch
    {
        DatClassification.DigitalAssetTreasury => nameof(DatClassification.DigitalAssetTreasury),
        DatClassification.OperatingCompany => nameof(DatClassification.OperatingCompany),
        _ => nameof(DatClassification.Indeterminate),
    };

    private static IssuerSnapshot WithEstimates(IssuerSnapshot s, string[] fields, Provenance? provenance) => fields.Length == 0 && provenance is null ? s
        : new IssuerSnapshot(s.Issuer, s.AsOf, s.TotalAssets, s.Holdings, s.Currency)
        {
            IsIndexConstituent = s.IsIndexConstituent,
            SelfDescribedDat = s.SelfDescribedDat,
            CapitalRaisedPrimarilyForDigitalAssets = s.CapitalRaisedPrimarilyForDigitalAssets,
            EstimatedFields = fields,
            Provenance = provenance,
        };

    /// <summary>A policy with the classifier's threshold and no action: the engine's form of a plain classification.</summary>
    private static IndexPolicy ClassificationOnly(DatClassifier classifier) => IndexPolicy.CreateBuilder("classification")
        .For(new IndexProvider("none"), "classification only")
        .Dated(LocalDateMin, LocalDateMin)
        .WithRatioThreshold(classifier.Threshold)
        .OnMatch(PolicyAction.None, PolicyAction.None)
        .CitedFrom(new PolicySource(classifier.RuleName, "DatRules", LocalDateMin))
        .Build();

    private static NodaTime.LocalDate LocalDateMin => NodaTime.LocalDate.MinIsoValue;
}
