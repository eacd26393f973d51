using DatRules.Data;
using DatRules.Policies;
using DatRules.Screening;

namespace DatRules.Benchmarks;

/// <summary>
/// The two process-level peers of <c>datrules screen</c> in benchmarks/scripts/library-vs-cli.sh: issue 21's library path
/// (what an app referencing the packages does) and a program that only starts .NET and reads the file once.
/// </summary>
public static class LibraryPath
{
    /// <summary>Reads a snapshot CSV, builds the universe and screens it by MSCI's 50% test (the snippet, as `datrules screen` classifies); prints the DAT count.</summary>
    /// <param name="path">The CSV.</param>
    /// <returns>The number of DATs.</returns>
    public static int Screen(string path)
    {
        // As the datrules tool does, and as docs/benchmarks.md advises an app that reads large files: 2 MB pages for the heap.
        HugePages.AdviseGCHeap();
        SnapshotFrame frame = SnapshotFrame.ReadCsv(path);
        Universe universe = frame.ToUniverse();
        PolicyScreening s = new ScreeningEngine().Screen(universe, IndexPolicy.ClassificationOnly(Classification.RatioThreshold.Msci, "MSCI DAT test"));
        Console.WriteLine($"{frame.Count} rows, {s.DatCount} DAT");
        return s.DatCount;
    }

    /// <summary>Reads the file once, in 1 MB blocks, and prints its line count: the floor of any reader.</summary>
    /// <param name="path">The file.</param>
    /// <returns>The number of line feeds.</returns>
    public static long Read(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        var buffer = new byte[1 << 20];
        long lines = 0;
        int n;
        while ((n = stream.Read(buffer)) > 0)
        {
            lines += buffer.AsSpan(0, n).Count((byte)'\n');
        }

        Console.WriteLine($"{lines} lines");
        return lines;
    }

    /// <summary>Times read, universe, screen and CSV writing three times in one process: the first round pays the JIT.</summary>
    /// <param name="path">The CSV.</param>
    /// <param name="rounds">The rounds (the best of rounds 2 on is printed too).</param>
    public static void Phases(string path, int rounds = 3)
    {
        long[] best = [long.MaxValue, long.MaxValue, long.MaxValue, long.MaxValue];
        for (int round = 1; round <= rounds; round++)
        {
            long a0 = GC.GetTotalAllocatedBytes(true);
            var sw = System.Diagnostics.Stopwatch.StartNew();
            var frame = SnapshotFrame.ReadCsv(path);
            long read = sw.ElapsedMilliseconds;
            long a1 = GC.GetTotalAllocatedBytes(true);
            var universe = frame.ToUniverse();
            long build = sw.ElapsedMilliseconds - read;
            var screening = new ScreeningEngine().Screen(universe, IndexPolicy.ClassificationOnly(Classification.RatioThreshold.Msci, "MSCI DAT test"));
            long screen = sw.ElapsedMilliseconds - read - build;
            long a2 = GC.GetTotalAllocatedBytes(true);
            ScreenReport.Classify(frame).WriteCsv(Stream.Null, withReasons: false);
            long write = sw.ElapsedMilliseconds - read - build - screen;
            long a3 = GC.GetTotalAllocatedBytes(true);
            Console.WriteLine($"round {round}: read {read} ms ({(a1 - a0) >> 20} MB allocated), universe {build} ms, screen {screen} ms ({screening.DatCount} DAT; {(a2 - a1) >> 20} MB), csv --no-reasons {write} ms ({(a3 - a2) >> 20} MB)");
            if (round > 1)
            {
                best = [Math.Min(best[0], read), Math.Min(best[1], build), Math.Min(best[2], screen), Math.Min(best[3], write)];
            }
        }

        if (rounds > 1)
        {
            Console.WriteLine($"best of rounds 2-{rounds}: read {best[0]} ms, universe {best[1]} ms, screen {best[2]} ms, csv --no-reasons {best[3]} ms");
        }
    }
}
