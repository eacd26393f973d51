using DatRules.Data;
using DatRules.Policies;
using NodaTime;

namespace DatRules.Data.Tests.Readme;

/// <summary>docs/report.md's program, compiled here verbatim (ReportDocTests keeps them in sync).</summary>
internal static class ReportDocExample
{
    internal static (int Rows, int Changes) Run(string path, string output)
    {
        // snippet:start
        SnapshotFrame frame = SnapshotFrame.ReadCsv(path);
        ScreenReport screen = ScreenReport.Create(frame, BuiltInPolicies.MsciDatFreeze).WithAge(new LocalDate(2026, 3, 2));
        RuleChangeReport change = RuleChange.Compare(frame.ToUniverse(), BuiltInPolicies.MsciDatFreeze, BuiltInPolicies.MsciDatProposal);
        var report = new HtmlReport(screen)
        {
            DataSource = path,
            Headroom = [.. frame.Headroom(screen.RatioTestThreshold)],
            Comparison = change,
        };
        report.Write(output);   // atomically: a temporary file, renamed when complete
        Console.WriteLine($"{screen.Count} rows; {change.Changes.Count} change under {change.To.Id}");
        // snippet:end
        return (screen.Count, change.Changes.Count);
    }
}
