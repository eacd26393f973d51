using Microsoft.Win32.SafeHandles;

namespace DatRules.Data;

/// <summary>
/// A read-only, forward-only stream over a byte range of a file, read with positioned reads: several of them read one
/// file handle at once (the parts of a file read on several cores).
/// </summary>
/// <param name="file">The open file.</param>
/// <param name="start">The first byte.</param>
/// <param name="end">The byte after the last.</param>
internal sealed class FileSegmentStream(SafeFileHandle file, long start, long end) : Stream
{
    private readonly long _start = start;
    private long _position = start;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => _position - _start; set => throw new NotSupportedException(); }

    public override int Read(Span<byte> buffer)
    {
        int n = RandomAccess.Read(file, buffer[..(int)Math.Min(buffer.Length, end - _position)], _position);
        _position += n;
        return n;
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
