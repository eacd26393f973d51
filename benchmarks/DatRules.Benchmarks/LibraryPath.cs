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
    public static void Phases(string path)
    {
        for (int round = 1; round <= 3; round++)
        {
            var sw = System.Diagnostics.Stopwatch.StartNew();
            var frame = SnapshotFrame.ReadCsv(path);
            long read = sw.ElapsedMilliseconds;
            var universe = frame.ToUniverse();
            long build = sw.ElapsedMilliseconds - read;
            var screening = new ScreeningEngine().Screen(universe, IndexPolicy.ClassificationOnly(Classification.RatioThreshold.Msci, "MSCI DAT test"));
            long screen = sw.ElapsedMilliseconds - read - build;
            ScreenReport.Classify(frame).WriteCsv(Stream.Null, withReasons: false);
            long write = sw.ElapsedMilliseconds - read - build - screen;
            Console.WriteLine($"round {round}: read {read} ms, universe {build} ms, screen {screen} ms ({screening.DatCount} DAT), csv --no-reasons {write} ms");
        }
    }
}
