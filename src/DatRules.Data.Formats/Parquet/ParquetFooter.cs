using System.Buffers.Binary;
using Parquet.Meta;

namespace DatRules.Data.Formats.Parquet;

/// <summary>
/// The parts of a Parquet file's footer (its Thrift <c>FileMetaData</c>) that reading a flat file needs: each column's
/// name, physical and logical type, and each row group's column chunks. Read without Parquet.Net, so that a file whose
/// columns the page decoder reads never starts it (its footer reader is most of the cost of a first read). Anything this
/// does not know (a nested or encrypted file, a footer that does not parse) gives <see langword="null"/>, and the caller
/// reads the file with Parquet.Net.
/// </summary>
internal sealed class ParquetFooter
{
    /// <summary>The largest footer read here.</summary>
    private const int MaxFooter = 64 << 20;

    private ParquetFooter(IReadOnlyList<FooterColumn> columns, IReadOnlyList<FooterRowGroup> rowGroups)
    {
        Columns = columns;
        RowGroups = rowGroups;
    }

    /// <summary>Gets the columns, in order.</summary>
    public IReadOnlyList<FooterColumn> Columns { get; }

    /// <summary>Gets the row groups, in order.</summary>
    public IReadOnlyList<FooterRowGroup> RowGroups { get; }

    /// <summary>Reads the footer of a seekable stream, or gives <see langword="null"/> when it is not one read here.</summary>
    /// <param name="stream">The file.</param>
    /// <returns>The footer.</returns>
    public static ParquetFooter? TryRead(Stream stream)
    {
        try
        {
            long length = stream.Length;
            if (length < 12)
            {
                return null;
            }

            Span<byte> tail = stackalloc byte[8];
            stream.Seek(length - 8, SeekOrigin.Begin);
            stream.ReadExactly(tail);
            int size = BinaryPrimitives.ReadInt32LittleEndian(tail);
            if (!tail[4..].SequenceEqual("PAR1"u8) || size <= 0 || size > MaxFooter || size > length - 12)
            {
                return null;
            }

            byte[] footer = new byte[size];
            stream.Seek(length - 8 - size, SeekOrigin.Begin);
            stream.ReadExactly(footer);
            return Parse(footer);
        }
        catch (Exception e) when (e is InvalidDataException or EndOfStreamException or OverflowException or IOException)
        {
            return null;
        }
    }

    private static ParquetFooter? Parse(ReadOnlySpan<byte> data)
    {
        var r = new ThriftCompactReader(data);
        List<FooterColumn>? columns = null;
        var groups = new List<FooterRowGroup>();
        short last = 0;
        while (true)
        {
            short id = r.ReadFieldHeader(ref last, out byte t);
            if (t == ThriftCompactReader.Stop)
            {
                break;
            }

            if (id == 2 && t == ThriftCompactReader.List)
            {
                columns = Schema(ref r);
                if (columns is null)
                {
                    return null;
                }
            }
            else if (id == 4 && t == ThriftCompactReader.List)
            {
                int n = r.ReadListHeader(out byte element);
                for (int i = 0; i < n; i++)
                {
                    if (element != ThriftCompactReader.Struct || RowGroup(ref r) is not { } group)
                    {
                        return null;
                    }

                    groups.Add(group);
                }
            }
            else
            {
                r.Skip(t);
            }
        }

        return columns is null || groups.Any(g => g.Chunks.Length != columns.Count) ? null : new ParquetFooter(columns, groups);
    }

    /// <summary>The schema: a root, then its children; <see langword="null"/> when a child has children (nested).</summary>
    private static List<FooterColumn>? Schema(ref ThriftCompactReader r)
    {
        int n = r.ReadListHeader(out byte element);
        if (element != ThriftCompactReader.Struct || n < 1)
        {
            return null;
        }

        var columns = new List<FooterColumn>(n - 1);
        for (int i = 0; i < n; i++)
        {
            var e = Element(ref r);
            if (i == 0)
            {
                if (e.Children != n - 1)
                {
                    return null;
                }
            }
            else if (e.Children > 0 || e.Physical < 0)
            {
                return null;
            }
            else
            {
                columns.Add(e.Column);
            }
        }

        return columns;
    }

    private static (FooterColumn Column, int Physical, int Children) Element(ref ThriftCompactReader r)
    {
        int physical = -1, repetition = 0, converted = -1, scale = 0, children = 0;
        string name = string.Empty;
        var logical = FooterLogical.None;
        int bits = 0;
        bool signed = true;
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
                    physical = r.ReadI32();
                    break;
                case 3 when t == ThriftCompactReader.I32:
                    repetition = r.ReadI32();
                    break;
                case 4 when t == ThriftCompactReader.Binary:
                    name = System.Text.Encoding.UTF8.GetString(r.ReadBinary());
                    break;
                case 5 when t == ThriftCompactReader.I32:
                    children = r.ReadI32();
                    break;
                case 6 when t == ThriftCompactReader.I32:
                    converted = r.ReadI32();
                    break;
                case 7 when t == ThriftCompactReader.I32:
                    scale = r.ReadI32();
                    break;
                case 10 when t == ThriftCompactReader.Struct:
                    logical = Logical(ref r, ref scale, out bits, out signed);
                    break;
                default:
                    r.Skip(t);
                    break;
            }
        }

        return (new FooterColumn(name, physical, repetition, converted, scale, logical, bits, signed), physical, children);
    }

    /// <summary>The LogicalType union: the one field set names the type (5 DECIMAL, 6 DATE, 10 INTEGER, 1 STRING).</summary>
    private static FooterLogical Logical(ref ThriftCompactReader r, ref int scale, out int bits, out bool signed)
    {
        var kind = FooterLogical.Other;
        bits = 0;
        signed = true;
        short last = 0;
        while (true)
        {
            short id = r.ReadFieldHeader(ref last, out byte t);
            if (t == ThriftCompactReader.Stop)
            {
                return kind;
            }

            if (t != ThriftCompactReader.Struct)
            {
                r.Skip(t);
                continue;
            }

            kind = id switch
            {
                1 => FooterLogical.String,
                5 => FooterLogical.Decimal,
                6 => FooterLogical.Date,
                10 => FooterLogical.Integer,
                _ => FooterLogical.Other,
            };
            short inner = 0;
            while (true)
            {
                short field = r.ReadFieldHeader(ref inner, out byte ft);
                if (ft == ThriftCompactReader.Stop)
                {
                    break;
                }

                if (id == 5 && field == 1 && ft == ThriftCompactReader.I32)
                {
                    scale = r.ReadI32();
                }
                else if (id == 10 && field == 1 && ft == ThriftCompactReader.Byte)
                {
                    bits = r.ReadI8();
                }
                else if (id == 10 && field == 2 && ft is ThriftCompactReader.BoolTrue or ThriftCompactReader.BoolFalse)
                {
                    signed = ft == ThriftCompactReader.BoolTrue;
                }
                else
                {
                    r.Skip(ft);
                }
            }
        }
    }

    private static FooterRowGroup? RowGroup(ref ThriftCompactReader r)
    {
        var chunks = new List<ColumnChunk>();
        long rows = -1;
        short last = 0;
        while (true)
        {
            short id = r.ReadFieldHeader(ref last, out byte t);
            if (t == ThriftCompactReader.Stop)
            {
                break;
            }

            if (id == 1 && t == ThriftCompactReader.List)
            {
                int n = r.ReadListHeader(out byte element);
                for (int i = 0; i < n; i++)
                {
                    if (element != ThriftCompactReader.Struct || Chunk(ref r) is not { } chunk)
                    {
                        return null;
                    }

                    chunks.Add(chunk);
                }
            }
            else if (id == 3 && t == ThriftCompactReader.I64)
            {
                rows = r.ReadI64();
            }
            else
            {
                r.Skip(t);
            }
        }

        return rows is < 0 or > int.MaxValue ? null : new FooterRowGroup(rows, [.. chunks]);
    }

    /// <summary>A column chunk: its metadata, or <see langword="null"/> when it is elsewhere, encrypted or has none.</summary>
    private static ColumnChunk? Chunk(ref ThriftCompactReader r)
    {
        ColumnMetaData? meta = null;
        bool elsewhere = false;
        short last = 0;
        while (true)
        {
            short id = r.ReadFieldHeader(ref last, out byte t);
            if (t == ThriftCompactReader.Stop)
            {
                break;
            }

            if (id == 3 && t == ThriftCompactReader.Struct)
            {
                meta = Meta(ref r);
            }
            else
            {
                // 1 file_path, 8 crypto_metadata, 9 encrypted_column_metadata: not a chunk of this file read here.
                elsewhere |= id is 1 or 8 or 9;
                r.Skip(t);
            }
        }

        return meta is null || elsewhere ? null : new ColumnChunk { MetaData = meta };
    }

    private static ColumnMetaData Meta(ref ThriftCompactReader r)
    {
        var meta = new ColumnMetaData { Encodings = [], PathInSchema = [] };
        short last = 0;
        while (true)
        {
            short id = r.ReadFieldHeader(ref last, out byte t);
            if (t == ThriftCompactReader.Stop)
            {
                return meta;
            }

            switch (id)
            {
                case 1 when t == ThriftCompactReader.I32:
                    meta.Type = (global::Parquet.Meta.Type)r.ReadI32();
                    break;
                case 4 when t == ThriftCompactReader.I32:
                    meta.Codec = (CompressionCodec)r.ReadI32();
                    break;
                case 5 when t == ThriftCompactReader.I64:
                    meta.NumValues = r.ReadI64();
                    break;
                case 6 when t == ThriftCompactReader.I64:
                    meta.TotalUncompressedSize = r.ReadI64();
                    break;
                case 7 when t == ThriftCompactReader.I64:
                    meta.TotalCompressedSize = r.ReadI64();
                    break;
                case 9 when t == ThriftCompactReader.I64:
                    meta.DataPageOffset = r.ReadI64();
                    break;
                case 11 when t == ThriftCompactReader.I64:
                    meta.DictionaryPageOffset = r.ReadI64();
                    break;
                default:
                    r.Skip(t);
                    break;
            }
        }
    }
}
