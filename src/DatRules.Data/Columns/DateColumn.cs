namespace DatRules.Data;

/// <summary>A date column: <see cref="DateOnly.DayNumber"/> per row, <see cref="Missing"/> when not given.</summary>
internal sealed class DateColumn : ColumnStore
{
    /// <summary>The stored value of a missing date.</summary>
    internal const int Missing = int.MinValue;

    // Files repeat a few balance-sheet dates (quarter ends), often interleaved: the last dates parsed are remembered by
    // their 10 bytes, eight of them, each in the slot its bytes hash to.
    private const int RecentDates = 8;

    private int[] _days = new int[16];
    private readonly ulong[] _recentText0 = new ulong[RecentDates];
    private readonly ushort[] _recentText1 = new ushort[RecentDates];
    private readonly int[] _recentDay = [Missing, Missing, Missing, Missing, Missing, Missing, Missing, Missing];

    /// <summary>Initializes an empty store.</summary>
    /// <param name="column">The column.</param>
    public DateColumn(SnapshotColumn column)
        : base(column)
    {
    }

    private DateColumn(DateColumn whole, int rowBase)
        : base(whole, rowBase) => _days = whole._days;

    /// <summary>Gets row <paramref name="row"/>'s day number (<see cref="Missing"/> when not given).</summary>
    /// <param name="row">The row.</param>
    /// <returns>The day number.</returns>
    public int this[int row] => _days[row];

    /// <summary>Gets row <paramref name="row"/>'s date, or <see langword="null"/>.</summary>
    /// <param name="row">The row.</param>
    /// <returns>The date.</returns>
    public NodaTime.LocalDate? DateAt(int row) => _days[row] == Missing ? null : NodaTime.LocalDate.FromDateOnly(DateOnly.FromDayNumber(_days[row]));

    public override void Reserve(int rows) => ReserveRows(ref _days, rows);

    internal override ColumnStore PartAt(int rowBase) => new DateColumn(this, rowBase);

    internal override void Join(IReadOnlyList<PartRows> parts) => JoinRows(_days, parts);

    /// <summary>Resizes the values to exactly <paramref name="count"/> and returns them (shared from now on).</summary>
    /// <param name="count">The row count.</param>
    /// <returns>The values.</returns>
    internal int[] Trim(int count)
    {
        Array.Resize(ref _days, count);
        return _days;
    }

    /// <summary>Stores a typed source's date (any <see cref="DateOnly"/> is a valid date), or a missing one by the parser's rule.</summary>
    /// <param name="day">The <see cref="DateOnly.DayNumber"/>, or <see langword="null"/> when missing.</param>
    /// <param name="row">The row.</param>
    /// <param name="line">The line or row, for errors.</param>
    /// <param name="errors">Where problems go.</param>
    internal void Set(int? day, int row, int line, List<InputError> errors)
    {
        if (day is null)
        {
            Parse(default, row, line, errors);
            return;
        }

        row += Base;
        Ensure(ref _days, row);
        _days[row] = day.Value;
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public override void Parse(ReadOnlySpan<byte> value, int row, int line, List<InputError> errors)
    {
        row += Base;
        Ensure(ref _days, row);
        _days[row] = Missing;
        if (value.IsEmpty)
        {
            MissingIsError(line, errors);
            return;
        }

        if (value.Length == 10)
        {
            ulong a = System.Buffers.Binary.BinaryPrimitives.ReadUInt64LittleEndian(value);
            ushort b = System.Buffers.Binary.BinaryPrimitives.ReadUInt16LittleEndian(value[8..]);
            int slot = unchecked((int)(((a ^ b) * 0x9E3779B97F4A7C15UL) >> 61));
            if (a == _recentText0[slot] && b == _recentText1[slot] && _recentDay[slot] != Missing)
            {
                _days[row] = _recentDay[slot];
                return;
            }

            if (TryParse(value, out int day))
            {
                _days[row] = _recentDay[slot] = day;
                _recentText0[slot] = a;
                _recentText1[slot] = b;
                return;
            }
        }

        errors.Add(new InputError(line, Column.Name, $"'{Text(value)}' is not a date in yyyy-MM-dd form"));
    }

    /// <summary>Parses exactly <c>yyyy-MM-dd</c> (a real date of year 1 or later) to a <see cref="DateOnly.DayNumber"/>.</summary>
    /// <param name="s">The bytes.</param>
    /// <param name="dayNumber">The day number.</param>
    /// <returns>Whether the text is such a date.</returns>
    internal static bool TryParse(ReadOnlySpan<byte> s, out int dayNumber)
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

    internal override ColumnStore Gather(int[] rows) => new DateColumn(Column) { _days = GatherRows(_days, rows) };
}
