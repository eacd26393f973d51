using System.Globalization;
using System.Numerics;
using DatRules.Data.Formats.Parquet;
using global::Parquet;
using DataField = global::Parquet.Schema.DataField;
using DecimalDataField = global::Parquet.Schema.DecimalDataField;

namespace DatRules.Data.Formats;

/// <summary>
/// Reads one Parquet column into a <see cref="SnapshotFrameBuilder"/> column, row group by row group (each value given
/// to the builder typed: a decimal, a date, ...), after deciding from the column's type whether it is accepted for the
/// snapshot column's kind (<see cref="SnapshotFrameParquet"/> lists what is). A chunk that
/// <see cref="ColumnChunkDecoder"/> decodes (the common INT32, INT64 and BYTE_ARRAY pages) goes straight from its
/// arrays to the builder; any other through Parquet.Net's typed read. Both give the builder the same values.
/// </summary>
internal abstract class ParquetColumnReader
{
    private protected ParquetColumnReader(SnapshotFrameBuilder builder, int column, DataField field)
    {
        Builder = builder;
        Column = column;
        Field = field;
    }

    protected SnapshotFrameBuilder Builder { get; }

    protected int Column { get; }

    protected DataField Field { get; }

    /// <summary>Chooses the reader of a column, or says why its type is refused.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="column">The column's index.</param>
    /// <param name="field">The Parquet column.</param>
    /// <param name="kind">The snapshot column's kind.</param>
    /// <param name="refused">Why the type is refused, or <see langword="null"/>.</param>
    /// <returns>The reader, or <see langword="null"/> when refused.</returns>
    public static ParquetColumnReader? For(SnapshotFrameBuilder builder, int column, DataField field, SnapshotValueKind kind, out string? refused)
    {
        refused = null;
        Type t = Nullable.GetUnderlyingType(field.ClrType) ?? field.ClrType;
        if (t == typeof(double) || t == typeof(float) || t == typeof(Half))
        {
            refused = $"is {TypeName(t)}, a binary floating-point number, not an exact amount (0.1 is stored as 0.1000000000000000055511151231257827...) and which decimal was meant cannot be known; "
                + "write the column as DECIMAL (DuckDB: CAST(x AS DECIMAL(38, 2)); pyarrow: pa.decimal128(38, 2)) or as text";
            return null;
        }

        bool integer = t == typeof(long) || t == typeof(int) || t == typeof(short) || t == typeof(sbyte) || t == typeof(byte) || t == typeof(ushort) || t == typeof(uint) || t == typeof(ulong);
        ParquetColumnReader? reader = kind switch
        {
            SnapshotValueKind.Amount when t == typeof(decimal) => new DecimalReader(builder, column, field),
            SnapshotValueKind.Text when t == typeof(decimal) => new DecimalReader(builder, column, field),
            SnapshotValueKind.Date when t == typeof(DateOnly) => new DateReader(builder, column, field),
            SnapshotValueKind.Date when t == typeof(DateTime) => new TimestampReader(builder, column, field),
            SnapshotValueKind.Flag when t == typeof(bool) => new FlagReader(builder, column, field),
            SnapshotValueKind.Amount or SnapshotValueKind.Text or SnapshotValueKind.Flag when integer => Integers(builder, column, field, t),
            _ when t == typeof(string) || t == typeof(ReadOnlyMemory<char>) => new TextReader(builder, column, field),
            _ => null,
        };
        if (reader is null)
        {
            refused = $"is {TypeName(t)}; expected " + kind switch
            {
                SnapshotValueKind.Amount => "DECIMAL, an integer, or text in plain decimal notation",
                SnapshotValueKind.Date => "DATE, a TIMESTAMP at midnight, or text yyyy-MM-dd",
                SnapshotValueKind.Flag => "BOOLEAN, an integer 0/1, or text true/false",
                _ => "text (a string), an integer or a DECIMAL",
            };
        }

        return reader;
    }

    /// <summary>Reads the column's values of one row group into the builder: decoded by <paramref name="decoder"/> where it can, else by Parquet.Net.</summary>
    /// <param name="group">The row group.</param>
    /// <param name="stream">The file the group is read from (the decoder seeks in it).</param>
    /// <param name="decoder">The decoder (one per thread).</param>
    /// <param name="values">Where the decoder puts a chunk's values (one per thread).</param>
    /// <param name="row">The builder row of the group's first row.</param>
    /// <param name="count">The group's rows.</param>
    /// <param name="source">The input's name, for errors.</param>
    /// <returns>The task.</returns>
    public async Task ReadAsync(ParquetRowGroupReader group, Stream stream, ColumnChunkDecoder decoder, ChunkValues values, int row, int count, string source)
    {
        if (Field.MaxRepetitionLevel == 0 && Setter is { } setter && group.GetMetadata(Field) is { } chunk && Accepts(chunk)
            && decoder.TryDecode(stream, chunk, Field.MaxDefinitionLevel, count, values, out _) && setter.Set(Builder, Column, values, row, source))
        {
            return;
        }

        await ReadAsync(group, row, count).ConfigureAwait(false);
    }

    /// <summary>Gets whether a chunk of this column is given to the decoder (its physical type is the one this reader's type is stored as).</summary>
    /// <param name="chunk">The chunk.</param>
    /// <returns>Whether it is.</returns>
    private protected virtual bool Accepts(global::Parquet.Meta.ColumnChunk chunk) => false;

    /// <summary>Gets what gives a decoded chunk's values to the builder, or <see langword="null"/> when this column's chunks are not decoded here.</summary>
    private protected virtual DecodedColumnSetter? Setter => null;

    /// <summary>Reads the column's values of one row group into the builder.</summary>
    /// <param name="group">The row group.</param>
    /// <param name="row">The builder row of the group's first row.</param>
    /// <param name="count">The group's rows.</param>
    /// <returns>The task.</returns>
    public abstract Task ReadAsync(ParquetRowGroupReader group, int row, int count);

    private static string TypeName(Type t) =>
        t == typeof(double) ? "DOUBLE" : t == typeof(float) ? "FLOAT" : t == typeof(Half) ? "FLOAT16" : t == typeof(DateTime) ? "TIMESTAMP"
        : t == typeof(DateOnly) ? "DATE" : t == typeof(decimal) ? "DECIMAL" : t == typeof(bool) ? "BOOLEAN" : t == typeof(string) || t == typeof(ReadOnlyMemory<char>) ? "a string"
        : t == typeof(byte[]) ? "binary" : t.Name.ToUpperInvariant();

    private static ParquetColumnReader Integers(SnapshotFrameBuilder builder, int column, DataField field, Type t) =>
        t == typeof(long) ? new IntegerReader<long>(builder, column, field)
        : t == typeof(int) ? new IntegerReader<int>(builder, column, field)
        : t == typeof(short) ? new IntegerReader<short>(builder, column, field)
        : t == typeof(sbyte) ? new IntegerReader<sbyte>(builder, column, field)
        : t == typeof(byte) ? new IntegerReader<byte>(builder, column, field)
        : t == typeof(ushort) ? new IntegerReader<ushort>(builder, column, field)
        : t == typeof(uint) ? new IntegerReader<uint>(builder, column, field)
        : new IntegerReader<ulong>(builder, column, field);

    private abstract class StructReader<T>(SnapshotFrameBuilder builder, int column, DataField field) : ParquetColumnReader(builder, column, field)
        where T : struct
    {
        private T?[] _values = [];

        public override async Task ReadAsync(ParquetRowGroupReader group, int row, int count)
        {
            if (_values.Length < count)
            {
                _values = new T?[count];
            }

            await group.ReadAsync<T>(Field, _values.AsMemory(0, count)).ConfigureAwait(false);
            Set(_values.AsSpan(0, count), row);
        }

        protected abstract void Set(ReadOnlySpan<T?> values, int row);
    }

    private sealed class DecimalReader(SnapshotFrameBuilder builder, int column, DataField field) : StructReader<decimal>(builder, column, field)
    {
        private protected override bool Accepts(global::Parquet.Meta.ColumnChunk chunk) =>
            Field is DecimalDataField { Scale: >= 0 and <= 18 } && ColumnChunkDecoder.PhysicalOf(chunk) is ColumnChunkDecoder.Physical.Int32 or ColumnChunkDecoder.Physical.Int64;

        private protected override DecodedColumnSetter? Setter => DecodedColumnSetter.Decimal(((DecimalDataField)Field).Scale);

        protected override void Set(ReadOnlySpan<decimal?> values, int row)
        {
            for (int i = 0; i < values.Length; i++)
            {
                Builder.SetDecimal(Column, row + i, values[i]);
            }
        }
    }

    private sealed class IntegerReader<T>(SnapshotFrameBuilder builder, int column, DataField field) : StructReader<T>(builder, column, field)
        where T : struct, IBinaryInteger<T>
    {
        // Signed 32- and 64-bit only: narrower and unsigned integers are stored as INT32/INT64 with a conversion.
        private protected override bool Accepts(global::Parquet.Meta.ColumnChunk chunk) => ColumnChunkDecoder.PhysicalOf(chunk) switch
        {
            ColumnChunkDecoder.Physical.Int64 => typeof(T) == typeof(long),
            ColumnChunkDecoder.Physical.Int32 => typeof(T) == typeof(int),
            _ => false,
        };

        private protected override DecodedColumnSetter? Setter => DecodedColumnSetter.Integer;

        protected override void Set(ReadOnlySpan<T?> values, int row)
        {
            for (int i = 0; i < values.Length; i++)
            {
                Builder.SetInteger(Column, row + i, values[i] is { } v ? long.CreateChecked(v) : null);
            }
        }
    }

    private sealed class DateReader(SnapshotFrameBuilder builder, int column, DataField field) : StructReader<DateOnly>(builder, column, field)
    {
        private protected override bool Accepts(global::Parquet.Meta.ColumnChunk chunk) => ColumnChunkDecoder.PhysicalOf(chunk) == ColumnChunkDecoder.Physical.Int32;

        private protected override DecodedColumnSetter? Setter => DecodedColumnSetter.Date;

        protected override void Set(ReadOnlySpan<DateOnly?> values, int row)
        {
            for (int i = 0; i < values.Length; i++)
            {
                Builder.SetDate(Column, row + i, values[i]);
            }
        }
    }

    private sealed class TimestampReader(SnapshotFrameBuilder builder, int column, DataField field) : StructReader<DateTime>(builder, column, field)
    {
        protected override void Set(ReadOnlySpan<DateTime?> values, int row)
        {
            for (int i = 0; i < values.Length; i++)
            {
                if (values[i] is not { } v || v.TimeOfDay == TimeSpan.Zero)
                {
                    Builder.SetDate(Column, row + i, values[i] is { } d ? DateOnly.FromDateTime(d) : null);
                }
                else
                {
                    // A time of day: not a balance-sheet date; the column's own parser says so, naming the row.
                    Builder.SetText(Column, row + i, v.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture));
                }
            }
        }
    }

    private sealed class FlagReader(SnapshotFrameBuilder builder, int column, DataField field) : StructReader<bool>(builder, column, field)
    {
        protected override void Set(ReadOnlySpan<bool?> values, int row)
        {
            for (int i = 0; i < values.Length; i++)
            {
                Builder.SetFlag(Column, row + i, values[i]);
            }
        }
    }

    private sealed class TextReader(SnapshotFrameBuilder builder, int column, DataField field) : ParquetColumnReader(builder, column, field)
    {
        private ReadOnlyMemory<char>[] _values = [];
        private int[] _levels = [];

        private protected override bool Accepts(global::Parquet.Meta.ColumnChunk chunk) => ColumnChunkDecoder.PhysicalOf(chunk) == ColumnChunkDecoder.Physical.ByteArray;

        private protected override DecodedColumnSetter? Setter => DecodedColumnSetter.Text;

        public override async Task ReadAsync(ParquetRowGroupReader group, int row, int count)
        {
            // Raw: the present values back to back (no string per value) and, for an optional column, one definition
            // level per row (the maximum level: a value; less: null).
            if (_values.Length < count)
            {
                _values = new ReadOnlyMemory<char>[count];
                _levels = new int[count];
            }

            bool optional = Field.MaxDefinitionLevel > 0;
            await group.ReadRawAsync(Field, _values.AsMemory(0, count), optional ? _levels.AsMemory(0, count) : null, null).ConfigureAwait(false);
            int max = Field.MaxDefinitionLevel;
            for (int i = 0, v = 0; i < count; i++)
            {
                if (optional && _levels[i] < max)
                {
                    Builder.SetText(Column, row + i, ReadOnlySpan<char>.Empty);
                }
                else
                {
                    Builder.SetText(Column, row + i, _values[v++].Span);
                }
            }
        }
    }
}
