namespace DatRules.Data.Formats.Parquet;

/// <summary>The parts of a Parquet page header the page decoder needs (the rest is skipped).</summary>
/// <param name="Type">The page type: 0 data, 2 dictionary, 3 data v2 (1, an index page, is skipped).</param>
/// <param name="UncompressedSize">The page's bytes after decompression (for v2, levels included).</param>
/// <param name="CompressedSize">The page's bytes in the file.</param>
/// <param name="Values">The values in the page, nulls included (a dictionary page: its entries).</param>
/// <param name="Encoding">The values' encoding (0 plain, 2 plain dictionary, 8 RLE dictionary, ...).</param>
/// <param name="LevelEncoding">The definition levels' encoding (v1; 3 RLE).</param>
/// <param name="DefinitionBytes">v2: the definition levels' bytes (never compressed).</param>
/// <param name="RepetitionBytes">v2: the repetition levels' bytes.</param>
/// <param name="IsCompressed">v2: whether the values are compressed.</param>
/// <param name="HeaderSize">The header's own bytes.</param>
internal readonly record struct PageHeader(int Type, int UncompressedSize, int CompressedSize, int Values, int Encoding, int LevelEncoding, int DefinitionBytes, int RepetitionBytes, bool IsCompressed, int HeaderSize)
{
    /// <summary>A data page (v1).</summary>
    public const int DataPage = 0;

    /// <summary>A dictionary page.</summary>
    public const int DictionaryPage = 2;

    /// <summary>A data page (v2).</summary>
    public const int DataPageV2 = 3;

    /// <summary>Reads a page header at the start of <paramref name="data"/>.</summary>
    /// <param name="data">The bytes from the header on.</param>
    /// <returns>The header.</returns>
    /// <exception cref="InvalidDataException">The header is not valid Thrift or misses a required field.</exception>
    public static PageHeader Read(ReadOnlySpan<byte> data)
    {
        var r = new ThriftCompactReader(data);
        int type = -1, uncompressed = -1, compressed = -1, values = -1, encoding = -1, levels = 3, definition = 0, repetition = 0;
        bool isCompressed = true;
        short last = 0;
        while (true)
        {
            short id = r.ReadFieldHeader(ref last, out byte t);
            if (t == ThriftCompactReader.Stop)
            {
                break;
            }

            switch (id)
            {
                case 1 when t == ThriftCompactReader.I32:
                    type = r.ReadI32();
                    break;
                case 2 when t == ThriftCompactReader.I32:
                    uncompressed = r.ReadI32();
                    break;
                case 3 when t == ThriftCompactReader.I32:
                    compressed = r.ReadI32();
                    break;
                case 5 or 7 when t == ThriftCompactReader.Struct:
                    // DataPageHeader / DictionaryPageHeader: 1 num_values, 2 encoding, (data) 3 definition level encoding.
                    ReadInner(ref r, id == 5, out values, out encoding, ref levels);
                    break;
                case 8 when t == ThriftCompactReader.Struct:
                    ReadV2(ref r, out values, out encoding, out definition, out repetition, out isCompressed);
                    break;
                default:
                    r.Skip(t);
                    break;
            }
        }

        if (type < 0 || uncompressed < 0 || compressed < 0)
        {
            throw new InvalidDataException("A Parquet page header misses its type or sizes.");
        }

        return new PageHeader(type, uncompressed, compressed, values, encoding, levels, definition, repetition, isCompressed, r.Position);
    }

    private static void ReadInner(ref ThriftCompactReader r, bool data, out int values, out int encoding, ref int levels)
    {
        values = -1;
        encoding = -1;
        short last = 0;
        while (true)
        {
            short id = r.ReadFieldHeader(ref last, out byte t);
            if (t == ThriftCompactReader.Stop)
            {
                return;
            }

            if (id == 1 && t == ThriftCompactReader.I32)
            {
                values = r.ReadI32();
            }
            else if (id == 2 && t == ThriftCompactReader.I32)
            {
                encoding = r.ReadI32();
            }
            else if (id == 3 && data && t == ThriftCompactReader.I32)
            {
                levels = r.ReadI32();
            }
            else
            {
                r.Skip(t);
            }
        }
    }

    private static void ReadV2(ref ThriftCompactReader r, out int values, out int encoding, out int definition, out int repetition, out bool isCompressed)
    {
        values = encoding = -1;
        definition = repetition = 0;
        isCompressed = true;
        short last = 0;
        while (true)
        {
            short id = r.ReadFieldHeader(ref last, out byte t);
            if (t == ThriftCompactReader.Stop)
            {
                return;
            }

            switch (id)
            {
                case 1 when t == ThriftCompactReader.I32:
                    values = r.ReadI32();
                    break;
                case 4 when t == ThriftCompactReader.I32:
                    encoding = r.ReadI32();
                    break;
                case 5 when t == ThriftCompactReader.I32:
                    definition = r.ReadI32();
                    break;
                case 6 when t == ThriftCompactReader.I32:
                    repetition = r.ReadI32();
                    break;
                case 7 when t is ThriftCompactReader.BoolTrue or ThriftCompactReader.BoolFalse:
                    isCompressed = t == ThriftCompactReader.BoolTrue;
                    break;
                default:
                    r.Skip(t);
                    break;
            }
        }
    }
}
