using Microsoft.Win32.SafeHandles;

namespace DatRules.Cli;

/// <summary>
/// Standard output as bytes, whose failed writes (a closed pipe, a full disk) are <see cref="StandardOutputException"/>s:
/// one line on standard error and exit code 2, whether they happen while a command writes or at the final flush. A closed
/// descriptor (<c>&gt;&amp;-</c>: EBADF, which .NET reports as access denied) is one too.
/// </summary>
/// <param name="inner">The stream written to.</param>
internal sealed class StandardOutputStream(Stream inner) : Stream
{
    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    /// <summary>
    /// Opens the process's standard output. On Unix, file descriptor 1 itself: .NET's console stream drops writes to a
    /// closed pipe silently (<c>datrules screen | head -1</c> would exit 0 having lost the output), a file stream reports EPIPE.
    /// </summary>
    /// <returns>The stream (unbuffered: nothing is left to write when it is disposed).</returns>
    public static Stream Open()
    {
        if (!OperatingSystem.IsWindows())
        {
            try
            {
                return new FileStream(new SafeFileHandle(1, ownsHandle: false), FileAccess.Write, bufferSize: 0);
            }
            catch (Exception ex) when (ex is IOException or ArgumentException or UnauthorizedAccessException)
            {
                // A closed or unusual descriptor 1: the console stream copes (it writes nowhere when there is no output).
            }
        }

        return Console.OpenStandardOutput();
    }

    public override void Flush() => Guard(inner.Flush);

    public override void Write(byte[] buffer, int offset, int count) => Guard(() => inner.Write(buffer, offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        try
        {
            inner.Write(buffer);
        }
        catch (Exception ex) when (ex is (IOException and not StandardOutputException) or UnauthorizedAccessException)
        {
            throw new StandardOutputException(ex);
        }
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    private static void Guard(Action write)
    {
        try
        {
            write();
        }
        catch (Exception ex) when (ex is (IOException and not StandardOutputException) or UnauthorizedAccessException)
        {
            throw new StandardOutputException(ex);
        }
    }
}
