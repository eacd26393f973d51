using System.Text;

namespace DatRules.Data;

/// <summary>A yes/no column: 0 unknown, 1 yes, 2 no (as the universe stores flags).</summary>
internal sealed class FlagColumn : ColumnStore
{
    private byte[] _values = new byte[16];

    /// <summary>Initializes an empty store.</summary>
    /// <param name="column">The column.</param>
    public FlagColumn(SnapshotColumn column)
        : base(column)
    {
    }

    private FlagColumn(FlagColumn whole, int rowBase)
        : base(whole, rowBase) => _values = whole._values;

    /// <summary>Gets the stored flags (0 unknown, 1 yes, 2 no).</summary>
    public ReadOnlySpan<byte> Values => _values;

    /// <summary>Gets row <paramref name="row"/>'s flag.</summary>
    /// <param name="row">The row.</param>
    /// <returns>The flag, or <see langword="null"/> when not given.</returns>
    public bool? this[int row] => _values[row] switch { 1 => true, 2 => false, _ => null };

    public override void Reserve(int rows) => ReserveRows(ref _values, rows);

    internal override ColumnStore PartAt(int rowBase) => new FlagColumn(this, rowBase);

    internal override void Join(IReadOnlyList<PartRows> parts) => JoinRows(_values, parts);

    /// <summary>Resizes the values to exactly <paramref name="count"/> and returns them (shared from now on).</summary>
    /// <param name="count">The row count.</param>
    /// <returns>The values.</returns>
    internal byte[] Trim(int count)
    {
        Array.Resize(ref _values, count);
        return _values;
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public override void Parse(ReadOnlySpan<byte> value, int row, int line, List<InputError> errors)
    {
        row += Base;
        Ensure(ref _values, row);
        _values[row] = 0;
        if (value.IsEmpty)
        {
            MissingIsError(line, errors);
        }
        else if (Ascii.EqualsIgnoreCase(value, "true"u8) || Ascii.EqualsIgnoreCase(value, "yes"u8) || value.SequenceEqual("1"u8))
        {
            _values[row] = 1;
        }
        else if (Ascii.EqualsIgnoreCase(value, "false"u8) || Ascii.EqualsIgnoreCase(value, "no"u8) || value.SequenceEqual("0"u8))
        {
            _values[row] = 2;
        }
        else
        {
            errors.Add(new InputError(line, Column.Name, $"'{Text(value)}' is not true/false"));
        }
    }

    internal override ColumnStore Gather(int[] rows) => new FlagColumn(Column) { _values = GatherRows(_values, rows) };
}
