namespace DatRules.Data.Formats.Parquet;

/// <summary>
/// One column chunk's values as <see cref="ColumnChunkDecoder"/> decodes them, reused from chunk to chunk: whether each
/// row has a value, and the present values back to back (numbers, or byte ranges of <see cref="Bytes"/>).
/// </summary>
internal sealed class ChunkValues
{
    /// <summary>Gets or sets the rows.</summary>
    public int Rows { get; set; }

    /// <summary>Gets or sets the present values.</summary>
    public int Count { get; set; }

    /// <summary>Gets or sets whether every row has a value (then <see cref="Present"/> is not read).</summary>
    public bool AllPresent { get; set; }

    /// <summary>Gets per row: 1 when it has a value, 0 when null.</summary>
    public byte[] Present { get; internal set; } = [];

    /// <summary>Gets the present values of an INT32 or INT64 column (unless <see cref="PlainWidth"/> is not 0).</summary>
    public long[] Numbers { get; internal set; } = [];

    /// <summary>Gets or sets the present values of a chunk of one PLAIN page, as the page stores them (little-endian, <see cref="PlainWidth"/> bytes each).</summary>
    public ReadOnlyMemory<byte> Plain { get; set; }

    /// <summary>Gets or sets the bytes of each value in <see cref="Plain"/> (4 or 8), or 0 when the values are in <see cref="Numbers"/>.</summary>
    public int PlainWidth { get; set; }

    /// <summary>Gets where each present value of a BYTE_ARRAY column starts in <see cref="Bytes"/> (its length, as PLAIN stores it, in the 4 bytes before).</summary>
    public int[] Starts { get; internal set; } = [];


    /// <summary>Gets or sets the bytes of <see cref="Bytes"/> in use.</summary>
    public int ByteCount { get; set; }

    /// <summary>Gets the byte arrays' bytes (dictionary entries and plain values).</summary>
    public byte[] Bytes { get; internal set; } = [];

    /// <summary>Gets present value <paramref name="value"/> of an INT32 or INT64 column.</summary>
    /// <param name="plain"><see cref="Plain"/>'s span (taken once by the caller).</param>
    /// <param name="value">The value's index among the present values.</param>
    /// <returns>The value.</returns>
    public long NumberAt(ReadOnlySpan<byte> plain, int value) => PlainWidth switch
    {
        0 => Numbers[value],
        4 => System.Buffers.Binary.BinaryPrimitives.ReadInt32LittleEndian(plain.Slice(value * 4, 4)),
        _ => System.Buffers.Binary.BinaryPrimitives.ReadInt64LittleEndian(plain.Slice(value * 8, 8)),
    };

    /// <summary>Gets present value <paramref name="value"/> of a BYTE_ARRAY column.</summary>
    /// <param name="value">The value's index among the present values.</param>
    /// <returns>Its bytes.</returns>
    public ReadOnlySpan<byte> BytesAt(int value)
    {
        int start = Starts[value];
        return Bytes.AsSpan(start, System.Buffers.Binary.BinaryPrimitives.ReadInt32LittleEndian(Bytes.AsSpan(start - 4)));
    }
}
