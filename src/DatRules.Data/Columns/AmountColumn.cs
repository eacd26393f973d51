using System.Globalization;
using System.Runtime.CompilerServices;

namespace DatRules.Data;

/// <summary>
/// An amount column: integer cents per row where the value is a whole number of cents below 2^53 (every amount in
/// practice), otherwise the exact <see cref="decimal"/> on the side. Values are non-negative, in plain decimal notation.
/// </summary>
internal sealed class AmountColumn : ColumnStore
{
    /// <summary>The stored value of a missing amount (as the universe stores a missing total).</summary>
    internal const long Missing = -1;

    /// <summary>The value <see cref="this[int]"/> returns for an amount kept as a decimal (see <see cref="ValueAt"/>).</summary>
    internal const long Exact = -2;

    /// <summary>Cents below this are stored as integers (the universe's and the ratio text's bound).</summary>
    internal const long CentsLimit = 1L << 53;

    private long[] _cents = new long[16];

    // Rows whose amount is kept as a decimal (null: missing), by row; their cents slot is not read.
    private Dictionary<int, decimal?>? _exact;

    /// <summary>Initializes an empty store.</summary>
    /// <param name="column">The column.</param>
    public AmountColumn(SnapshotColumn column)
        : base(column)
    {
    }

    private AmountColumn(AmountColumn whole, int rowBase)
        : base(whole, rowBase)
    {
        _cents = whole._cents;
        Notation = whole.Notation;
    }

    /// <summary>Gets or sets the culture whose notation the values are in (<see cref="SnapshotReadOptions.Culture"/>), or <see langword="null"/> for plain decimal notation.</summary>
    internal NumberCulture? Notation { get; set; }

    /// <summary>Gets the rows kept as decimals.</summary>
    internal IEnumerable<int> ExactRows => _exact?.Keys ?? Enumerable.Empty<int>();

    /// <summary>Gets row <paramref name="row"/>'s value: cents, <see cref="Missing"/> or <see cref="Exact"/>.</summary>
    /// <param name="row">The row.</param>
    /// <returns>The value.</returns>
    public long this[int row] => _exact is { Count: > 0 } e && e.TryGetValue(row, out var v) ? (v is null ? Missing : Exact) : _cents[row];

    /// <summary>Gets row <paramref name="row"/>'s amount, or <see langword="null"/> when not given.</summary>
    /// <param name="row">The row.</param>
    /// <returns>The amount.</returns>
    public decimal? ValueAt(int row) => _exact is { Count: > 0 } e && e.TryGetValue(row, out var v) ? v : _cents[row] == Missing ? null : _cents[row] / 100m;

    /// <summary>Keeps row <paramref name="row"/> as a decimal and puts <paramref name="cents"/> in its slot (for the universe's fallback rows).</summary>
    /// <param name="row">The row.</param>
    /// <param name="cents">The slot's new value.</param>
    internal void KeepExact(int row, long cents)
    {
        (_exact ??= [])[row] = ValueAt(row);
        _cents[row] = cents;
    }

    /// <summary>Resizes the values to exactly <paramref name="count"/> and returns them (shared from now on).</summary>
    /// <param name="count">The row count.</param>
    /// <returns>The values.</returns>
    internal long[] Trim(int count)
    {
        Array.Resize(ref _cents, count);
        return _cents;
    }

    /// <summary>Makes room for <paramref name="rows"/> rows.</summary>
    /// <param name="rows">The expected row count.</param>
    public override void Reserve(int rows) => ReserveRows(ref _cents, rows);

    internal override ColumnStore PartAt(int rowBase) => new AmountColumn(this, rowBase);

    internal override void Join(IReadOnlyList<PartRows> parts)
    {
        foreach (var part in parts)
        {
            MoveRows(_cents, part);
            if (((AmountColumn)part.Store)._exact is { Count: > 0 } exact)
            {
                // Keyed by the row written (base + r): moved with the row.
                foreach (var (row, value) in exact)
                {
                    (_exact ??= [])[row - part.Base + part.Start] = value;
                }
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override void Parse(ReadOnlySpan<byte> value, int row, int line, List<InputError> errors) => Parse(value, row, line, errors, Notation);

    /// <summary>
    /// Stores a typed source's decimal: a whole number of cents below the limit straight into the integer column (what
    /// parsing its plain decimal text stores); anything else (missing, negative, sub-cent, large) through the text rules
    /// (<see cref="ParseInvariant"/>), so every check and error is the parser's.
    /// </summary>
    /// <param name="value">The value, or <see langword="null"/> when missing.</param>
    /// <param name="row">The row.</param>
    /// <param name="line">The line or row, for errors.</param>
    /// <param name="errors">Where problems go.</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal void Set(decimal? value, int row, int line, List<InputError> errors)
    {
        if (value is { } d && d >= 0m && d < CentsLimit / 100m && d * 100m is var scaled && scaled == decimal.Truncate(scaled))
        {
            int at = row + Base;
            Ensure(ref _cents, at);
            if (_exact is { Count: > 0 })
            {
                _exact.Remove(at);
            }

            _cents[at] = (long)scaled;
            return;
        }

        Span<byte> text = stackalloc byte[64];
        int n = 0;
        if (value is { } v)
        {
            v.TryFormat(text, out n, default, CultureInfo.InvariantCulture);
        }

        ParseInvariant(text[..n], row, line, errors);
    }

    /// <summary>
    /// Stores a typed source's DECIMAL as it is stored (an unscaled integer and a scale): a whole number of cents below
    /// the limit straight into the integer column; anything else through <see cref="Set"/> (every check and error).
    /// </summary>
    /// <param name="unscaled">The unscaled value.</param>
    /// <param name="scale">The scale (digits after the point), 0 to 28.</param>
    /// <param name="row">The row.</param>
    /// <param name="line">The line or row, for errors.</param>
    /// <param name="errors">Where problems go.</param>
    internal void SetUnscaled(long unscaled, int scale, int row, int line, List<InputError> errors)
    {
        long cents = -1;
        if (unscaled >= 0)
        {
            if (scale == 2)
            {
                cents = unscaled;
            }
            else if (scale < 2)
            {
                long factor = scale == 1 ? 10 : 100;
                cents = unscaled <= CentsLimit / factor ? unscaled * factor : -1;
            }
            else if (scale <= 18 && unscaled % Pow10[scale - 2] == 0)
            {
                cents = unscaled / Pow10[scale - 2];
            }
        }

        if (cents is >= 0 and < CentsLimit)
        {
            int at = row + Base;
            Ensure(ref _cents, at);
            if (_exact is { Count: > 0 })
            {
                _exact.Remove(at);
            }

            _cents[at] = cents;
            return;
        }

        Set(FromUnscaled(unscaled, scale), row, line, errors);
    }

    /// <summary>Parses a value in plain decimal notation, whatever <see cref="Notation"/> is (a typed source's decimal, formatted invariantly).</summary>
    /// <param name="value">The UTF-8 value.</param>
    /// <param name="row">The row.</param>
    /// <param name="line">The line or row, for errors.</param>
    /// <param name="errors">Where problems go.</param>
    internal void ParseInvariant(ReadOnlySpan<byte> value, int row, int line, List<InputError> errors) => Parse(value, row, line, errors, null);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Parse(ReadOnlySpan<byte> value, int row, int line, List<InputError> errors, NumberCulture? notation)
    {
        row += Base;
        Ensure(ref _cents, row);
        if (_exact is { Count: > 0 })
        {
            _exact.Remove(row);
        }

        if (value.IsEmpty)
        {
            _cents[row] = Missing;
            MissingIsError(line, errors);
            return;
        }

        if (notation is null && TryParseCents(value, out long cents))
        {
            _cents[row] = cents;
            return;
        }

        _cents[row] = Missing;
        string text = Text(value), plain = text;
        if (notation is not null && !notation.TryToPlain(text, out plain))
        {
            errors.Add(new InputError(line, Column.Name, $"'{text}' is not a number in {notation.Name} notation (expected such as {notation.Example} or 1234{notation.DecimalSeparator}56)"));
            return;
        }

        if (Parse(plain, text, Column.Name, line, errors) is not { } d)
        {
            return;
        }

        // Whole cents below the limit go to the integer column; anything else (sub-cent, or too large to scale by 100
        // without leaving decimal's range, e.g. 28 nines) keeps its exact decimal.
        if (d < CentsLimit / 100m && d * 100m is var scaled && scaled == decimal.Truncate(scaled))
        {
            _cents[row] = (long)scaled;
        }
        else
        {
            (_exact ??= [])[row] = d;
        }
    }

    /// <summary>
    /// Parses a non-negative amount in plain decimal notation (invariant culture, optional sign, no thousands
    /// separator, no exponent), at most 28 significant digits (what <see cref="decimal"/> holds exactly), recording what is wrong.
    /// </summary>
    /// <param name="text">The trimmed value.</param>
    /// <param name="column">The column, for errors.</param>
    /// <param name="line">The line, for errors.</param>
    /// <param name="errors">Where problems go.</param>
    /// <returns>The amount, or <see langword="null"/> when wrong.</returns>
    internal static decimal? Parse(string text, string column, int line, List<InputError> errors) => Parse(text, text, column, line, errors);

    /// <summary>Parses <paramref name="text"/> (plain decimal notation), naming <paramref name="shown"/> (as the input wrote it) in errors.</summary>
    private static decimal? Parse(string text, string shown, string column, int line, List<InputError> errors)
    {
        if (!decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out decimal value))
        {
            // A decimal comma (1234,56: a spreadsheet in a decimal-comma locale) is read only when the culture is given.
            string hint = text.Contains(',', StringComparison.Ordinal) && NumberCulture.Get("de-DE").TryToPlain(text, out _)
                ? "; a decimal comma is read only with a culture (screen --culture de-DE; SnapshotReadOptions.Culture)"
                : string.Empty;
            errors.Add(new InputError(line, column, $"'{shown}' is not a number (expected plain decimal notation such as 1234.56{hint})"));
            return null;
        }

        if (value < 0m)
        {
            errors.Add(new InputError(line, column, $"'{shown}' is negative; amounts and counts must be >= 0"));
            return null;
        }

        if (SignificantDigits(text) > 28)
        {
            errors.Add(new InputError(line, column, $"'{shown}' has more than 28 significant digits, more than an exact decimal holds (it would be rounded)"));
            return null;
        }

        return value;
    }

    /// <summary>Digits from the first non-zero one to the last non-zero one.</summary>
    private static int SignificantDigits(string text)
    {
        int first = -1, last = -1, count = 0, lastCount = 0;
        foreach (char c in text)
        {
            if (c is < '0' or > '9')
            {
                continue;
            }

            if (first < 0 && c == '0')
            {
                continue;
            }

            first = 0;
            count++;
            if (c != '0')
            {
                last = 0;
                lastCount = count;
            }
        }

        return last < 0 ? 0 : lastCount;
    }

    /// <summary>
    /// Parses digits with an optional point and decimals to cents: "12", "12.5", "12.50", "12.5000". Declines (for the
    /// general parse) signs, a missing integer part, decimals that are not whole cents, and 2^53 cents or more.
    /// </summary>
    /// <param name="s">The bytes.</param>
    /// <param name="cents">The cents.</param>
    /// <returns>Whether the text is such an amount.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static bool TryParseCents(ReadOnlySpan<byte> s, out long cents)
    {
        // At most 16 + 2 digits: no step can overflow a long (the checks below bound them), so no overflow checks.
        unchecked
        {
            cents = 0;
            int i = 0;
            long v = 0;
            while (i < s.Length && (uint)(s[i] - '0') <= 9)
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
                    uint digit = (uint)(s[i] - '0');
                    if (digit > 9 || (decimals >= 2 && digit != 0) || i > 40)
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

            if (v >= CentsLimit)
            {
                return false;
            }

            cents = v;
            return true;
        }
    }

    internal override ColumnStore Gather(int[] rows)
    {
        var gathered = new AmountColumn(Column) { _cents = GatherRows(_cents, rows) };
        if (_exact is { Count: > 0 } exact)
        {
            for (int i = 0; i < rows.Length; i++)
            {
                if (exact.TryGetValue(rows[i], out var value))
                {
                    (gathered._exact ??= [])[i] = value;
                }
            }
        }

        return gathered;
    }

    /// <summary>Creates a column of the given amounts (a transform's output: marked to market).</summary>
    /// <param name="column">The column.</param>
    /// <param name="values">The amounts, row by row (<see langword="null"/>: missing).</param>
    /// <returns>The store.</returns>
    internal static AmountColumn Of(SnapshotColumn column, decimal?[] values)
    {
        var store = new AmountColumn(column) { _cents = new long[Math.Max(16, values.Length)] };
        for (int row = 0; row < values.Length; row++)
        {
            if (values[row] is not { } v)
            {
                store._cents[row] = Missing;
            }
            else if (v >= 0m && v * 100m == decimal.Truncate(v * 100m) && v * 100m < CentsLimit)
            {
                store._cents[row] = (long)(v * 100m);
            }
            else
            {
                (store._exact ??= [])[row] = v;
                store._cents[row] = Exact;
            }
        }

        return store;
    }

    private static readonly long[] Pow10 = [1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000, 1_000_000_000, 10_000_000_000, 100_000_000_000, 1_000_000_000_000, 10_000_000_000_000, 100_000_000_000_000, 1_000_000_000_000_000, 10_000_000_000_000_000, 100_000_000_000_000_000];

    /// <summary>Gets the decimal of an unscaled integer and a scale, at that scale (<c>-500</c> at scale 2 is -5.00, as its text says).</summary>
    /// <param name="unscaled">The unscaled value.</param>
    /// <param name="scale">The scale, 0 to 28.</param>
    /// <returns>The decimal.</returns>
    internal static decimal FromUnscaled(long unscaled, int scale)
    {
        ulong magnitude = unscaled < 0 ? (ulong)(-(unscaled + 1)) + 1 : (ulong)unscaled;
        return new decimal(unchecked((int)(uint)magnitude), unchecked((int)(uint)(magnitude >> 32)), 0, unscaled < 0, (byte)scale);
    }
}
