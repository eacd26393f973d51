using System.Buffers;

namespace DatRules.Data;

/// <summary>
/// The CSV tokenizer of every snapshot file (RFC 4180 and what spreadsheets write): reads UTF-8 bytes from a stream in
/// a bounded buffer and yields one record at a time as field spans, with no string or object per field.
/// </summary>
/// <remarks>
/// <para>
/// Fields are separated by commas; records end with <c>\n</c>, <c>\r\n</c> or a lone <c>\r</c>; a UTF-8 byte order mark is
/// skipped; empty lines are skipped. A field that starts with <c>"</c> (after optional spaces) is quoted: it may hold
/// commas, line breaks and doubled quotes (<c>""</c>), and only spaces may follow its closing quote. Spaces and tabs
/// around a value are trimmed.
/// </para>
/// <para>
/// Problems of one record (a <c>"</c> inside an unquoted field, text after a closing quote, invalid UTF-8) are reported
/// on that record (<see cref="RecordError"/>) and reading goes on at the next record, so that every bad line is listed.
/// Problems that leave no next record (a quote never closed, a field over <see cref="MaxFieldBytes"/>, a record over
/// <see cref="MaxRecordBytes"/>) throw <see cref="InputException"/>. Memory is bounded by the longest record
/// (at most <see cref="MaxRecordBytes"/> plus the buffer), whatever the stream: <c>/dev/zero</c> fails after 16 MiB.
/// </para>
/// </remarks>
internal sealed class CsvRecordReader
{
    /// <summary>The longest field accepted, in bytes (16 MiB).</summary>
    internal const int MaxFieldBytes = 16 * 1024 * 1024;

    /// <summary>The longest record accepted, in bytes (64 MiB).</summary>
    internal const int MaxRecordBytes = 64 * 1024 * 1024;

    private static readonly SearchValues<byte> Unquoted = SearchValues.Create(",\n\r\""u8);
    private static readonly SearchValues<byte> UnquotedSemicolon = SearchValues.Create(";\n\r\""u8);
    private static readonly SearchValues<byte> InQuotes = SearchValues.Create("\"\n"u8);

    private readonly Stream _stream;
    private byte _delimiter = (byte)',';
    private SearchValues<byte> _unquoted = Unquoted;
    private readonly string _source;
    private byte[] _buffer;
    private int _start;
    private int _end;
    private bool _eof;
    private bool _bomChecked;
    private int _line = 1;
    private long _consumedBefore;

    // The current record: field i is _buffer[_fieldStart[i] .. +_fieldLength[i]), unescaped on demand when _fieldEscaped[i].
    private int[] _fieldStart = new int[32];
    private int[] _fieldLength = new int[32];
    private bool[] _fieldEscaped = new bool[32];
    private byte[] _scratch = new byte[256];
    private int _recordStart;
    private int _recordEnd;

    /// <summary>Initializes a reader of <paramref name="stream"/>.</summary>
    /// <param name="stream">The bytes (read forward only, never whole).</param>
    /// <param name="source">The file name used in errors.</param>
    /// <param name="bufferSize">The initial buffer size (grows for long records, up to the limits).</param>
    /// <param name="firstLine">The line number of the stream's first byte (a part of a file read on several cores starts within it).</param>
    /// <param name="atFileStart">Whether the stream starts at the start of the file (only there is a byte order mark skipped).</param>
    public CsvRecordReader(Stream stream, string source, int bufferSize = 1 << 20, int firstLine = 1, bool atFileStart = true)
    {
        _stream = stream;
        _source = source;
        _buffer = new byte[Math.Max(16, bufferSize)];
        _line = firstLine;
        _bomChecked = !atFileStart;
    }

    /// <summary>Gets or sets the field separator: ',' (the default) or ';'; a change applies from the next record.</summary>
    public char Delimiter
    {
        get => (char)_delimiter;
        set
        {
            if (value is not (',' or ';'))
            {
                throw new ArgumentOutOfRangeException(nameof(value), value, "The field separator is ',' or ';'.");
            }

            _delimiter = (byte)value;
            _unquoted = value == ',' ? Unquoted : UnquotedSemicolon;
        }
    }

    /// <summary>Gets the number of bytes consumed so far (up to the end of the current record).</summary>
    public long Position => _consumedBefore + _start;

    /// <summary>Gets the line on which the next record would start (after the last record: one past the last line).</summary>
    public int NextLine => _line;

    /// <summary>Gets the number of fields of the current record.</summary>
    public int FieldCount { get; private set; }

    /// <summary>Gets the 1-based line on which the current record starts.</summary>
    public int Line { get; private set; }

    /// <summary>Gets the problem of the current record, if any (its fields are then not reliable).</summary>
    public string? RecordError { get; private set; }

    /// <summary>Gets the 0-based field the <see cref="RecordError"/> is about, or -1.</summary>
    public int RecordErrorField { get; private set; }

    /// <summary>Gets whether field <paramref name="index"/> was quoted.</summary>
    /// <param name="index">The 0-based field.</param>
    /// <returns>Whether it was quoted with doubled quotes inside.</returns>
    public bool IsEscaped(int index) => _fieldEscaped[index];

    /// <summary>Gets field <paramref name="index"/>, unquoted and trimmed; valid until the next <see cref="Read"/> or <see cref="Field"/> call.</summary>
    /// <param name="index">The 0-based field.</param>
    /// <returns>The value's UTF-8 bytes.</returns>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public ReadOnlySpan<byte> Field(int index)
    {
        var raw = _buffer.AsSpan(_fieldStart[index], _fieldLength[index]);
        if (!_fieldEscaped[index])
        {
            return raw;
        }

        if (_scratch.Length < raw.Length)
        {
            _scratch = new byte[Math.Max(raw.Length, _scratch.Length * 2)];
        }

        int n = 0;
        for (int i = 0; i < raw.Length; i++)
        {
            _scratch[n++] = raw[i];
            if (raw[i] == (byte)'"')
            {
                i++;
            }
        }

        return Trim(_scratch.AsSpan(0, n));
    }

    /// <summary>Gets the bytes of the whole current record (without its line end).</summary>
    public ReadOnlySpan<byte> RecordBytes => _buffer.AsSpan(_recordStart, _recordEnd - _recordStart);

    /// <summary>Reads the next non-empty record.</summary>
    /// <returns><see langword="false"/> at the end of the stream.</returns>
    /// <exception cref="InputException">A quote is never closed, or a field or record is longer than the limits.</exception>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public bool Read()
    {
        while (true)
        {
            if (!_bomChecked)
            {
                while (_end - _start < 3 && !_eof)
                {
                    Fill();
                }

                if (_buffer.AsSpan(_start, _end - _start).StartsWith("\uFEFF"u8))
                {
                    _start += 3;
                }

                _bomChecked = true;
            }

            var status = ParseRecord();
            if (status == Status.NeedMore)
            {
                Fill();
                continue;
            }

            if (status == Status.End)
            {
                return false;
            }

            if (status == Status.Blank)
            {
                continue;
            }

            if (RecordError is null && !System.Text.Unicode.Utf8.IsValid(RecordBytes))
            {
                RecordErrorField = -1;
                for (int i = 0; i < FieldCount; i++)
                {
                    if (!System.Text.Unicode.Utf8.IsValid(_buffer.AsSpan(_fieldStart[i], _fieldLength[i])))
                    {
                        RecordErrorField = i;
                        break;
                    }
                }

                RecordError = "invalid UTF-8 (the file must be UTF-8 encoded; no character is replaced)";
            }

            return true;
        }
    }

    private enum Status
    {
        Record,
        Blank,
        NeedMore,
        End,
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private Status ParseRecord()
    {
        byte[] b = _buffer;
        int end = _end;
        int p = _start;
        int line = _line;
        int n = 0;
        string? error = null;
        int errorField = -1;
        if (p == end)
        {
            return _eof ? Status.End : Status.NeedMore;
        }

        while (true)
        {
            while (p < end && (b[p] == (byte)' ' || b[p] == (byte)'\t'))
            {
                p++;
            }

            int valueStart, valueLength;
            bool escaped = false;
            bool quoted = p < end && b[p] == (byte)'"';
            if (quoted)
            {
                int openLine = line;
                p++;
                valueStart = p;
                while (true)
                {
                    int q = p < end ? b.AsSpan(p, end - p).IndexOfAny(InQuotes) : -1;
                    if (q < 0)
                    {
                        if (!_eof)
                        {
                            return CheckLength(end - valueStart, end - _start, line);
                        }

                        throw new InputException(_source, [new InputError(openLine, null, "a quoted field is never closed (its opening quote is on this line)")]);
                    }

                    p += q;
                    if (b[p] == (byte)'\n')
                    {
                        line++;
                        p++;
                        continue;
                    }

                    if (p + 1 == end && !_eof)
                    {
                        return CheckLength(p - valueStart, p - _start, line);
                    }

                    if (p + 1 < end && b[p + 1] == (byte)'"')
                    {
                        escaped = true;
                        p += 2;
                        continue;
                    }

                    break;
                }

                valueLength = p - valueStart;
                p++;
                while (p < end && (b[p] == (byte)' ' || b[p] == (byte)'\t'))
                {
                    p++;
                }

                if (p == end && !_eof)
                {
                    return CheckLength(valueLength, p - _start, line);
                }

                if (p < end && b[p] != _delimiter && b[p] is not ((byte)'\n' or (byte)'\r'))
                {
                    error ??= "text after the closing quote of a quoted field (a quoted field must end at a comma or the line end)";
                    errorField = errorField < 0 ? n : errorField;
                    int stop = b.AsSpan(p, end - p).IndexOfAny(_delimiter, (byte)'\n', (byte)'\r');
                    if (stop < 0)
                    {
                        if (!_eof)
                        {
                            return CheckLength(valueLength, p - _start, line);
                        }

                        stop = end - p;
                    }

                    p += stop;
                }

                if (!escaped)
                {
                    while (valueLength > 0 && (b[valueStart] == (byte)' ' || b[valueStart] == (byte)'\t'))
                    {
                        valueStart++;
                        valueLength--;
                    }

                    while (valueLength > 0 && (b[valueStart + valueLength - 1] == (byte)' ' || b[valueStart + valueLength - 1] == (byte)'\t'))
                    {
                        valueLength--;
                    }
                }
            }
            else
            {
                valueStart = p;
                while (true)
                {
                    int q = p < end ? b.AsSpan(p, end - p).IndexOfAny(_unquoted) : -1;
                    if (q < 0)
                    {
                        if (!_eof)
                        {
                            return CheckLength(end - valueStart, end - _start, line);
                        }

                        p = end;
                        break;
                    }

                    p += q;
                    if (b[p] == (byte)'"')
                    {
                        error ??= "a quote (\") inside an unquoted field: quote the whole field and double the quotes inside it";
                        errorField = errorField < 0 ? n : errorField;
                        p++;
                        continue;
                    }

                    break;
                }

                valueLength = p - valueStart;
                while (valueLength > 0 && (b[valueStart + valueLength - 1] == (byte)' ' || b[valueStart + valueLength - 1] == (byte)'\t'))
                {
                    valueLength--;
                }
            }

            if (n == _fieldStart.Length)
            {
                Array.Resize(ref _fieldStart, n * 2);
                Array.Resize(ref _fieldLength, n * 2);
                Array.Resize(ref _fieldEscaped, n * 2);
            }

            _fieldStart[n] = valueStart;
            _fieldLength[n] = valueLength;
            _fieldEscaped[n] = escaped;
            n++;
            if (valueLength > MaxFieldBytes)
            {
                throw TooLong(line, "a field");
            }

            if (p == end)
            {
                // _eof here: the last record has no line end.
                if (n == 1 && valueLength == 0 && !escaped && error is null && !quoted)
                {
                    _start = p;
                    return Status.End;
                }

                return Finish(p, p, line, line, n, error, errorField);
            }

            byte c = b[p];
            if (c == _delimiter)
            {
                p++;
                continue;
            }

            int recordEnd = p;
            if (c == (byte)'\r')
            {
                if (p + 1 == end && !_eof)
                {
                    return Status.NeedMore;
                }

                p++;
                if (p < end && b[p] == (byte)'\n')
                {
                    p++;
                }
            }
            else
            {
                p++;
            }

            if (n == 1 && valueLength == 0 && !quoted && error is null)
            {
                // An empty (or blank) line.
                _start = p;
                _line = line + 1;
                return Status.Blank;
            }

            return Finish(recordEnd, p, line, line + 1, n, error, errorField);
        }
    }

    private Status Finish(int recordEnd, int next, int lastLine, int nextLine, int fields, string? error, int errorField)
    {
        _recordStart = _start;
        _recordEnd = recordEnd;
        Line = _line;
        if (recordEnd - _start > MaxRecordBytes)
        {
            throw TooLong(lastLine, "a record");
        }

        FieldCount = fields;
        RecordError = error;
        RecordErrorField = errorField;
        _start = next;
        _line = nextLine;
        return Status.Record;
    }

    private Status CheckLength(int fieldBytes, int recordBytes, int line)
    {
        if (fieldBytes > MaxFieldBytes)
        {
            throw TooLong(line, "a field");
        }

        if (recordBytes > MaxRecordBytes)
        {
            throw TooLong(line, "a record");
        }

        return Status.NeedMore;
    }

    private InputException TooLong(int line, string what) => new(_source, [new InputError(line, null, string.Create(
        System.Globalization.CultureInfo.InvariantCulture,
        $"{what} is longer than {(what == "a field" ? MaxFieldBytes : MaxRecordBytes):N0} bytes (the limit; is this a CSV file?)"))]);

    /// <summary>Moves the unread bytes to the front (growing the buffer when one record fills it) and reads more.</summary>
    private void Fill()
    {
        if (_eof)
        {
            return;
        }

        int unread = _end - _start;
        if (_start > 0)
        {
            _consumedBefore += _start;
            _buffer.AsSpan(_start, unread).CopyTo(_buffer);
            _start = 0;
            _end = unread;
        }

        if (_end == _buffer.Length)
        {
            Array.Resize(ref _buffer, _buffer.Length * 2);
        }

        int read = _stream.Read(_buffer, _end, _buffer.Length - _end);
        if (read == 0)
        {
            _eof = true;
        }

        _end += read;
    }

    private static ReadOnlySpan<byte> Trim(ReadOnlySpan<byte> s)
    {
        int a = 0, z = s.Length;
        while (a < z && (s[a] == (byte)' ' || s[a] == (byte)'\t'))
        {
            a++;
        }

        while (z > a && (s[z - 1] == (byte)' ' || s[z - 1] == (byte)'\t'))
        {
            z--;
        }

        return s[a..z];
    }
}
