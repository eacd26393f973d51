using System.Diagnostics;
using DatRules.Data.Formats;
using Parquet;

namespace DatRules.Benchmarks;

/// <summary>Times Parquet.Net's decode of every column alone, then <see cref="SnapshotFrameParquet.Read(string)"/>, in one process, three rounds (the first pays the JIT).</summary>
internal static class ParquetPhases
{
    public static async Task Run(string path)
    {
        if (Environment.GetEnvironmentVariable("PROBE") == "1")
        {
            await using var stream = File.OpenRead(path);
            await using var reader = await ParquetReader.CreateAsync(stream);
            using var group = reader.OpenRowGroupReader(0);
            int n = (int)group.RowCount;
            foreach (var field in reader.Schema.GetDataFields())
            {
                var sw0 = Stopwatch.StartNew();
                var defs = new int[n];
                try
                {
                    if (field.Name == "ticker")
                    {
                        var v = new ReadOnlyMemory<char>[n];
                        await group.ReadRawAsync(field, v.AsMemory(), defs.AsMemory(), null);
                        Console.WriteLine($"{field.Name}: raw chars ok {v[0]} {v[n - 1]} def {defs[0]} {sw0.ElapsedMilliseconds} ms");
                    }
                    else if (field.Name == "as_of")
                    {
                        var v = new int[n];
                        await group.ReadRawAsync(field, v.AsMemory(), defs.AsMemory(), null);
                        Console.WriteLine($"{field.Name}: raw int ok {v[0]} {sw0.ElapsedMilliseconds} ms");
                    }
                    else
                    {
                        var v = new long[n];
                        await group.ReadRawAsync(field, v.AsMemory(), defs.AsMemory(), null);
                        Console.WriteLine($"{field.Name}: raw long ok {v[0]} {sw0.ElapsedMilliseconds} ms");
                    }
                }
                catch (Exception e)
                {
                    Console.WriteLine($"{field.Name}: {e.GetType().Name} {e.Message}");
                }
            }

            return;
        }

        for (int round = 1; round <= 3; round++)
        {
            var sw = Stopwatch.StartNew();
            await using (var stream = File.OpenRead(path))
            {
                await using var reader = await ParquetReader.CreateAsync(stream, new ParquetOptions { UseDateOnlyTypeForDates = true });
                foreach (var field in reader.Schema.GetDataFields())
                {
                    long start = sw.ElapsedMilliseconds;
                    for (int g = 0; g < reader.RowGroupCount; g++)
                    {
                        using var group = reader.OpenRowGroupReader(g);
                        int n = (int)group.RowCount;
                        Type t = Nullable.GetUnderlyingType(field.ClrType) ?? field.ClrType;
                        if (t == typeof(decimal))
                        {
                            await group.ReadAsync<decimal>(field, new decimal?[n].AsMemory());
                        }
                        else if (t == typeof(DateOnly))
                        {
                            await group.ReadAsync<DateOnly>(field, new DateOnly?[n].AsMemory());
                        }
                        else
                        {
                            await group.ReadAsync(field, new string?[n].AsMemory());
                        }
                    }

                    Console.Write($"{field.Name} ({field.SchemaElement?.Type}) {sw.ElapsedMilliseconds - start} ms; ");
                }
            }

            long decode = sw.ElapsedMilliseconds;
            sw.Restart();
            var frame = SnapshotFrameParquet.Read(path);
            Console.WriteLine($"round {round}: Parquet.Net decode {decode} ms; SnapshotFrameParquet.Read {sw.ElapsedMilliseconds} ms ({frame.Count} rows)");
        }
    }
}
