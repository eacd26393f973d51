using System.Buffers.Binary;
using System.IO.Compression;

namespace DatRules.TestSupport;

/// <summary>
/// A PNG decoded by hand for tests (8-bit RGB or RGBA, not interlaced: what Chromium's screenshots are), with no image
/// package: the IHDR chunk's size, the IDAT chunks inflated (zlib) and unfiltered (PNG filters 0 to 4, RFC 2083 section 6).
/// </summary>
internal sealed class PngImage
{
    private readonly byte[] _pixels;
    private readonly int _channels;

    private PngImage(int width, int height, int channels, byte[] pixels) => (Width, Height, _channels, _pixels) = (width, height, channels, pixels);

    public int Width { get; }

    public int Height { get; }

    /// <summary>The colour at (x, y) as 0xRRGGBB (alpha ignored).</summary>
    public int RgbAt(int x, int y)
    {
        int i = ((y * Width) + x) * _channels;
        return (_pixels[i] << 16) | (_pixels[i + 1] << 8) | _pixels[i + 2];
    }

    /// <summary>The number of distinct colours.</summary>
    public int DistinctColours()
    {
        var seen = new HashSet<int>();
        for (int y = 0; y < Height; y++)
        {
            for (int x = 0; x < Width; x++)
            {
                seen.Add(RgbAt(x, y));
            }
        }

        return seen.Count;
    }

    /// <summary>Counts the pixels within <paramref name="tolerance"/> of a colour on each channel.</summary>
    public int CountNear(int rgb, int tolerance)
    {
        int count = 0;
        for (int y = 0; y < Height; y++)
        {
            for (int x = 0; x < Width; x++)
            {
                int c = RgbAt(x, y);
                if (Math.Abs(((c >> 16) & 0xFF) - ((rgb >> 16) & 0xFF)) <= tolerance
                    && Math.Abs(((c >> 8) & 0xFF) - ((rgb >> 8) & 0xFF)) <= tolerance
                    && Math.Abs((c & 0xFF) - (rgb & 0xFF)) <= tolerance)
                {
                    count++;
                }
            }
        }

        return count;
    }

    public static PngImage Read(string path)
    {
        byte[] file = File.ReadAllBytes(path);
        byte[] signature = [137, 80, 78, 71, 13, 10, 26, 10];
        if (!file.AsSpan(0, 8).SequenceEqual(signature))
        {
            throw new InvalidDataException($"{path}: not a PNG (bad signature).");
        }

        int width = 0, height = 0, channels = 0;
        using var idat = new MemoryStream();
        int pos = 8;
        while (pos + 8 <= file.Length)
        {
            int length = BinaryPrimitives.ReadInt32BigEndian(file.AsSpan(pos));
            string type = System.Text.Encoding.ASCII.GetString(file, pos + 4, 4);
            var data = file.AsSpan(pos + 8, length);
            if (type == "IHDR")
            {
                width = BinaryPrimitives.ReadInt32BigEndian(data);
                height = BinaryPrimitives.ReadInt32BigEndian(data[4..]);
                byte depth = data[8], colourType = data[9], interlace = data[12];
                channels = colourType switch { 2 => 3, 6 => 4, _ => 0 };
                if (depth != 8 || channels == 0 || interlace != 0)
                {
                    throw new InvalidDataException($"{path}: only 8-bit RGB/RGBA, not interlaced, is decoded (depth {depth}, colour type {colourType}, interlace {interlace}).");
                }
            }
            else if (type == "IDAT")
            {
                idat.Write(data);
            }
            else if (type == "IEND")
            {
                break;
            }

            pos += 12 + length;
        }

        idat.Position = 0;
        using var inflated = new MemoryStream();
        using (var zlib = new ZLibStream(idat, CompressionMode.Decompress))
        {
            zlib.CopyTo(inflated);
        }

        byte[] raw = inflated.ToArray();
        int stride = width * channels;
        if (raw.Length != height * (stride + 1))
        {
            throw new InvalidDataException($"{path}: {raw.Length} bytes of image data for {width}x{height}x{channels}.");
        }

        var pixels = new byte[height * stride];
        for (int y = 0; y < height; y++)
        {
            byte filter = raw[y * (stride + 1)];
            var line = raw.AsSpan((y * (stride + 1)) + 1, stride);
            var output = pixels.AsSpan(y * stride, stride);
            var previous = y == 0 ? new byte[stride] : pixels.AsSpan((y - 1) * stride, stride);
            for (int i = 0; i < stride; i++)
            {
                int a = i >= channels ? output[i - channels] : 0, b = previous[i], c = i >= channels ? previous[i - channels] : 0;
                int predicted = filter switch
                {
                    0 => 0,
                    1 => a,
                    2 => b,
                    3 => (a + b) / 2,
                    4 => Paeth(a, b, c),
                    _ => throw new InvalidDataException($"{path}: unknown filter {filter} on line {y}."),
                };
                output[i] = unchecked((byte)(line[i] + predicted));
            }
        }

        return new PngImage(width, height, channels, pixels);
    }

    private static int Paeth(int a, int b, int c)
    {
        int p = a + b - c, pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }
}
