using System.Collections.Concurrent;
using System.Buffers.Text;
using System.Globalization;
using System.IO.Compression;
using System.Text;
using DatRules.Issuers;
using DatRules.Sec.Concepts;
using DatRules.Sec.Facts;

namespace DatRules.Sec.Import;

/// <summary>
/// Reads a quarterly SEC Financial Statement Data Sets archive straight from its zip: <c>sub.txt</c> (one row per
/// submission: <c>adsh</c>, <c>cik</c>, <c>name</c>, <c>form</c>, <c>filed</c>, ...) and <c>num.txt</c> (one row per
/// fact: <c>adsh</c>, <c>tag</c>, <c>version</c>, <c>ddate</c>, <c>qtrs</c>, <c>uom</c>, <c>coreg</c>, <c>value</c> and,
/// in recent files, <c>segments</c>), tab-separated, columns found by header name.
/// </summary>
/// <remarks>
/// <c>num.txt</c> is streamed in blocks and filtered on the tag before any other field is looked at: a row of an
/// unmapped concept costs a search for three tabs and a newline, and allocates nothing. Kept: instant facts
/// (<c>qtrs</c> = 0) without co-registrant and without segments. Extension concepts (<c>version</c> = the filing's own
/// accession number) match a per-issuer mapping's concept by local name.
/// </remarks>
internal static class FinancialStatementDataSetReader
{
    private const int BlockSize = 1 << 20;

    /// <summary>The longest line accepted in sub.txt or num.txt (a real line is under 2 KB; anything longer is a broken file).</summary>
    internal const int MaxLine = 1 << 20;

    /// <summary>The most columns a header may have (sub.txt has 36, num.txt about 10).</summary>
    internal const int MaxColumns = 256;

    /// <summary>
    /// The most an entry may inflate per compressed byte. The SEC's text files expand about 10:1; deflate can reach about
    /// 1000:1, which only a crafted file (a zip bomb) does.
    /// </summary>
    internal const int MaxExpansion = 100;

    /// <summary>Inflating up to this many bytes is always allowed, whatever the ratio (small files compress unevenly).</summary>
    internal const long MinInflateAllowance = 64L << 20;

    private static readonly UTF8Encoding StrictUtf8 = new(false, throwOnInvalidBytes: true);

    public static void Read(Stream zip, string source, SecImporter sink, IProgress<double>? progress)
    {
        ZipArchive archive;
        try
        {
            archive = new ZipArchive(zip, ZipArchiveMode.Read, leaveOpen: true);
        }
        catch (InvalidDataException e)
        {
            throw new SecDataException(source, "archive", "not a zip archive: " + e.Message);
        }

        using (archive)
        {
            var subEntry = Find(archive, "sub.txt", source);
            var numEntry = Find(archive, "num.txt", source);
            Dictionary<string, Submission> subs;
            using (var s = Open(subEntry, source))
            {
                subs = ReadSubmissions(s, source + "!sub.txt");
            }

            using var n = Open(numEntry, source);
            ReadNumbers(n, numEntry.Length, source + "!num.txt", subs, sink, progress);
        }
    }

    /// <summary>The one entry named <paramref name="name"/>, at the root: two (in any folder or case) or one in a folder is an error, never a guess.</summary>
    private static ZipArchiveEntry Find(ZipArchive archive, string name, string source)
    {
        var found = archive.Entries.Where(e => string.Equals(e.Name, name, StringComparison.OrdinalIgnoreCase)).ToList();
        string rule = $"a Financial Statement Data Sets zip holds exactly one {name} at its root";
        return found.Count switch
        {
            0 => throw new SecDataException(source, "archive", $"no {name} in the archive (a Financial Statement Data Sets zip holds sub.txt and num.txt)"),
            > 1 => throw new SecDataException(source, "archive", $"{found.Count} entries named {name} ({string.Join(", ", found.Select(e => e.FullName))}); {rule}"),
            _ when found[0].FullName != found[0].Name => throw new SecDataException(source, "archive", $"{name} is not at the root of the archive (found {found[0].FullName}); {rule}"),
            _ => found[0],
        };
    }

    /// <summary>Opens an entry, bounded: it may inflate to <see cref="MaxExpansion"/> times its compressed size at most.</summary>
    private static BoundedStream Open(ZipArchiveEntry entry, string source)
    {
        string entrySource = source + "!" + entry.Name;
        long limit = Math.Max(MinInflateAllowance, entry.CompressedLength * MaxExpansion);
        SecDataException Bomb(long max) => new(
            entrySource,
            "archive",
            string.Create(CultureInfo.InvariantCulture, $"expands to more than {max:N0} bytes from {entry.CompressedLength:N0} compressed (over {MaxExpansion}:1; the SEC's data set files expand about 10:1): refused as a possible zip bomb"));
        if (entry.Length > limit)
        {
            throw Bomb(limit);
        }

        try
        {
            return new BoundedStream(entry.Open(), limit, Bomb);
        }
        catch (InvalidDataException e)
        {
            throw new SecDataException(source, entry.FullName, "cannot be read from the archive: " + e.Message);
        }
    }

    private static string Utf8(ReadOnlySpan<byte> line, string source, long lineNo)
    {
        try
        {
            return StrictUtf8.GetString(line);
        }
        catch (DecoderFallbackException)
        {
            throw new SecDataException(source, $"line {lineNo}", "invalid UTF-8");
        }
    }

    private static void CheckColumnCount(int count, string source, string file)
    {
        if (count > MaxColumns)
        {
            throw new SecDataException(source, "line 1", string.Create(CultureInfo.InvariantCulture, $"the header has {count} columns; at most {MaxColumns} are read ({file})"));
        }
    }

    private sealed record Submission(long Cik, string Name, string Form, LocalDate Filed);

    private static Dictionary<string, Submission> ReadSubmissions(Stream stream, string source)
    {
        var reader = new LineReader(stream, MaxLine, source);
        if (!reader.TryRead(out var headerBytes))
        {
            throw new SecDataException(source, "line 1", "the file is empty: expected a header with adsh, cik, name, form, filed");
        }

        CheckColumnCount(headerBytes.Count((byte)'\t') + 1, source, "sub.txt has 36");
        string header = Utf8(headerBytes, source, 1);
        var cols = header.Split('\t');
        int Col(string name) => Array.FindIndex(cols, c => string.Equals(c.Trim(), name, StringComparison.OrdinalIgnoreCase)) is var i && i >= 0
            ? i
            : throw new SecDataException(source, "line 1", $"required column '{name}' is missing from the header");
        int adsh = Col("adsh"), cik = Col("cik"), name = Col("name"), form = Col("form"), filed = Col("filed");
        int max = new[] { adsh, cik, name, form, filed }.Max();
        var subs = new Dictionary<string, Submission>(StringComparer.Ordinal);
        while (reader.TryRead(out var bytes))
        {
            long line = reader.LineNumber;
            if (bytes.IsEmpty)
            {
                continue;
            }

            var f = Utf8(bytes, source, line).Split('\t');
            if (f.Length <= max || f.Length > cols.Length)
            {
                throw new SecDataException(source, $"line {line}", $"{f.Length} fields, the header has {cols.Length}");
            }

            if (!AccessionNumber.TryParse(f[adsh], out _))
            {
                throw new SecDataException(source, $"line {line}", $"adsh '{f[adsh]}' is not an accession number");
            }

            if (!long.TryParse(f[cik], NumberStyles.None, CultureInfo.InvariantCulture, out long c) || c is < 1 or > 9_999_999_999L)
            {
                throw new SecDataException(source, $"line {line}", $"cik '{f[cik]}' is not a CIK");
            }

            if (!TryDay(Encoding.ASCII.GetBytes(f[filed]), out var filedDate))
            {
                throw new SecDataException(source, $"line {line}", $"filed '{f[filed]}' is not a date in yyyymmdd form");
            }

            if (!subs.TryAdd(f[adsh], new Submission(c, f[name], f[form], filedDate)))
            {
                throw new SecDataException(source, $"line {line}", $"adsh {f[adsh]} appears twice");
            }
        }

        return subs;
    }

    private static void ReadNumbers(Stream stream, long length, string source, Dictionary<string, Submission> subs, SecImporter sink, IProgress<double>? progress)
    {
        var map = sink.Map;
        byte[][] tags = [.. map.LocalNames.Select(Encoding.ASCII.GetBytes)];
        var standard = new HashSet<string>(map.Concepts.Where(IsStandard), StringComparer.Ordinal);
        var extension = map.Concepts.Where(c => !IsStandard(c)).GroupBy(SecConceptMap.LocalName).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var subLookup = subs.GetAlternateLookup<ReadOnlySpan<char>>();
        var days = new Dictionary<int, LocalDate>();

        // Two stages on two cores: one thread inflates num.txt into blocks, this one parses them. Inflating costs about as
        // much as parsing, so the pipeline takes the longer of the two instead of their sum. Blocks are recycled.
        using var full = new BlockingCollection<(byte[] Block, int Length)>(boundedCapacity: 4);
        using var empty = new BlockingCollection<byte[]>();
        using var cancel = new CancellationTokenSource();
        for (int i = 0; i < 6; i++)
        {
            empty.Add(new byte[BlockSize]);
        }

        var producer = Task.Run(() =>
        {
            try
            {
                while (true)
                {
                    var block = empty.Take(cancel.Token);
                    int read = stream.ReadAtLeast(block, block.Length, throwOnEndOfStream: false);
                    if (read == 0)
                    {
                        break;
                    }

                    full.Add((block, read), cancel.Token);
                }
            }
            catch (OperationCanceledException)
            {
                // The parser stopped on an error; it reports that error.
            }
            finally
            {
                full.CompleteAdding();
            }
        });

        byte[] carry = new byte[BlockSize];
        int carried = 0;
        long lineNo = 0;
        long consumedTotal = 0;
        double lastReported = 0;
        Columns? cols = null;
        Range[] fields = [];
        Exception? producerError = null;
        try
        {
            foreach (var (block, length0) in full.GetConsumingEnumerable())
            {
                var span = block.AsSpan(0, length0);
                int start = 0;
                if (carried > 0)
                {
                    // Complete the line that straddles the previous block.
                    int nl = span.IndexOf((byte)'\n');
                    int take = nl < 0 ? span.Length : nl;
                    if (carried + take > MaxLine)
                    {
                        throw LineReader.TooLong(source, lineNo + 1, MaxLine);
                    }

                    EnsureCapacity(ref carry, carried + take);
                    span[..take].CopyTo(carry.AsSpan(carried));
                    carried += take;
                    if (nl < 0)
                    {
                        empty.Add(block);
                        continue;
                    }

                    Line(carry.AsSpan(0, carried));
                    carried = 0;
                    start = nl + 1;
                }

                var rest = span[start..];
                while (true)
                {
                    int nl = rest.IndexOf((byte)'\n');
                    if (nl < 0)
                    {
                        if (rest.Length > MaxLine)
                        {
                            throw LineReader.TooLong(source, lineNo + 1, MaxLine);
                        }

                        EnsureCapacity(ref carry, rest.Length);
                        rest.CopyTo(carry);
                        carried = rest.Length;
                        break;
                    }

                    if (nl > MaxLine)
                    {
                        throw LineReader.TooLong(source, lineNo + 1, MaxLine);
                    }

                    Line(rest[..nl]);
                    rest = rest[(nl + 1)..];
                }

                consumedTotal += length0;
                empty.Add(block);
                if (progress is not null && length > 0 && (double)consumedTotal / length - lastReported >= 0.01)
                {
                    lastReported = (double)consumedTotal / length;
                    progress.Report(lastReported);
                }
            }

            // A producer that failed (a zip bomb, a broken entry) ended the blocks early: its error, not the cut-off last line's.
            try
            {
                producer.Wait();
            }
            catch (AggregateException e)
            {
                producerError = e.InnerException;
            }

            if (producerError is null && carried > 0)
            {
                Line(carry.AsSpan(0, carried));
            }
        }
        catch (InvalidDataException e)
        {
            throw new SecDataException(source, $"line {lineNo + 1}", "the archive entry cannot be inflated: " + e.Message);
        }
        finally
        {
            cancel.Cancel();
            try
            {
                producer.Wait();
            }
            catch (AggregateException e)
            {
                producerError = e.InnerException;
            }
        }

        if (producerError is InvalidDataException inflate)
        {
            throw new SecDataException(source, $"after line {lineNo}", "the archive entry cannot be inflated: " + inflate.Message);
        }

        if (producerError is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(producerError);
        }

        if (cols is null)
        {
            throw new SecDataException(source, "line 1", "the file is empty: expected a header with adsh, tag, version, ddate, qtrs, uom, coreg, value");
        }

        progress?.Report(1.0);

        void Line(ReadOnlySpan<byte> line)
        {
            lineNo++;
            if (line.Length > 0 && line[^1] == (byte)'\r')
            {
                line = line[..^1];
            }

            if (cols is null)
            {
                cols = Columns.FromHeader(line, source);
                fields = new Range[cols.Count];
            }
            else if (!line.IsEmpty)
            {
                ProcessLine(line, lineNo, cols, fields, tags, standard, extension, map.FlowConcepts, subLookup, days, source, sink);
            }
        }
    }

    /// <summary>The first day of the quarter (three months, <c>qtrs</c> = 1) ending on <paramref name="end"/>; month ends stay month ends.</summary>
    private static LocalDate QuarterStart(LocalDate end)
    {
        var back = end.PlusMonths(-3);
        bool monthEnd = end.Day == end.Calendar.GetDaysInMonth(end.Year, end.Month);
        return (monthEnd ? new LocalDate(back.Year, back.Month, back.Calendar.GetDaysInMonth(back.Year, back.Month)) : back).PlusDays(1);
    }

    private static void EnsureCapacity(ref byte[] buffer, int needed)
    {
        if (buffer.Length < needed)
        {
            Array.Resize(ref buffer, Math.Max(needed, buffer.Length * 2));
        }
    }

    private static void ProcessLine(
        ReadOnlySpan<byte> line,
        long lineNo,
        Columns cols,
        Span<Range> fields,
        byte[][] tags,
        HashSet<string> standard,
        Dictionary<string, string> extension,
        System.Collections.Immutable.ImmutableHashSet<string> flows,
        Dictionary<string, Submission>.AlternateLookup<ReadOnlySpan<char>> subs,
        Dictionary<int, LocalDate> days,
        string source,
        SecImporter sink)
    {
        // Cheap rejection: find the tag field and compare it to the mapped names before anything else.
        int found = Split(line, fields, cols.Tag + 1);
        if (found <= cols.Tag)
        {
            throw new SecDataException(source, $"line {lineNo}", $"{found} fields, the header has {cols.Count}");
        }

        var tag = line[fields[cols.Tag]];
        bool wanted = false;
        foreach (var t in tags)
        {
            if (tag.SequenceEqual(t))
            {
                wanted = true;
                break;
            }
        }

        if (!wanted)
        {
            return;
        }

        found = Split(line, fields, cols.Count);
        if (found != cols.Count)
        {
            throw new SecDataException(source, $"line {lineNo}", $"{found} fields, the header has {cols.Count}");
        }

        var qtrs = line[fields[cols.Qtrs]];
        bool instant = qtrs.SequenceEqual("0"u8);
        if ((!instant && !qtrs.SequenceEqual("1"u8)) || !line[fields[cols.Coreg]].IsEmpty
            || (cols.Segments >= 0 && !line[fields[cols.Segments]].IsEmpty) || line[fields[cols.Value]].IsEmpty)
        {
            return; // a duration other than one quarter, a co-registrant's or a dimensional fact, or no value
        }

        string tagText = Encoding.ASCII.GetString(tag);
        var version = line[fields[cols.Version]];
        string concept;
        int slash = version.IndexOf((byte)'/');
        if (slash > 0)
        {
            concept = Encoding.ASCII.GetString(version[..slash]) + ":" + tagText;
            if (!standard.Contains(concept))
            {
                return;
            }
        }
        else if (!extension.TryGetValue(tagText, out concept!))
        {
            return;
        }

        if (!instant && !flows.Contains(concept))
        {
            return; // a quarter's duration fact of a concept that is not a flow line item
        }

        var adsh = line[fields[cols.Adsh]];
        Span<char> adshChars = stackalloc char[32];
        if (adsh.Length > adshChars.Length || Encoding.ASCII.GetChars(adsh, adshChars) is var n && !subs.TryGetValue(adshChars[..n], out var sub))
        {
            throw new SecDataException(source, $"line {lineNo}", $"adsh '{Encoding.ASCII.GetString(adsh)}' is not in sub.txt");
        }

        if (!TryDay(line[fields[cols.Ddate]], out var endDate, days))
        {
            throw new SecDataException(source, $"line {lineNo}", $"ddate '{Encoding.ASCII.GetString(line[fields[cols.Ddate]])}' is not a date in yyyymmdd form");
        }

        var valueText = line[fields[cols.Value]];
        if (!Utf8Parser.TryParse(valueText, out decimal value, out int used) || used != valueText.Length)
        {
            throw new SecDataException(source, $"line {lineNo}", $"value '{Encoding.ASCII.GetString(valueText)}' is not a number");
        }

        if (!Json.JsonElementReader.IsExact(Encoding.ASCII.GetString(valueText), value))
        {
            throw new SecDataException(source, $"line {lineNo}", $"value '{Encoding.ASCII.GetString(valueText)}' has more digits or a larger magnitude than a decimal holds exactly (28 significant digits, below 7.9e28): refused, not rounded");
        }

        var accession = AccessionNumber.Parse(new string(adshChars[..n]));
        LocalDate? start = instant ? null : QuarterStart(endDate);
        sink.Accept(
            new SecFact(sub.Cik, concept, Encoding.ASCII.GetString(line[fields[cols.Uom]]), endDate, value, accession, sub.Form, sub.Filed, sub.Name, Start: start),
            SecImporter.FsdsDataset,
            source[..source.LastIndexOf('!')],
            source,
            string.Create(CultureInfo.InvariantCulture, $"line {lineNo}"));
    }

    /// <summary>Splits into at most <paramref name="max"/> tab-separated fields; returns how many, or max + 1 when the line has more.</summary>
    private static int Split(ReadOnlySpan<byte> line, Span<Range> fields, int max)
    {
        int start = 0;
        int count = 0;
        while (true)
        {
            int tab = line[start..].IndexOf((byte)'\t');
            int stop = tab < 0 ? line.Length : start + tab;
            if (count == max)
            {
                return count + 1;
            }

            fields[count++] = start..stop;
            if (tab < 0)
            {
                return count;
            }

            start = stop + 1;
        }
    }

    private static bool TryDay(ReadOnlySpan<byte> text, out LocalDate date, Dictionary<int, LocalDate>? cache = null)
    {
        date = default;
        if (text.Length != 8 || !Utf8Parser.TryParse(text, out int ymd, out int used) || used != 8)
        {
            return false;
        }

        if (cache is not null && cache.TryGetValue(ymd, out date))
        {
            return true;
        }

        int y = ymd / 10000, m = ymd / 100 % 100, d = ymd % 100;
        if (y < 1 || m is < 1 or > 12 || d < 1 || d > DateTime.DaysInMonth(y, m))
        {
            return false;
        }

        date = new LocalDate(y, m, d);
        cache?.Add(ymd, date);
        return true;
    }

    private static bool IsStandard(string concept) =>
        concept.StartsWith("us-gaap:", StringComparison.Ordinal) || concept.StartsWith("ifrs-full:", StringComparison.Ordinal)
        || concept.StartsWith("dei:", StringComparison.Ordinal) || concept.StartsWith("srt:", StringComparison.Ordinal);

    private sealed class Columns
    {
        public int Count { get; private init; }
        public int Adsh { get; private init; }
        public int Tag { get; private init; }
        public int Version { get; private init; }
        public int Ddate { get; private init; }
        public int Qtrs { get; private init; }
        public int Uom { get; private init; }
        public int Coreg { get; private init; }
        public int Value { get; private init; }
        public int Segments { get; private init; }

        public static Columns FromHeader(ReadOnlySpan<byte> header, string source)
        {
            CheckColumnCount(header.Count((byte)'\t') + 1, source, "num.txt has about 10");
            var names = Encoding.ASCII.GetString(header).Split('\t').Select(h => h.Trim().ToLowerInvariant()).ToArray();
            var missing = new List<string>();
            int Col(string name, bool required = true)
            {
                int i = Array.IndexOf(names, name);
                if (i < 0 && required)
                {
                    missing.Add(name);
                }

                return i;
            }

            var cols = new Columns
            {
                Count = names.Length,
                Adsh = Col("adsh"),
                Tag = Col("tag"),
                Version = Col("version"),
                Ddate = Col("ddate"),
                Qtrs = Col("qtrs"),
                Uom = Col("uom"),
                Coreg = Col("coreg"),
                Value = Col("value"),
                Segments = Col("segments", required: false),
            };
            if (missing.Count > 0)
            {
                throw new SecDataException(source, "line 1", "required column(s) missing from the header: " + string.Join(", ", missing));
            }

            return cols;
        }
    }
}
