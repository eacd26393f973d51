using System.Text.Unicode;

namespace DatRules.Data.Formats.Parquet;

/// <summary>
/// Gives a decoded column chunk's values (<see cref="ChunkValues"/>) to a <see cref="SnapshotFrameBuilder"/> column, typed
/// as the column's Parquet type says: a DECIMAL as its unscaled integer and scale, a DATE as a date, an integer, or text
/// (UTF-8, checked). Whichever reads the file (the page decoder alone, or beside Parquet.Net) gives values through these.
/// </summary>
internal abstract class DecodedColumnSetter
{
    private static readonly int Epoch = new DateOnly(1970, 1, 1).DayNumber;

    /// <summary>Gets the setter of INT32 and INT64 integers.</summary>
    public static DecodedColumnSetter Integer { get; } = new IntegerSetter();

    /// <summary>Gets the setter of DATE (INT32 days since 1970-01-01).</summary>
    public static DecodedColumnSetter Date { get; } = new DateSetter();

    /// <summary>Gets the setter of BYTE_ARRAY text.</summary>
    public static DecodedColumnSetter Text { get; } = new TextSetter();

    /// <summary>Gets the setter of a DECIMAL stored as INT32 or INT64.</summary>
    /// <param name="scale">Its scale, 0 to 18.</param>
    /// <returns>The setter.</returns>
    public static DecodedColumnSetter Decimal(int scale) => new DecimalSetter(scale);

    /// <summary>Sets a chunk's rows, or declines (returns <see langword="false"/> having set nothing) so another reader reads the chunk.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="column">The builder column.</param>
    /// <param name="values">The chunk's values.</param>
    /// <param name="row">The builder row of the chunk's first row.</param>
    /// <param name="source">The input's name, for errors.</param>
    /// <returns>Whether the rows were set.</returns>
    /// <exception cref="InputException">A text value is not UTF-8 (naming its row).</exception>
    public abstract bool Set(SnapshotFrameBuilder builder, int column, ChunkValues values, int row, string source);

    private sealed class DecimalSetter(int scale) : DecodedColumnSetter
    {
        public override bool Set(SnapshotFrameBuilder builder, int column, ChunkValues values, int row, string source)
        {
            var plain = values.Plain.Span;
            for (int i = 0, v = 0; i < values.Rows; i++)
            {
                if (values.AllPresent || values.Present[i] != 0)
                {
                    builder.SetDecimal(column, row + i, values.NumberAt(plain, v++), scale);
                }
                else
                {
                    builder.SetDecimal(column, row + i, null);
                }
            }

            return true;
        }
    }

    private sealed class IntegerSetter : DecodedColumnSetter
    {
        public override bool Set(SnapshotFrameBuilder builder, int column, ChunkValues values, int row, string source)
        {
            var plain = values.Plain.Span;
            for (int i = 0, v = 0; i < values.Rows; i++)
            {
                builder.SetInteger(column, row + i, values.AllPresent || values.Present[i] != 0 ? values.NumberAt(plain, v++) : null);
            }

            return true;
        }
    }

    private sealed class DateSetter : DecodedColumnSetter
    {
        public override bool Set(SnapshotFrameBuilder builder, int column, ChunkValues values, int row, string source)
        {
            // A day outside DateOnly's range: declined, so Parquet.Net reports it.
            var plain = values.Plain.Span;
            long max = DateOnly.MaxValue.DayNumber - Epoch, min = -Epoch;
            for (int v = 0; v < values.Count; v++)
            {
                if (values.NumberAt(plain, v) is var d && (d < min || d > max))
                {
                    return false;
                }
            }

            for (int i = 0, v = 0; i < values.Rows; i++)
            {
                builder.SetDate(column, row + i, values.AllPresent || values.Present[i] != 0 ? DateOnly.FromDayNumber((int)(values.NumberAt(plain, v++) + Epoch)) : null);
            }

            return true;
        }
    }

    private sealed class TextSetter : DecodedColumnSetter
    {
        public override bool Set(SnapshotFrameBuilder builder, int column, ChunkValues values, int row, string source)
        {
            // UTF-8 checked here, naming the row (Parquet.Net would replace invalid bytes with U+FFFD).
            for (int i = 0, v = 0; i < values.Rows; i++)
            {
                if (values.AllPresent || values.Present[i] != 0)
                {
                    var text = values.BytesAt(v++);
                    if (!Utf8.IsValid(text))
                    {
                        throw new InputException(source, [new InputError(row + i + 1, builder.SnapshotNameOf(column), "is not valid UTF-8 text") { IsRow = true }]);
                    }

                    builder.SetText(column, row + i, text);
                }
                else
                {
                    builder.SetText(column, row + i, ReadOnlySpan<byte>.Empty);
                }
            }

            return true;
        }
    }
}
