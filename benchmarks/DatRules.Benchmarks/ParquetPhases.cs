using System.Diagnostics;
using DatRules.Data;
using DatRules.Data.Formats;
using DatRules.Data.Formats.Parquet;
using Parquet;

namespace DatRules.Benchmarks;

/// <summary>
/// Times, in one process and three rounds (the first pays the JIT): the page decoder alone over every chunk
/// (<see cref="ColumnChunkDecoder"/>, no frame), <see cref="SnapshotFrameParquet.Read(string)"/>, and, given the same
/// rows as CSV, <see cref="SnapshotFrame.ReadCsv(string)"/>.
/// </summary>
internal static class ParquetPhases
{
    public static async Task Run(string path, string? csv)
    {
        for (int round = 1; round <= 3; round++)
        {
            var sw = Stopwatch.StartNew();
            long before = GC.GetTotalAllocatedBytes(precise: true);
            await using (var stream = File.OpenRead(path))
            {
                await using var reader = await ParquetReader.CreateAsync(stream, new ParquetOptions { TreatByteArrayAsString = true, UseDateOnlyTypeForDates = true });
                Console.Write($"footer {(GC.GetTotalAllocatedBytes(precise: true) - before) >> 10} KB; ");
                var decoder = new ColumnChunkDecoder();
                var values = new ChunkValues();
                foreach (var field in reader.Schema.GetDataFields())
                {
                    long start = sw.ElapsedMilliseconds;
                    for (int g = 0; g < reader.RowGroupCount; g++)
                    {
                        using var group = reader.OpenRowGroupReader(g);
                        bool ok = decoder.TryDecode(stream, group.GetMetadata(field)!, field.MaxDefinitionLevel, (int)group.RowCount, values, out string? why);
                        Console.Write(ok ? string.Empty : $"[{field.Name}: {why}] ");
                    }

                    Console.Write($"{field.Name} {sw.ElapsedMilliseconds - start} ms; ");
                }
            }

            long decode = sw.ElapsedMilliseconds;
            Console.Write($"decode allocated {(GC.GetTotalAllocatedBytes(precise: true) - before) >> 20} MB; ");
            long allocated = GC.GetTotalAllocatedBytes(precise: true);
            sw.Restart();
            var frame = SnapshotFrameParquet.Read(path);
            long parquet = sw.ElapsedMilliseconds;
            long parquetBytes = GC.GetTotalAllocatedBytes(precise: true) - allocated;
            allocated = GC.GetTotalAllocatedBytes(precise: true);
            sw.Restart();
            int csvRows = csv is null ? 0 : SnapshotFrame.ReadCsv(csv).Count;
            long csvBytes = GC.GetTotalAllocatedBytes(precise: true) - allocated;
            Console.WriteLine($"round {round}: decode alone {decode} ms; SnapshotFrameParquet.Read {parquet} ms, {parquetBytes >> 20} MB allocated ({frame.Count} rows); SnapshotFrame.ReadCsv {sw.ElapsedMilliseconds} ms, {csvBytes >> 20} MB ({csvRows} rows)");
        }
    }
}
