using System.Buffers;
using Microsoft.Win32.SafeHandles;

namespace DatRules.Data;

/// <summary>
/// Splits the records of a CSV file into parts that each start at a record boundary, to be read on several cores, and
/// counts each part's line feeds on the way (a bound on its rows).
/// </summary>
/// <remarks>
/// A boundary is a line feed outside quotes: one after an even number of quote characters since the first record. In a
/// file whose quotes are valid (each opens or closes a quoted field, or is one of a doubled pair inside one) those are
/// exactly the line feeds that end a record. A file whose quotes are not valid can be split inside a record; reading
/// that part then finds the invalid quote (or a quoted field never closed), and the caller reads the file again on one
/// core, where the error is reported as always. The counting runs on one core per part.
/// </remarks>
internal static class CsvFileSplitter
{
    private const int BlockBytes = 64 * 1024;

    /// <summary>Splits bytes <paramref name="start"/> to <paramref name="end"/> of a file into at most <paramref name="parts"/> parts.</summary>
    /// <param name="file">The open file.</param>
    /// <param name="start">The first byte of the first record.</param>
    /// <param name="end">The end of the file.</param>
    /// <param name="parts">The number of parts wanted (1: only count the line feeds).</param>
    /// <returns>The parts, in file order, back to back from <paramref name="start"/> to <paramref name="end"/> (fewer when no boundary follows a cut).</returns>
    public static CsvFilePart[] Split(SafeFileHandle file, long start, long end, int parts)
    {
        parts = (int)Math.Clamp(end - start, 1, Math.Max(1, parts));
        var cuts = new long[parts + 1];
        for (int i = 0; i <= parts; i++)
        {
            cuts[i] = start + ((end - start) * i / parts);
        }

        var quotes = new long[parts];
        var feeds = new long[parts];
        Cores.Run(parts, i => (quotes[i], feeds[i]) = Count(file, cuts[i], cuts[i + 1]));

        // Each boundary: its offset and the line feeds before it.
        var bounds = new List<(long Offset, long FeedsBefore)> { (start, 0) };
        long quotesBefore = 0, feedsBefore = 0;
        for (int i = 1; i < parts; i++)
        {
            quotesBefore += quotes[i - 1];
            feedsBefore += feeds[i - 1];
            if (cuts[i] < bounds[^1].Offset)
            {
                // The search from an earlier cut went past this one.
                continue;
            }

            var (offset, passed) = NextBoundary(file, cuts[i], end, inQuotes: (quotesBefore & 1) == 1);
            if (offset >= end)
            {
                break;
            }

            bounds.Add((offset, feedsBefore + passed));
        }

        // Every part but the last ends with a line feed; the last holds one more record when the file does not.
        long total = feeds.Sum() + (EndsWithLineFeed(file, end) ? 0 : 1);
        var result = new CsvFilePart[bounds.Count];
        for (int j = 0; j < bounds.Count; j++)
        {
            var (to, feedsAtEnd) = j + 1 < bounds.Count ? bounds[j + 1] : (end, total);
            result[j] = new CsvFilePart(bounds[j].Offset, to, feedsAtEnd - bounds[j].FeedsBefore);
        }

        return result;
    }

    private static bool EndsWithLineFeed(SafeFileHandle file, long end)
    {
        Span<byte> last = stackalloc byte[1];
        return end > 0 && RandomAccess.Read(file, last, end - 1) == 1 && last[0] == (byte)'\n';
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private static (long Quotes, long Feeds) Count(SafeFileHandle file, long from, long to)
    {
        byte[] buffer = ArrayPool<byte>.Shared.Rent(BlockBytes);
        try
        {
            // A small block, read again and again: new pages cost more than read calls (docs/benchmarks.md).
            long quotes = 0, feeds = 0;
            for (long at = from; at < to;)
            {
                int n = RandomAccess.Read(file, buffer.AsSpan(0, (int)Math.Min(BlockBytes, to - at)), at);
                if (n == 0)
                {
                    break;
                }

                var block = buffer.AsSpan(0, n);
                quotes += block.Count((byte)'"');
                feeds += block.Count((byte)'\n');
                at += n;
            }

            return (quotes, feeds);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>The offset after the first line feed outside quotes at or after <paramref name="from"/>, and the line feeds up to it (itself included).</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private static (long Offset, long Feeds) NextBoundary(SafeFileHandle file, long from, long end, bool inQuotes)
    {
        byte[] buffer = ArrayPool<byte>.Shared.Rent(BlockBytes);
        try
        {
            long feeds = 0;
            for (long at = from; at < end;)
            {
                int n = RandomAccess.Read(file, buffer.AsSpan(0, (int)Math.Min(buffer.Length, end - at)), at);
                if (n == 0)
                {
                    break;
                }

                var block = buffer.AsSpan(0, n);
                for (int p = 0; ;)
                {
                    int q = block[p..].IndexOfAny((byte)'"', (byte)'\n');
                    if (q < 0)
                    {
                        break;
                    }

                    p += q;
                    if (block[p] == (byte)'"')
                    {
                        inQuotes = !inQuotes;
                    }
                    else
                    {
                        feeds++;
                        if (!inQuotes)
                        {
                            return (at + p + 1, feeds);
                        }
                    }

                    p++;
                }

                at += n;
            }

            return (end, feeds);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
