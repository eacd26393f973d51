using System.Runtime.CompilerServices;
using System.Text;

namespace DatRules.Data;

/// <summary>A reusable UTF-8 text buffer with the number formats of the screen outputs, written from integers.</summary>
internal sealed class Utf8Text
{
    private const int RecentDates = 8;

    private readonly long[] _recentDay = new long[RecentDates];
    private readonly ulong[] _recentText0 = new ulong[RecentDates];
    private readonly ushort[] _recentText1 = new ushort[RecentDates];
    private byte[] _bytes;

    /// <summary>Initializes an empty buffer.</summary>
    /// <param name="capacity">The initial capacity in bytes.</param>
    public Utf8Text(int capacity = 1024) => _bytes = new byte[capacity];

    /// <summary>Gets the number of bytes written.</summary>
    public int Length { get; private set; }

    /// <summary>Gets the bytes written.</summary>
    public ReadOnlySpan<byte> Span => _bytes.AsSpan(0, Length);

    /// <summary>Gets a slice of the bytes written.</summary>
    /// <param name="start">The start.</param>
    /// <param name="length">The length.</param>
    /// <returns>The bytes.</returns>
    public ReadOnlySpan<byte> Slice(int start, int length) => _bytes.AsSpan(start, length);

    /// <summary>Empties the buffer (keeping its memory).</summary>
    public void Clear() => Length = 0;

    /// <summary>Appends bytes.</summary>
    /// <param name="utf8">The bytes.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Append(scoped ReadOnlySpan<byte> utf8)
    {
        utf8.CopyTo(Reserve(utf8.Length));
        Length += utf8.Length;
    }

    /// <summary>Appends a string as UTF-8.</summary>
    /// <param name="text">The text.</param>
    public void Append(string text)
    {
        int n = Encoding.UTF8.GetBytes(text, Reserve(Encoding.UTF8.GetMaxByteCount(text.Length)));
        Length += n;
    }

    /// <summary>Appends one ASCII byte.</summary>
    /// <param name="b">The byte.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Append(byte b)
    {
        Reserve(1)[0] = b;
        Length++;
    }

    /// <summary>Gets room for <paramref name="count"/> more bytes (not yet counted).</summary>
    /// <param name="count">The bytes needed.</param>
    /// <returns>The room.</returns>
    public Span<byte> Reserve(int count)
    {
        if (Length + count > _bytes.Length)
        {
            Array.Resize(ref _bytes, Math.Max(Length + count, _bytes.Length * 2));
        }

        return _bytes.AsSpan(Length);
    }

    /// <summary>Counts bytes written into <see cref="Reserve"/>.</summary>
    /// <param name="count">The bytes.</param>
    public void Advance(int count) => Length += count;

    /// <summary>Appends a non-negative integer.</summary>
    /// <param name="value">The value.</param>
    public void AppendInteger(long value)
    {
        value.TryFormat(Reserve(20), out int n, default, System.Globalization.CultureInfo.InvariantCulture);
        Length += n;
    }

    /// <summary>Appends an amount in cents as <c>decimal.ToString("#,0.##")</c> does: thousands separators, zero to two decimals.</summary>
    /// <param name="cents">The non-negative amount in cents.</param>
    public void AppendAmount(long cents)
    {
        long whole = cents / 100;
        int frac = (int)(cents % 100);
        Span<byte> digits = stackalloc byte[24];
        int n = 0;
        do
        {
            if (n > 0 && n % 4 == 3)
            {
                digits[n++] = (byte)',';
            }

            digits[n++] = (byte)('0' + (whole % 10));
            whole /= 10;
        }
        while (whole > 0);

        var span = Reserve(n + 3);
        for (int i = 0; i < n; i++)
        {
            span[i] = digits[n - 1 - i];
        }

        if (frac != 0)
        {
            span[n++] = (byte)'.';
            span[n++] = (byte)('0' + (frac / 10));
            if (frac % 10 != 0)
            {
                span[n++] = (byte)('0' + (frac % 10));
            }
        }

        Length += n;
    }

    /// <summary>
    /// Appends <c>digital / total * 100</c> as <c>decimal</c> formats it with <paramref name="decimals"/> places (rounded half
    /// away from zero; trailing zeros dropped unless <paramref name="fixedDecimals"/>).
    /// </summary>
    /// <param name="digital">The numerator, 0 &lt;= digital &lt;= total.</param>
    /// <param name="total">The denominator, 0 &lt; total &lt; 2^53.</param>
    /// <param name="decimals">Decimal places (at most 6).</param>
    /// <param name="fixedDecimals">Keep trailing zeros ("0.00" format) instead of dropping them ("0.####").</param>
    /// <remarks>
    /// Equal to formatting the 28-digit decimal quotient: a quotient that is not exactly a rounding tie is at least
    /// <c>1 / (2 * 10^(decimals + 2) * total)</c> (over 5e-23 here) from one, far more than the decimal's error (1e-26).
    /// </remarks>
    public void AppendPercent(long digital, long total, int decimals, bool fixedDecimals)
    {
        long scaled = digital * 100;
        long whole = scaled / total;
        long r = scaled % total;
        long frac = 0;
        for (int i = 0; i < decimals; i++)
        {
            r *= 10;
            frac = (frac * 10) + (r / total);
            r %= total;
        }

        long unit = 1;
        for (int i = 0; i < decimals; i++)
        {
            unit *= 10;
        }

        if (2 * r >= total)
        {
            frac++;
            if (frac == unit)
            {
                frac = 0;
                whole++;
            }
        }

        AppendInteger(whole);
        int places = decimals;
        if (!fixedDecimals)
        {
            while (places > 0 && frac % 10 == 0)
            {
                frac /= 10;
                places--;
            }
        }

        if (places > 0)
        {
            var span = Reserve(places + 1);
            span[0] = (byte)'.';
            for (int i = places; i >= 1; i--)
            {
                span[i] = (byte)('0' + (frac % 10));
                frac /= 10;
            }

            Length += places + 1;
        }
    }

    /// <summary>Appends a day number as yyyy-MM-dd.</summary>
    /// <param name="dayNumber">The <see cref="DateOnly.DayNumber"/>.</param>
    public void AppendDate(int dayNumber)
    {
        // Outputs repeat a few balance-sheet dates: the text of the last eight is kept, each in the slot its day number
        // picks (a slot holds the day number + 1, so an empty slot matches no date).
        int slot = dayNumber & (RecentDates - 1);
        var d = Reserve(10);
        if (_recentDay[slot] == dayNumber + 1L)
        {
            System.Buffers.Binary.BinaryPrimitives.WriteUInt64LittleEndian(d, _recentText0[slot]);
            System.Buffers.Binary.BinaryPrimitives.WriteUInt16LittleEndian(d[8..], _recentText1[slot]);
            Length += 10;
            return;
        }

        // yyyy-MM-dd written digit by digit (DateOnly years are 1..9999: always four digits).
        DateOnly.FromDayNumber(dayNumber).Deconstruct(out int year, out int month, out int day);
        d[0] = (byte)('0' + (year / 1000));
        d[1] = (byte)('0' + (year / 100 % 10));
        d[2] = (byte)('0' + (year / 10 % 10));
        d[3] = (byte)('0' + (year % 10));
        d[4] = (byte)'-';
        d[5] = (byte)('0' + (month / 10));
        d[6] = (byte)('0' + (month % 10));
        d[7] = (byte)'-';
        d[8] = (byte)('0' + (day / 10));
        d[9] = (byte)('0' + (day % 10));
        _recentDay[slot] = dayNumber + 1L;
        _recentText0[slot] = System.Buffers.Binary.BinaryPrimitives.ReadUInt64LittleEndian(d);
        _recentText1[slot] = System.Buffers.Binary.BinaryPrimitives.ReadUInt16LittleEndian(d[8..]);
        Length += 10;
    }
}
