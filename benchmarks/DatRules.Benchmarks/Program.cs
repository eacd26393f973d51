using BenchmarkDotNet.Running;

// `duckdb IN.csv FORMAT OUT` runs the DuckDB peer of the CLI end-to-end comparison (benchmarks/scripts/cli-vs-duckdb.sh).
if (args.Length > 0 && args[0] == "duckdb")
{
    DatRules.Benchmarks.DuckDbScreen.Run(args[1], args[2], args[3]);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
