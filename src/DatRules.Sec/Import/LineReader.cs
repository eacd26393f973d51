namespace DatRules.Sec.Import;

/// <summary>
/// Reads lines (ending in LF or CRLF) from a stream without ever holding more than one bounded line: a line longer than
/// the bound is an error naming its number, found after reading at most the bound, however long the line really is.
/// </summary>
internal sealed class LineReader(Stream stream, int maxLine, string source)
{
    private byte[] _buffer = new byte[Math.Min(1 << 16, maxLine + 2)];
    private int _start;
    private int _end;
    private bool _eof;

    /// <summary>Gets the number of the last line read (1-based).</summary>
    public long LineNumber { get; private set; }

    /// <summary>The longest-line error, shared with the block reader of num.txt.</summary>
    public static SecDataException TooLong(string source, long line, int maxLine) =>
        new(source, $"line {line}", $"a line longer than {maxLine} bytes (a real line is under 2 KB): not a Financial Statement Data Sets file");

    /// <summary>Reads the next line, without its line end.</summary>
    /// <returns>False at the end of the stream.</returns>
    /// <exception cref="SecDataException">The line is longer than the bound.</exception>
    public bool TryRead(out ReadOnlySpan<byte> line)
    {
        while (true)
        {
            int nl = _buffer.AsSpan(_start, _end - _start).IndexOf((byte)'\n');
            if (nl >= 0 || (_eof && _start < _end))
            {
                int length = nl >= 0 ? nl : _end - _start;
                if (length > maxLine)
                {
                    throw TooLong(source, LineNumber + 1, maxLine);
                }

                line = _buffer.AsSpan(_start, length);
                _start += nl >= 0 ? nl + 1 : length;
                LineNumber++;
                if (line.Length > 0 && line[^1] == (byte)'\r')
                {
                    line = line[..^1];
                }

                return true;
            }

            if (_eof)
            {
                line = default;
                return false;
            }

            if (_end - _start > maxLine)
            {
                throw TooLong(source, LineNumber + 1, maxLine);
            }

            if (_start > 0)
            {
                _buffer.AsSpan(_start, _end - _start).CopyTo(_buffer);
                _end -= _start;
                _start = 0;
            }

            if (_end == _buffer.Length)
            {
                Array.Resize(ref _buffer, (int)Math.Min((long)_buffer.Length * 2, maxLine + 2L));
            }

            int n = stream.Read(_buffer, _end, _buffer.Length - _end);
            if (n == 0)
            {
                _eof = true;
            }

            _end += n;
        }
    }
}
