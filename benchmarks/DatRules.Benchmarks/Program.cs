using BenchmarkDotNet.Running;

// `duckdb IN.csv FORMAT OUT` runs the DuckDB peer of the CLI end-to-end comparison (benchmarks/scripts/cli-vs-duckdb.sh).
if (args.Length > 0 && args[0] == "duckdb")
{
    DatRules.Benchmarks.DuckDbScreen.Run(args[1], args[2], args[3]);
    return;
}

// `library IN.csv` and `read IN.csv`: the library path and the bare read of benchmarks/scripts/library-vs-cli.sh.
if (args is ["library", var libraryInput])
{
    DatRules.Benchmarks.LibraryPath.Screen(libraryInput);
    return;
}

// `phases IN.csv [ROUNDS]`: the library path's phases timed in one process, three rounds or ROUNDS (the first pays the JIT).
if (args is ["phases", var phasesInput, .. var phasesRest])
{
    DatRules.Benchmarks.LibraryPath.Phases(phasesInput, phasesRest.Length > 0 ? int.Parse(phasesRest[0], System.Globalization.CultureInfo.InvariantCulture) : 3);
    return;
}

// `to-parquet IN.csv OUT.parquet`: the snapshot CSV as Parquet (SnapshotFrameParquet.Write), for benchmarks/scripts/parquet-vs-csv.sh.
if (args is ["to-parquet", var csvInput, var parquetOutput])
{
    DatRules.Data.Formats.SnapshotFrameParquet.Write(DatRules.Data.SnapshotFrame.ReadCsv(csvInput), parquetOutput);
    return;
}

// `parquet-phases IN.parquet [IN.csv]`: the page decoder alone, SnapshotFrameParquet.Read and SnapshotFrame.ReadCsv, three rounds.
if (args is ["parquet-phases", var parquetInput, .. var parquetRest])
{
    DatRules.Benchmarks.ParquetPhases.Run(parquetInput, parquetRest.FirstOrDefault()).GetAwaiter().GetResult();
    return;
}

if (args is ["read", var readInput])
{
    DatRules.Benchmarks.LibraryPath.Read(readInput);
    return;
}

if (args is ["duckdb-sql", var query])
{
    // Times one SQL statement in DuckDB (to tune the peer's query fairly).
    var sw = System.Diagnostics.Stopwatch.StartNew();
    using var connection = new DuckDB.NET.Data.DuckDBConnection("Data Source=:memory:");
    connection.Open();
    using var command = connection.CreateCommand();
    command.CommandText = query;
    using var reader = command.ExecuteReader();
    while (reader.Read())
    {
        Console.WriteLine(string.Join(" | ", Enumerable.Range(0, reader.FieldCount).Select(reader.GetValue)));
    }

    Console.WriteLine($"{sw.Elapsed.TotalSeconds:0.000} s");
    return;
}

if (args is ["fsds-compare", .. var rest])
{
    // A quick same-run comparison outside BenchmarkDotNet (whose in-process toolchain refuses operations this long):
    // alternating runs of both sides, wall-clock medians. The BenchmarkDotNet class is the reference measurement.
    int runs = rest.Length > 0 ? int.Parse(rest[0], System.Globalization.CultureInfo.InvariantCulture) : 5;
    var bench = new DatRules.Benchmarks.FsdsImportBenchmarks();
    bench.Setup();
    var ours = new List<double>();
    var duck = new List<double>();
    for (int i = 0; i < runs; i++)
    {
        var sw = System.Diagnostics.Stopwatch.StartNew();
        int dats = bench.DatRulesImportAndScreen();
        ours.Add(sw.Elapsed.TotalSeconds);
        sw.Restart();
        long rows = bench.DuckDbPivotAndScreen();
        duck.Add(sw.Elapsed.TotalSeconds);
        Console.WriteLine($"run {i + 1}: DatRules {ours[^1]:0.000} s ({dats} DATs), DuckDB {duck[^1]:0.000} s ({rows} rows)");
    }

    double Median(List<double> x) => x.Order().ElementAt(x.Count / 2);
    Console.WriteLine($"median: DatRules {Median(ours):0.000} s, DuckDB {Median(duck):0.000} s, ratio {Median(duck) / Median(ours):0.00}x");
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
