using DatRules.Data;
using DatRules.Policies;
using DatRules.Screening;
using NodaTime;

namespace DatRules.Data.Tests.Readme;

/// <summary>The README's "whole files" program, compiled here verbatim (ReadmeFrameTests keeps them in sync).</summary>
internal static class ReadmeFrameExample
{
    internal static (int Rows, int Known, int Dats, int Changes) Run(string path)
    {
        // snippet:start
        SnapshotFrame frame = SnapshotFrame.ReadCsv(path);
        SnapshotFrame known = frame.KnownOn(new LocalDate(2025, 10, 10));   // latest balance sheet per issuer filed by then
        Universe universe = known.ToUniverse();
        PolicyScreening screening = new ScreeningEngine().Screen(universe, BuiltInPolicies.MsciDatProposal);
        RuleChangeReport change = RuleChange.Compare(universe, BuiltInPolicies.MsciBaseline, BuiltInPolicies.MsciDatProposal);
        Console.WriteLine($"{known.Count} of {frame.Count} balance sheets known; {screening.DatCount} DAT; {change.Changes.Count} change");
        foreach (string note in known.SelectionNotes)
        {
            Console.WriteLine(note);
        }
        // snippet:end
        return (frame.Count, known.Count, screening.DatCount, change.Changes.Count);
    }
}
