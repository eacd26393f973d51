namespace DatRules.Sec.Import;

/// <summary>
/// A read-only stream that fails with a <see cref="SecDataException"/> once more than a limit has been read from it:
/// a zip entry that inflates far beyond what its kind of file can (a zip bomb), or a JSON file larger than the SEC's.
/// </summary>
/// <remarks>Disposes the inner stream unless told to leave it open (a caller's stream stays the caller's).</remarks>
internal sealed class BoundedStream(Stream inner, long limit, Func<long, SecDataException> tooLong, bool leaveOpen = false) : Stream
{
    private long _read;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => _read;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        // Ask for one byte past the limit at most, so that a stream of exactly the limit is read and one byte more fails.
        long room = limit - _read + 1;
        int n = inner.Read(room < buffer.Length ? buffer[..(int)room] : buffer);
        _read += n;
        if (_read > limit)
        {
            throw tooLong(limit);
        }

        return n;
    }

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Read(buffer.Span));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        Task.FromResult(Read(buffer.AsSpan(offset, count)));

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing && !leaveOpen)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }
}
