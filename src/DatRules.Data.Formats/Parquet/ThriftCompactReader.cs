namespace DatRules.Data.Formats.Parquet;

/// <summary>
/// Reads Thrift's compact protocol (what Parquet's footer and page headers are written in) from a buffer that is not trusted: every
/// read is bounds-checked, varints are at most 10 bytes, nesting is at most 32 deep, and anything wrong is an
/// <see cref="InvalidDataException"/> saying what and where.
/// </summary>
internal ref struct ThriftCompactReader
{
    /// <summary>The compact protocol's field and element types.</summary>
    internal const byte Stop = 0, BoolTrue = 1, BoolFalse = 2, Byte = 3, I16 = 4, I32 = 5, I64 = 6, Double = 7, Binary = 8, List = 9, Set = 10, Map = 11, Struct = 12;

    private const int MaxDepth = 32;

    private readonly ReadOnlySpan<byte> _data;
    private int _at;

    /// <summary>Initializes a reader at the start of <paramref name="data"/>.</summary>
    /// <param name="data">The bytes.</param>
    public ThriftCompactReader(ReadOnlySpan<byte> data)
    {
        _data = data;
        _at = 0;
    }

    /// <summary>Gets the bytes read so far.</summary>
    public readonly int Position => _at;

    /// <summary>Reads a field header of a struct whose previous field id is <paramref name="lastId"/>.</summary>
    /// <param name="lastId">The previous field id of the struct (0 at its start); updated.</param>
    /// <param name="type">The field's type (<see cref="Stop"/> at the struct's end).</param>
    /// <returns>The field id (0 at the struct's end).</returns>
    public short ReadFieldHeader(ref short lastId, out byte type)
    {
        byte b = ReadByte();
        type = (byte)(b & 0x0F);
        if (type == Stop)
        {
            return 0;
        }

        int delta = b >> 4;
        lastId = unchecked(delta != 0 ? (short)(lastId + delta) : (short)ZigZag(ReadVarint()));
        return lastId;
    }

    /// <summary>Reads an i32 (zigzag varint).</summary>
    /// <returns>The value.</returns>
    public int ReadI32()
    {
        long v = ZigZag(ReadVarint());
        if (v is < int.MinValue or > int.MaxValue)
        {
            throw Bad("an i32 out of range");
        }

        return (int)v;
    }

    /// <summary>Reads an i64 (zigzag varint).</summary>
    /// <returns>The value.</returns>
    public long ReadI64() => ZigZag(ReadVarint());

    /// <summary>Reads a byte (an i8 field).</summary>
    /// <returns>The value.</returns>
    public sbyte ReadI8() => unchecked((sbyte)ReadByte());

    /// <summary>Reads a binary or string value: its length, then its bytes.</summary>
    /// <returns>The bytes (a slice of the data).</returns>
    public ReadOnlySpan<byte> ReadBinary()
    {
        int n = Length();
        var value = _data.Slice(_at, n);
        _at += n;
        return value;
    }

    /// <summary>Reads a list or set header.</summary>
    /// <param name="element">The elements' type.</param>
    /// <returns>The number of elements.</returns>
    public int ReadListHeader(out byte element)
    {
        byte h = ReadByte();
        int n = h >> 4;
        if (n == 15)
        {
            n = Length();
        }

        element = (byte)(h & 0x0F);
        if (n > _data.Length - _at)
        {
            // Every element takes at least one byte (a boolean of a list included).
            throw Bad($"a list of {n} elements past the end");
        }

        return n;
    }

    /// <summary>Skips a value of a type.</summary>
    /// <param name="type">The type.</param>
    public void Skip(byte type) => Skip(type, 0);

    private void Skip(byte type, int depth)
    {
        if (depth > MaxDepth)
        {
            throw Bad("nesting deeper than 32");
        }

        switch (type)
        {
            case BoolTrue or BoolFalse:
                break;
            case Byte:
                Take(1);
                break;
            case I16 or I32 or I64:
                ReadVarint();
                break;
            case Double:
                Take(8);
                break;
            case Binary:
                Take(Length());
                break;
            case List or Set:
                {
                    int n = ReadListHeader(out byte element);
                    for (int i = 0; i < n; i++)
                    {
                        if (element is BoolTrue or BoolFalse)
                        {
                            Take(1);
                        }
                        else
                        {
                            Skip(element, depth + 1);
                        }
                    }

                    break;
                }

            case Map:
                {
                    int n = Length();
                    if (n > 0)
                    {
                        byte kv = ReadByte();
                        for (int i = 0; i < n; i++)
                        {
                            Skip((byte)(kv >> 4), depth + 1);
                            Skip((byte)(kv & 0x0F), depth + 1);
                        }
                    }

                    break;
                }

            case Struct:
                {
                    short last = 0;
                    while (true)
                    {
                        ReadFieldHeader(ref last, out byte t);
                        if (t == Stop)
                        {
                            break;
                        }

                        Skip(t, depth + 1);
                    }

                    break;
                }

            default:
                throw Bad($"unknown type {type}");
        }
    }

    private int Length()
    {
        ulong v = ReadVarint();
        if (v > int.MaxValue || (int)v > _data.Length - _at)
        {
            throw Bad($"a length of {v} past the end");
        }

        return (int)v;
    }

    private void Take(int n)
    {
        if (n > _data.Length - _at)
        {
            throw Bad("cut short");
        }

        _at += n;
    }

    private byte ReadByte()
    {
        if (_at >= _data.Length)
        {
            throw Bad("cut short");
        }

        return _data[_at++];
    }

    private ulong ReadVarint()
    {
        ulong v = 0;
        for (int shift = 0; shift < 70; shift += 7)
        {
            byte b = ReadByte();
            v |= (ulong)(b & 0x7F) << shift;
            if ((b & 0x80) == 0)
            {
                return v;
            }
        }

        throw Bad("a varint longer than 10 bytes");
    }

    private static long ZigZag(ulong v) => (long)(v >> 1) ^ -(long)(v & 1);

    private readonly InvalidDataException Bad(string what) => new($"Thrift page header: {what} at byte {_at}.");
}
