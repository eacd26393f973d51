using System.Diagnostics;
using DatRules.Data.Formats;
using Parquet;

namespace DatRules.Benchmarks;

/// <summary>Times Parquet.Net's decode of every column alone (per column), then <see cref="SnapshotFrameParquet.Read(string)"/>, in one process, three rounds (the first pays the JIT).</summary>
internal static class ParquetPhases
{
    public static async Task Run(string path)
    {
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
