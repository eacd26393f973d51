using System.Buffers.Binary;
using System.IO.Compression;
using Parquet.Meta;

namespace DatRules.Data.Formats.Parquet;

/// <summary>
/// Decodes the common case of a flat Parquet column chunk straight into arrays, without Parquet.Net's per-value
/// conversions: INT32, INT64 and BYTE_ARRAY columns, required or optional; data pages v1 and v2; PLAIN and dictionary
/// (PLAIN_DICTIONARY, RLE_DICTIONARY) values; uncompressed, Snappy, Zstandard or gzip. Anything else (another encoding or
/// codec, a nested column) and anything that does not add up (sizes past the chunk, a page header that is not Thrift,
/// fewer or more values than rows, a dictionary index out of range) makes <see cref="TryDecode"/> return
/// <see langword="false"/> with the reason, and the caller reads the chunk with Parquet.Net instead: one answer for a
/// file, whichever decoder reads it.
/// </summary>
internal sealed class ColumnChunkDecoder
{
    /// <summary>The largest page or chunk decoded here (larger ones are left to Parquet.Net).</summary>
    private const int MaxBytes = 1 << 30;

    private byte[] _chunk = [];
    private byte[] _page = [];
    private int[] _indices = [];
    private long[] _dictNumbers = [];
    private int[] _dictStarts = [];
    private int _bytesUsed;
    private int _valuesAt;
    private int _pageAt;
    private int _rows;

    /// <summary>The physical types decoded here.</summary>
    internal enum Physical
    {
        /// <summary>INT32.</summary>
        Int32,

        /// <summary>INT64.</summary>
        Int64,

        /// <summary>BYTE_ARRAY.</summary>
        ByteArray,
    }

    /// <summary>Gets the physical type a column chunk is decoded as, or <see langword="null"/> when it is not decoded here.</summary>
    /// <param name="chunk">The column chunk.</param>
    /// <returns>The type.</returns>
    public static Physical? PhysicalOf(ColumnChunk chunk) => chunk.MetaData?.Type switch
    {
        global::Parquet.Meta.Type.INT32 => Physical.Int32,
        global::Parquet.Meta.Type.INT64 => Physical.Int64,
        global::Parquet.Meta.Type.BYTE_ARRAY => Physical.ByteArray,
        _ => null,
    };

    /// <summary>Decodes a column chunk.</summary>
    /// <param name="stream">The file (seekable).</param>
    /// <param name="chunk">The chunk's metadata.</param>
    /// <param name="maxDefinition">The column's maximum definition level (0 required, 1 optional; more: not decoded here).</param>
    /// <param name="rows">The row group's rows.</param>
    /// <param name="into">Where the values go.</param>
    /// <param name="why">Why the chunk is not decoded here, or <see langword="null"/>.</param>
    /// <returns>Whether it was decoded.</returns>
    public bool TryDecode(Stream stream, ColumnChunk chunk, int maxDefinition, int rows, ChunkValues into, out string? why)
    {
        try
        {
            why = Decode(stream, chunk, maxDefinition, rows, into);
        }
        catch (Exception e) when (e is InvalidDataException or OverflowException)
        {
            // Overflow: a size or count that does not fit (the build checks arithmetic); the data does not add up.
            why = e.Message;
        }

        return why is null;
    }

    private string? Decode(Stream stream, ColumnChunk chunk, int maxDefinition, int rows, ChunkValues into)
    {
        if (chunk.MetaData is not { } meta || PhysicalOf(chunk) is not { } physical)
        {
            return "not an INT32, INT64 or BYTE_ARRAY column";
        }

        if (maxDefinition > 1 || chunk.FilePath is not null || chunk.CryptoMetadata is not null || chunk.EncryptedColumnMetadata is not null)
        {
            return "nested, encrypted or in another file";
        }

        if (meta.Codec is not (CompressionCodec.UNCOMPRESSED or CompressionCodec.SNAPPY or CompressionCodec.ZSTD or CompressionCodec.GZIP))
        {
            return $"compressed with {meta.Codec}";
        }

        if (meta.NumValues != rows)
        {
            return $"{meta.NumValues} values for {rows} rows";
        }

        long start = meta.DictionaryPageOffset is > 0 and var d && d < meta.DataPageOffset ? d : meta.DataPageOffset;
        long size = meta.TotalCompressedSize;
        if (start < 0 || size <= 0 || size > MaxBytes || start > stream.Length - size)
        {
            return $"a chunk of {size} bytes at {start}, past the file's {stream.Length}";
        }

        Grow(ref _chunk, (int)size);
        stream.Seek(start, SeekOrigin.Begin);
        stream.ReadExactly(_chunk, 0, (int)size);

        into.Rows = rows;
        into.Count = 0;
        into.AllPresent = true;
        if (maxDefinition > 0)
        {
            Grow(into.Present, rows, a => into.Present = a);
        }

        if (physical == Physical.ByteArray)
        {
            Grow(into.Starts, rows, a => into.Starts = a);
            _bytesUsed = 0;
            into.ByteCount = 0;

            // Pages are decompressed straight into the values' bytes (no second copy): room for all of them at once.
            long all = Math.Clamp(meta.TotalUncompressedSize, 0, MaxBytes);
            if (into.Bytes.Length < all)
            {
                into.Bytes = new byte[all];
            }
        }
        // Numbers: a chunk of one PLAIN page is read where it was decompressed (ChunkValues.Plain); any other fills Numbers.
        into.Plain = default;
        into.PlainWidth = 0;
        _rows = rows;

        var bytes = physical == Physical.ByteArray ? into : null;
        int dictionary = -1;
        int row = 0, at = 0;
        while (row < rows)
        {
            if (at >= size)
            {
                return $"the chunk ends after {row} of {rows} rows";
            }

            var header = PageHeader.Read(_chunk.AsSpan(at, (int)size - at));
            at += header.HeaderSize;
            if (header.CompressedSize < 0 || header.CompressedSize > size - at || header.UncompressedSize is < 0 or > MaxBytes)
            {
                return "a page past the chunk";
            }

            var raw = _chunk.AsSpan(at, header.CompressedSize);
            at += header.CompressedSize;
            switch (header.Type)
            {
                case PageHeader.DictionaryPage:
                    if (dictionary >= 0 || header.Encoding is not (0 or 2) || header.Values < 0)
                    {
                        return "a second dictionary or one not PLAIN";
                    }

                    dictionary = header.Values;
                    var entries = Page(meta.Codec, raw, header.UncompressedSize, true, bytes);
                    _valuesAt = _pageAt;
                    DecodeDictionary(entries, physical, header.Values, into);
                    break;
                case PageHeader.DataPage or PageHeader.DataPageV2:
                    {
                        if (header.Values <= 0 || header.Values > rows - row)
                        {
                            return $"a page of {header.Values} values where {rows - row} rows are left";
                        }

                        ReadOnlySpan<byte> levels, values;
                        if (header.Type == PageHeader.DataPage)
                        {
                            var page = Page(meta.Codec, raw, header.UncompressedSize, true, bytes);
                            _valuesAt = _pageAt;
                            if (maxDefinition == 0)
                            {
                                levels = default;
                                values = page;
                            }
                            else
                            {
                                if (header.LevelEncoding != 3 || page.Length < 4)
                                {
                                    return "definition levels not RLE";
                                }

                                int n = BinaryPrimitives.ReadInt32LittleEndian(page);
                                if (n < 0 || n > page.Length - 4)
                                {
                                    return "definition levels past the page";
                                }

                                levels = page.Slice(4, n);
                                values = page[(4 + n)..];
                                _valuesAt += 4 + n;
                            }
                        }
                        else
                        {
                            if (header.RepetitionBytes != 0 || header.DefinitionBytes < 0 || header.DefinitionBytes > raw.Length)
                            {
                                return "repetition levels, or definition levels past the page";
                            }

                            levels = raw[..header.DefinitionBytes];
                            var rest = raw[header.DefinitionBytes..];
                            values = Page(meta.Codec, rest, header.UncompressedSize - header.DefinitionBytes, header.IsCompressed, bytes);
                            _valuesAt = _pageAt;
                        }

                        int present = header.Values;
                        if (maxDefinition > 0)
                        {
                            present = DecodeLevels(levels, header.Values, into.Present.AsSpan(row, header.Values));
                            into.AllPresent &= present == header.Values;
                        }

                        string? bad = header.Encoding switch
                        {
                            0 => DecodePlain(values, physical, present, header.Values == rows, into),
                            2 or 8 when dictionary >= 0 => DecodeIndices(values, physical, present, dictionary, into),
                            5 when physical != Physical.ByteArray => DecodeDelta(values, physical, present, into),
                            _ => $"values encoded {(Encoding)header.Encoding}",
                        };
                        if (bad is not null)
                        {
                            return bad;
                        }

                        row += header.Values;
                        break;
                    }

                case 1:
                    break;
                default:
                    return $"a page of type {header.Type}";
            }
        }

        return null;
    }

    /// <summary>Decodes definition levels of bit width 1 (RLE/bit-packed hybrid) into <paramref name="present"/>.</summary>
    private static int DecodeLevels(ReadOnlySpan<byte> data, int count, Span<byte> present)
    {
        Hybrid(data, 1, present);
        return present.Count((byte)1);
    }

    private void DecodeDictionary(ReadOnlySpan<byte> page, Physical physical, int count, ChunkValues into)
    {
        if (physical == Physical.ByteArray)
        {
            Grow(ref _dictStarts, count);
            ReadByteArrays(page, count, _dictStarts, 0);
        }
        else
        {
            Grow(ref _dictNumbers, count);
            ReadNumbers(page, physical, count, _dictNumbers, 0);
        }
    }

    private string? DecodePlain(ReadOnlySpan<byte> values, Physical physical, int present, bool wholeChunk, ChunkValues into)
    {
        int width = physical == Physical.Int32 ? 4 : 8;
        if (physical == Physical.ByteArray)
        {
            ReadByteArrays(values, present, into.Starts, into.Count);
        }
        else if (wholeChunk && (long)present * width <= values.Length
            && (((ReadOnlySpan<byte>)_page).Overlaps(values, out int offset) ? _page : ((ReadOnlySpan<byte>)_chunk).Overlaps(values, out offset) ? _chunk : null) is { } array)
        {
            // The only page: its values are read in place (little-endian, as ChunkValues.NumberAt reads them).
            into.Plain = array.AsMemory(offset, present * width);
            into.PlainWidth = width;
        }
        else
        {
            NumbersFor(into);
            ReadNumbers(values, physical, present, into.Numbers, into.Count);
        }

        into.Count += present;
        return null;
    }

    private string? DecodeIndices(ReadOnlySpan<byte> values, Physical physical, int present, int dictionary, ChunkValues into)
    {
        if (present == 0)
        {
            return null;
        }

        if (values.IsEmpty || values[0] > 32)
        {
            return "a dictionary index width over 32";
        }

        NumbersFor(into);
        Grow(ref _indices, present);
        var indices = _indices.AsSpan(0, present);
        Hybrid(values[1..], values[0], indices);
        int at = into.Count;
        for (int i = 0; i < indices.Length; i++)
        {
            if ((uint)indices[i] >= (uint)dictionary)
            {
                return $"dictionary index {indices[i]} of {dictionary} entries";
            }
        }

        if (physical == Physical.ByteArray)
        {
            var starts = into.Starts.AsSpan(at, present);
            for (int i = 0; i < indices.Length; i++)
            {
                starts[i] = _dictStarts[indices[i]];
            }
        }
        else
        {
            var numbers = into.Numbers.AsSpan(at, present);
            for (int i = 0; i < indices.Length; i++)
            {
                numbers[i] = _dictNumbers[indices[i]];
            }
        }

        into.Count += present;
        return null;
    }

    /// <summary>Makes room for the chunk's numbers (a byte-array chunk has none).</summary>
    private void NumbersFor(ChunkValues into) => Grow(into.Numbers, _rows, a => into.Numbers = a);

    private static void ReadNumbers(ReadOnlySpan<byte> data, Physical physical, int count, long[] into, int at)
    {
        int width = physical == Physical.Int32 ? 4 : 8;
        if ((long)count * width > data.Length)
        {
            throw new InvalidDataException($"{count} values need {(long)count * width} bytes; the page has {data.Length}.");
        }

        var dest = into.AsSpan(at, count);
        if (width == 4)
        {
            for (int i = 0; i < dest.Length; i++)
            {
                dest[i] = BinaryPrimitives.ReadInt32LittleEndian(data.Slice(i * 4, 4));
            }
        }
        else
        {
            for (int i = 0; i < dest.Length; i++)
            {
                dest[i] = BinaryPrimitives.ReadInt64LittleEndian(data.Slice(i * 8, 8));
            }
        }
    }

    /// <summary>Finds PLAIN byte arrays (a 4-byte length, then the bytes) in <paramref name="data"/>, which starts at <see cref="_valuesAt"/> in <see cref="ChunkValues.Bytes"/>.</summary>
    private void ReadByteArrays(ReadOnlySpan<byte> data, int count, int[] starts, int at)
    {
        int end = 0;
        for (int i = 0; i < count; i++)
        {
            if (data.Length - end < 4)
            {
                throw new InvalidDataException("A byte array's length past the page.");
            }

            int n = BinaryPrimitives.ReadInt32LittleEndian(data[end..]);
            end += 4;
            if (n < 0 || n > data.Length - end)
            {
                throw new InvalidDataException($"A byte array of {n} bytes past the page.");
            }

            starts[at + i] = _valuesAt + end;
            end += n;
        }
    }

    private string? DecodeDelta(ReadOnlySpan<byte> values, Physical physical, int present, ChunkValues into)
    {
        NumbersFor(into);
        DeltaBinaryPacked(values, physical == Physical.Int32, into.Numbers.AsSpan(into.Count, present));
        into.Count += present;
        return null;
    }

    /// <summary>
    /// Decodes DELTA_BINARY_PACKED into every slot of <paramref name="into"/>: a header (values per block, miniblocks per
    /// block, the count, the first value), then blocks of a minimum delta, one bit width per miniblock and the
    /// miniblocks' bit-packed deltas; each value is the previous plus its delta, wrapping at 32 bits for INT32.
    /// </summary>
    internal static void DeltaBinaryPacked(ReadOnlySpan<byte> data, bool int32, Span<long> into)
    {
        int at = 0;
        ulong blockSize = Varint(data, ref at), miniblocks = Varint(data, ref at), total = Varint(data, ref at);
        long value = ZigZag(Varint(data, ref at));
        if (blockSize == 0 || blockSize % 128 != 0 || miniblocks == 0 || blockSize % miniblocks != 0 || blockSize / miniblocks % 32 != 0 || miniblocks > blockSize)
        {
            throw new InvalidDataException($"A DELTA_BINARY_PACKED header of {blockSize} values in {miniblocks} miniblocks.");
        }

        if (total < (ulong)into.Length)
        {
            throw new InvalidDataException($"DELTA_BINARY_PACKED holds {total} values where {into.Length} are needed.");
        }

        if (into.IsEmpty)
        {
            return;
        }

        into[0] = value;
        int filled = 1, perMini = (int)(blockSize / miniblocks);
        while (filled < into.Length)
        {
            long minDelta = ZigZag(Varint(data, ref at));
            if ((ulong)(data.Length - at) < miniblocks)
            {
                throw new InvalidDataException("DELTA_BINARY_PACKED bit widths past the data.");
            }

            var widths = data.Slice(at, (int)miniblocks);
            at += (int)miniblocks;
            for (int m = 0; m < widths.Length && filled < into.Length; m++)
            {
                int width = widths[m];
                if (width > 64)
                {
                    throw new InvalidDataException($"A DELTA_BINARY_PACKED bit width of {width}.");
                }

                long bytes = (long)perMini * width / 8;
                if (bytes > data.Length - at)
                {
                    // The last miniblock may stop at the bytes its values need.
                    bytes = data.Length - at;
                }

                var packed = data.Slice(at, (int)bytes);
                at += (int)bytes;
                int n = Math.Min(perMini, into.Length - filled);
                if ((long)n * width > bytes * 8)
                {
                    throw new InvalidDataException("DELTA_BINARY_PACKED values past the data.");
                }

                for (int i = 0; i < n; i++)
                {
                    ulong delta = Bits(packed, (long)i * width, width);
                    value = unchecked(value + minDelta + (long)delta);
                    if (int32)
                    {
                        value = unchecked((int)value);
                    }

                    into[filled++] = value;
                }
            }
        }
    }

    /// <summary>Reads <paramref name="width"/> bits (0 to 64, least significant first) at bit <paramref name="bit"/>.</summary>
    private static ulong Bits(ReadOnlySpan<byte> packed, long bit, int width)
    {
        if (width == 0)
        {
            return 0;
        }

        int first = (int)(bit >> 3), shift = (int)(bit & 7);
        UInt128 window = 0;
        int take = Math.Min((shift + width + 7) / 8, packed.Length - first);
        for (int k = 0; k < take; k++)
        {
            window |= (UInt128)packed[first + k] << (8 * k);
        }

        window >>= shift;
        return width == 64 ? (ulong)(window & ulong.MaxValue) : (ulong)(window & ((1UL << width) - 1));
    }

    private static ulong Varint(ReadOnlySpan<byte> data, ref int at)
    {
        ulong v = 0;
        for (int shift = 0; shift < 70; shift += 7)
        {
            if (at >= data.Length)
            {
                throw new InvalidDataException("A varint past the data.");
            }

            byte b = data[at++];
            v |= (ulong)(b & 0x7F) << shift;
            if ((b & 0x80) == 0)
            {
                return v;
            }
        }

        throw new InvalidDataException("A varint longer than 10 bytes.");
    }

    private static long ZigZag(ulong v) => unchecked((long)(v >> 1) ^ -(long)(v & 1));

    /// <summary>Decodes Parquet's RLE/bit-packed hybrid of <paramref name="width"/>-bit values into every slot of <paramref name="into"/>.</summary>
    internal static void Hybrid<T>(ReadOnlySpan<byte> data, int width, Span<T> into)
        where T : unmanaged, System.Numerics.IBinaryInteger<T>
    {
        int at = 0, filled = 0;
        int bytes = (width + 7) / 8;
        uint mask = width == 32 ? uint.MaxValue : (1u << width) - 1;
        while (filled < into.Length)
        {
            ulong header = 0;
            for (int shift = 0; ; shift += 7)
            {
                if (at >= data.Length || shift > 35)
                {
                    throw new InvalidDataException($"RLE data ends after {filled} of {into.Length} values.");
                }

                byte b = data[at++];
                header |= (ulong)(b & 0x7F) << shift;
                if ((b & 0x80) == 0)
                {
                    break;
                }
            }

            if ((header & 1) == 0)
            {
                long run = (long)(header >> 1);
                if (bytes > data.Length - at)
                {
                    throw new InvalidDataException("An RLE run past the data.");
                }

                uint value = 0;
                for (int i = 0; i < bytes; i++)
                {
                    value |= (uint)data[at + i] << (8 * i);
                }

                at += bytes;
                int n = (int)Math.Min(run, into.Length - filled);
                into.Slice(filled, n).Fill(T.CreateTruncating(value & mask));
                filled += n;
            }
            else
            {
                long values = (long)(header >> 1) * 8;
                long length = (long)(header >> 1) * width;
                if (length > data.Length - at)
                {
                    // A last group may be cut to the bytes its values need.
                    length = data.Length - at;
                }

                var packed = data.Slice(at, (int)length);
                at += (int)length;
                int n = (int)Math.Min(values, into.Length - filled);
                if ((long)n * width > length * 8)
                {
                    throw new InvalidDataException("Bit-packed values past the data.");
                }

                for (int i = 0; i < n; i++)
                {
                    long bit = (long)i * width;
                    int first = (int)(bit >> 3);
                    ulong window = 0;
                    int take = Math.Min(8, packed.Length - first);
                    for (int k = 0; k < take; k++)
                    {
                        window |= (ulong)packed[first + k] << (8 * k);
                    }

                    into[filled + i] = T.CreateTruncating(unchecked((uint)(window >> (int)(bit & 7))) & mask);
                }

                filled += n;
            }
        }
    }

    /// <summary>
    /// A page's bytes: for numbers, decompressed into a buffer reused page by page (or the raw bytes when not
    /// compressed); for byte arrays (<paramref name="bytes"/> given), decompressed or copied to the end of
    /// <see cref="ChunkValues.Bytes"/>, where the values stay (<see cref="_pageAt"/> is where the page starts).
    /// </summary>
    private ReadOnlySpan<byte> Page(CompressionCodec codec, ReadOnlySpan<byte> raw, int size, bool compressed, ChunkValues? bytes)
    {
        if (bytes is null)
        {
            return compressed ? Decompress(codec, raw, size, null) : raw;
        }

        if (size < 0)
        {
            throw new InvalidDataException("A negative page size.");
        }

        if (bytes.Bytes.Length - _bytesUsed < size)
        {
            var bigger = new byte[Math.Max((long)_bytesUsed + size, Math.Min(MaxBytes, bytes.Bytes.Length * 2L))];
            bytes.Bytes.AsSpan(0, _bytesUsed).CopyTo(bigger);
            bytes.Bytes = bigger;
        }

        var into = bytes.Bytes.AsSpan(_bytesUsed, size);
        if (compressed && codec != CompressionCodec.UNCOMPRESSED)
        {
            Decompress(codec, raw, size, bytes.Bytes.AsMemory(_bytesUsed, size));
        }
        else if (raw.Length == size)
        {
            raw.CopyTo(into);
        }
        else
        {
            throw new InvalidDataException("An uncompressed page whose sizes differ.");
        }

        _pageAt = _bytesUsed;
        _bytesUsed += size;
        bytes.ByteCount = _bytesUsed;
        return into;
    }

    private ReadOnlySpan<byte> Decompress(CompressionCodec codec, ReadOnlySpan<byte> raw, int size, Memory<byte>? target)
    {
        if (size < 0)
        {
            throw new InvalidDataException("A negative page size.");
        }

        if (codec == CompressionCodec.UNCOMPRESSED)
        {
            if (raw.Length != size)
            {
                throw new InvalidDataException("An uncompressed page whose sizes differ.");
            }

            return raw;
        }

        Span<byte> into;
        if (target is { } t)
        {
            into = t.Span;
        }
        else
        {
            Grow(ref _page, size);
            into = _page.AsSpan(0, size);
        }

        int n;
        try
        {
            n = codec switch
            {
                CompressionCodec.SNAPPY => Snappier.Snappy.Decompress(raw, into),
                CompressionCodec.ZSTD => Unzstd(raw, into),
                _ => Gunzip(raw, into),
            };
        }
        catch (Exception e) when (e is not InvalidDataException and not OutOfMemoryException)
        {
            throw new InvalidDataException($"{codec} data that does not decompress ({e.Message}).", e);
        }

        if (n != size)
        {
            throw new InvalidDataException($"A page of {n} bytes where its header says {size}.");
        }

        return into;
    }

    private static int Unzstd(ReadOnlySpan<byte> raw, Span<byte> into)
    {
        using var zstd = new ZstdSharp.Decompressor();
        return zstd.Unwrap(raw, into);
    }

    private static int Gunzip(ReadOnlySpan<byte> raw, Span<byte> into)
    {
        using var gz = new GZipStream(new MemoryStream(raw.ToArray()), CompressionMode.Decompress);
        int n = 0;
        while (n < into.Length && gz.Read(into[n..]) is var r && r > 0)
        {
            n += r;
        }

        return gz.ReadByte() < 0 ? n : -1;
    }

    private static void Grow<T>(ref T[] array, int size)
    {
        if (array.Length < size)
        {
            array = new T[Math.Max(size, array.Length * 2)];
        }
    }

    private static void Grow<T>(T[] array, int size, Action<T[]> set)
    {
        if (array.Length < size)
        {
            set(new T[size]);
        }
    }
}
