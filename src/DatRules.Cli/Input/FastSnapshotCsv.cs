using System.Numerics;
using System.Runtime.CompilerServices;
using System.Text;

namespace DatRules.Cli.Input;

/// <summary>
/// The fast path of <c>screen --input F --format csv</c>: parses a plain CSV straight from its UTF-8 bytes into
/// columns (amounts as integer cents, dates as day numbers), on every core, with no object per row.
/// </summary>
/// <remarks>
/// <para>
/// It accepts only the plain form of the <see cref="SnapshotCsvReader"/> format: no quotes anywhere, no blank lines,
/// no white space around the values it reads, ASCII tickers, dates as <c>yyyy-MM-dd</c>, amounts as digits with at most
/// two significant decimals (below 2^53 cents), flags as true/false/yes/no/1/0. On anything else, an invalid value or
/// a duplicate (ticker, as_of) included, it returns <see langword="null"/> and the caller reads the file again with
/// <see cref="SnapshotCsvReader"/>, whose answer (rows, or every error with its line and column) is the reference:
/// the fast path never decides that input is wrong, it only declines. Tests check that, wherever it accepts a file,
/// it yields the rows the reference reader yields.
/// </para>
/// <para>Columns the fast path does not need (name, source, ...) are skipped unread, as the reference reader ignores them.</para>
/// </remarks>
internal static class FastSnapshotCsv
{
    private const long Limit = 1L << 53;

    private enum Kind : byte
    {
        Skip,
        Ticker,
        AsOf,
        Digital,
        Total,
        Constituent,
        SelfDescribed,
        CapitalRaised,
        CheckedAmount,
    }

    /// <summary>Parsed columns; tickers and dates point into <see cref="Data"/>.</summary>
    internal sealed class Rows
    {
        internal Rows(byte[] data, int count)
        {
            Data = data;
            Count = count;
            TickerStart = new int[count];
            TickerLength = new int[count];
            AsOfStart = new int[count];
            AsOfDay = new int[count];
            Digital = new long[count];
            Total = new long[count];
            Constituent = new byte[count];
            SelfDescribed = new byte[count];
            CapitalRaised = new byte[count];
            Hash = new int[count];
        }

        public byte[] Data { get; }

        public int Count { get; }

        public int[] TickerStart { get; }

        public int[] TickerLength { get; }

        public int[] AsOfStart { get; }

        public int[] AsOfDay { get; }

        /// <summary>Digital assets in cents.</summary>
        public long[] Digital { get; }

        /// <summary>Total assets in cents; -1 where blank (not reported).</summary>
        public long[] Total { get; }

        /// <summary>0 unknown, 1 yes, 2 no (as <see cref="DatRules.Screening.Universe"/> stores flags).</summary>
        public byte[] Constituent { get; }

        public byte[] SelfDescribed { get; }

        public byte[] CapitalRaised { get; }

        internal int[] Hash { get; }
    }

    /// <summary>Parses <paramref name="data"/>, or returns <see langword="null"/> where the reference reader must decide.</summary>
    /// <param name="data">The whole file.</param>
    /// <returns>The rows, or <see langword="null"/>.</returns>
    public static Rows? TryParse(byte[] data)
    {
        int start = data.AsSpan().StartsWith("\uFEFF"u8) ? 3 : 0;
        if (data.AsSpan().IndexOf((byte)'"') >= 0)
        {
            return null;
        }

        int headerEnd = data.AsSpan(start).IndexOf((byte)'\n');
        if (headerEnd < 0 || ParseHeader(data.AsSpan(start, headerEnd)) is not { } kinds)
        {
            return null;
        }

        int bodyStart = start + headerEnd + 1;
        if (bodyStart >= data.Length)
        {
            return null;
        }

        // Chunks end after a newline; each counts its rows first so that every chunk parses into its own slice.
        int chunkCount = Math.Max(1, Math.Min(Environment.ProcessorCount * 4, (data.Length - bodyStart) >> 16));
        var bounds = new int[chunkCount + 1];
        bounds[0] = bodyStart;
        for (int c = 1; c < chunkCount; c++)
        {
            int target = Math.Max(bounds[c - 1], bodyStart + (int)((long)(data.Length - bodyStart) * c / chunkCount));
            int nl = data.AsSpan(target).IndexOf((byte)'\n');
            bounds[c] = nl < 0 ? data.Length : target + nl + 1;
        }

        bounds[chunkCount] = data.Length;
        var firstRow = new int[chunkCount + 1];
        Parallel.For(0, chunkCount, c =>
        {
            var chunk = data.AsSpan(bounds[c], bounds[c + 1] - bounds[c]);
            firstRow[c + 1] = chunk.Count((byte)'\n') + (chunk.Length > 0 && chunk[^1] != (byte)'\n' ? 1 : 0);
        });
        for (int c = 0; c < chunkCount; c++)
        {
            firstRow[c + 1] += firstRow[c];
        }

        var rows = new Rows(data, firstRow[chunkCount]);
        int declined = 0;
        Parallel.For(0, chunkCount, (c, state) =>
        {
            if (!ParseChunk(rows, kinds, bounds[c], bounds[c + 1], firstRow[c], firstRow[c + 1]))
            {
                Interlocked.Exchange(ref declined, 1);
                state.Stop();
            }
        });

        return declined == 0 && !HasDuplicates(rows) ? rows : null;
    }

    private static Kind[]? ParseHeader(ReadOnlySpan<byte> header)
    {
        if (header.EndsWith("\r"u8))
        {
            header = header[..^1];
        }

        var names = Encoding.UTF8.GetString(header).Split(',');

        // Padded or repeated names: the reference reader decides what they mean.
        if (names.Any(n => n.Length != n.Trim().Length) || names.Distinct(StringComparer.Ordinal).Count() != names.Length)
        {
            return null;
        }

        var kinds = names.Select(n => n switch
        {
            "ticker" => Kind.Ticker,
            "as_of" => Kind.AsOf,
            "digital_assets_usd" => Kind.Digital,
            "total_assets_usd" => Kind.Total,
            "index_constituent" => Kind.Constituent,
            "self_described_dat" => Kind.SelfDescribed,
            "capital_raised_for_digital_assets" => Kind.CapitalRaised,
            "units" or "shares_outstanding" or "market_cap_usd" => Kind.CheckedAmount,
            _ => Kind.Skip,
        }).ToArray();

        // Rows check ticker, date and digital assets one by one; a missing total column would read as "not reported".
        return kinds.Contains(Kind.Total) ? kinds : null;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool ParseChunk(Rows rows, Kind[] kinds, int start, int end, int row, int rowEnd)
    {
        byte[] data = rows.Data;
        int p = start;
        ReadOnlySpan<byte> lastDate = default;
        int lastDay = 0;
        while (p < end)
        {
            if (row >= rowEnd)
            {
                return false;
            }

            bool hasTicker = false, hasDate = false, hasDigital = false;
            long total = -1;
            int col = 0;
            while (true)
            {
                // p is at the start of a field; find where it ends.
                var rest = data.AsSpan(p, end - p);
                int len = rest.IndexOfAny((byte)',', (byte)'\n', (byte)'\r');
                if (len < 0)
                {
                    len = rest.Length;
                }

                var field = rest[..len];
                Kind kind = col < kinds.Length ? kinds[col] : Kind.Skip;
                switch (kind)
                {
                    case Kind.Ticker:
                        if (!IsPlainTicker(field))
                        {
                            return false;
                        }

                        rows.TickerStart[row] = p;
                        rows.TickerLength[row] = len;
                        hasTicker = true;
                        break;
                    case Kind.AsOf:
                        if (field.Length != 10)
                        {
                            return false;
                        }

                        if (!field.SequenceEqual(lastDate))
                        {
                            if (!TryParseDate(field, out lastDay))
                            {
                                return false;
                            }

                            lastDate = field;
                        }

                        rows.AsOfStart[row] = p;
                        rows.AsOfDay[row] = lastDay;
                        hasDate = true;
                        break;
                    case Kind.Digital:
                        if (!TryParseCents(field, out rows.Digital[row]))
                        {
                            return false;
                        }

                        hasDigital = true;
                        break;
                    case Kind.Total:
                        if (!field.IsEmpty && !TryParseCents(field, out total))
                        {
                            return false;
                        }

                        break;
                    case Kind.Constituent:
                    case Kind.SelfDescribed:
                    case Kind.CapitalRaised:
                        if (!TryParseFlag(field, out byte flag))
                        {
                            return false;
                        }

                        (kind == Kind.Constituent ? rows.Constituent : kind == Kind.SelfDescribed ? rows.SelfDescribed : rows.CapitalRaised)[row] = flag;
                        break;
                    case Kind.CheckedAmount:
                        if (!field.IsEmpty && !IsPlainAmount(field))
                        {
                            return false;
                        }

                        break;
                }

                p += len;
                if (p < end && data[p] == (byte)',')
                {
                    p++;
                    col++;
                    continue;
                }

                break;
            }

            // End of the row: "\n", "\r\n" or the end of the file. A lone "\r" is left to the reference reader.
            if (p < end && data[p] == (byte)'\r')
            {
                if (p + 1 >= end || data[p + 1] != (byte)'\n')
                {
                    return false;
                }

                p++;
            }

            p++;
            if (!hasTicker || !hasDate || !hasDigital)
            {
                return false;
            }

            rows.Total[row] = total;
            rows.Hash[row] = HashOf(data.AsSpan(rows.TickerStart[row], rows.TickerLength[row]), rows.AsOfDay[row]);
            row++;
        }

        return row == rowEnd;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsPlainTicker(ReadOnlySpan<byte> field)
    {
        if (field.IsEmpty)
        {
            return false;
        }

        // Printable ASCII without spaces at either end: case folding is then plain ASCII, as OrdinalIgnoreCase does.
        foreach (byte b in field)
        {
            if (b < 0x20 || b > 0x7E)
            {
                return false;
            }
        }

        return field[0] != (byte)' ' && field[^1] != (byte)' ';
    }

    /// <summary>Parses exactly <c>yyyy-MM-dd</c> (a real date of year 1 or later) to a <see cref="DateOnly.DayNumber"/>.</summary>
    internal static bool TryParseDate(ReadOnlySpan<byte> s, out int dayNumber)
    {
        dayNumber = 0;
        if (s.Length != 10 || s[4] != (byte)'-' || s[7] != (byte)'-')
        {
            return false;
        }

        int y = 0, m = 0, d = 0;
        for (int i = 0; i < 10; i++)
        {
            if (i is 4 or 7)
            {
                continue;
            }

            uint digit = unchecked((uint)(s[i] - '0'));
            if (digit > 9)
            {
                return false;
            }

            if (i < 4)
            {
                y = (y * 10) + (int)digit;
            }
            else if (i < 7)
            {
                m = (m * 10) + (int)digit;
            }
            else
            {
                d = (d * 10) + (int)digit;
            }
        }

        if (y < 1 || m is < 1 or > 12 || d < 1 || d > DateTime.DaysInMonth(y, m))
        {
            return false;
        }

        dayNumber = new DateOnly(y, m, d).DayNumber;
        return true;
    }

    /// <summary>
    /// Parses digits with an optional point and decimals to cents: "12", "12.5", "12.50", "12.5000". Declines signs,
    /// exponents, a missing integer part, decimals that are not whole cents, and 2^53 cents or more.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static bool TryParseCents(ReadOnlySpan<byte> s, out long cents)
    {
        cents = 0;
        int i = 0;
        long v = 0;
        while (i < s.Length && unchecked((uint)(s[i] - '0')) <= 9)
        {
            if (i >= 16)
            {
                return false;
            }

            v = (v * 10) + (s[i] - '0');
            i++;
        }

        if (i == 0)
        {
            return false;
        }

        int decimals = 0;
        if (i < s.Length)
        {
            if (s[i] != (byte)'.' || i + 1 == s.Length)
            {
                return false;
            }

            for (i++; i < s.Length; i++)
            {
                uint digit = unchecked((uint)(s[i] - '0'));
                if (digit > 9 || (decimals >= 2 && digit != 0))
                {
                    return false;
                }

                if (decimals < 2)
                {
                    v = (v * 10) + digit;
                    decimals++;
                }
            }
        }

        for (; decimals < 2; decimals++)
        {
            v *= 10;
        }

        if (v >= Limit)
        {
            return false;
        }

        cents = v;
        return true;
    }

    /// <summary>Digits with an optional point and decimals, at most 28 digits in all (what decimal parses exactly).</summary>
    private static bool IsPlainAmount(ReadOnlySpan<byte> s)
    {
        int digits = 0, points = 0;
        foreach (byte b in s)
        {
            if (unchecked((uint)(b - '0')) <= 9)
            {
                digits++;
            }
            else if (b == (byte)'.')
            {
                points++;
            }
            else
            {
                return false;
            }
        }

        return digits is > 0 and <= 28 && points <= 1 && s[0] != (byte)'.' && s[^1] != (byte)'.';
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool TryParseFlag(ReadOnlySpan<byte> s, out byte flag)
    {
        flag = 0;
        if (s.IsEmpty)
        {
            return true;
        }

        if (Ascii.EqualsIgnoreCase(s, "true"u8) || Ascii.EqualsIgnoreCase(s, "yes"u8) || s.SequenceEqual("1"u8))
        {
            flag = 1;
            return true;
        }

        if (Ascii.EqualsIgnoreCase(s, "false"u8) || Ascii.EqualsIgnoreCase(s, "no"u8) || s.SequenceEqual("0"u8))
        {
            flag = 2;
            return true;
        }

        return false;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int HashOf(ReadOnlySpan<byte> ticker, int day)
    {
        uint h = 2166136261u ^ (uint)day;
        foreach (byte b in ticker)
        {
            // ASCII upper-casing (tickers here are printable ASCII): "mstr" and "MSTR" are one issuer.
            uint c = unchecked((uint)(b - 'a')) <= 'z' - 'a' ? b - 0x20u : b;
            h = unchecked((h ^ c) * 16777619u);
        }

        return unchecked((int)BitOperations.RotateLeft(h * 0x9E3779B1u, 15));
    }

    /// <summary>Whether two rows share (ticker, as_of), ticker case-insensitive; the tables split by hash across cores.</summary>
    private static bool HasDuplicates(Rows rows)
    {
        int n = rows.Count;
        int size = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(16, n));
        int found = 0;
        Parallel.For(0, 2, part =>
        {
            if (HasDuplicates(rows, part, size))
            {
                Interlocked.Exchange(ref found, 1);
            }
        });

        return found != 0;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool HasDuplicates(Rows rows, int part, int size)
    {
        var table = new int[size];
        int mask = size - 1;
        int[] hash = rows.Hash;
        for (int r = 0; r < hash.Length; r++)
        {
            int h = hash[r];
            if ((h & 1) != part)
            {
                continue;
            }

            int slot = (h >>> 1) & mask;
            while (table[slot] != 0)
            {
                int other = table[slot] - 1;
                if (hash[other] == h && SameKey(rows, other, r))
                {
                    return true;
                }

                slot = (slot + 1) & mask;
            }

            table[slot] = r + 1;
        }

        return false;
    }

    private static bool SameKey(Rows rows, int a, int b) =>
        rows.AsOfDay[a] == rows.AsOfDay[b]
        && Ascii.EqualsIgnoreCase(
            rows.Data.AsSpan(rows.TickerStart[a], rows.TickerLength[a]),
            rows.Data.AsSpan(rows.TickerStart[b], rows.TickerLength[b]));
}
