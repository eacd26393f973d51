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
        // The header's i32 fields by id, and those of the one page header struct it holds (5 data, 7 dictionary, 8 data
        // v2); booleans as 1/0; Unset where absent.
        Span<int> header = stackalloc int[9];
        Span<int> page = stackalloc int[9];
        header.Fill(Unset);
        page.Fill(Unset);
        var r = new ThriftCompactReader(data);
        ReadFields(ref r, header, page);
        if (header[1] < 0 || header[2] < 0 || header[3] < 0)
        {
            throw new InvalidDataException("A Parquet page header misses its type or sizes.");
        }

        return header[8] != Unset
            ? new PageHeader(header[1], header[2], header[3], Or(page[1], -1), Or(page[4], -1), 3, Or(page[5], 0), Or(page[6], 0), page[7] != 0, r.Position)
            : new PageHeader(header[1], header[2], header[3], Or(page[1], -1), Or(page[2], -1), header[5] != Unset ? Or(page[3], 3) : 3, 0, 0, true, r.Position);

        static int Or(int value, int absent) => value == Unset ? absent : value;
    }

    private const int Unset = int.MinValue;

    /// <summary>
    /// Reads a struct's fields: an i32 or boolean field whose id is below <paramref name="fields"/>' length into its slot;
    /// a struct field 5, 7 or 8 (the top level's page header) into <paramref name="inner"/>, marking its slot; any other skipped.
    /// </summary>
    private static void ReadFields(ref ThriftCompactReader r, scoped Span<int> fields, scoped Span<int> inner)
    {
        short last = 0;
        while (true)
        {
            short id = r.ReadFieldHeader(ref last, out byte t);
            if (t == ThriftCompactReader.Stop)
            {
                return;
            }

            bool slot = id > 0 && id < fields.Length;
            if (slot && t == ThriftCompactReader.I32)
            {
                fields[id] = r.ReadI32();
            }
            else if (slot && t is ThriftCompactReader.BoolTrue or ThriftCompactReader.BoolFalse)
            {
                fields[id] = t == ThriftCompactReader.BoolTrue ? 1 : 0;
            }
            else if (slot && !inner.IsEmpty && t == ThriftCompactReader.Struct && id is 5 or 7 or 8)
            {
                fields[id] = 1;
                ReadFields(ref r, inner, default);
            }
            else
            {
                r.Skip(t);
            }
        }
    }
}
