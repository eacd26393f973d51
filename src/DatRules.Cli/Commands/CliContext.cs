namespace DatRules.Cli.Commands;

/// <summary>Where a command writes: injected so tests run the CLI in-process.</summary>
/// <param name="Out">Standard output as text.</param>
/// <param name="Error">Standard error.</param>
/// <param name="Clock">The clock (today's policies).</param>
/// <param name="RawOut">
/// The byte stream under <paramref name="Out"/>, when there is one: large outputs write UTF-8 to it directly
/// (after flushing <paramref name="Out"/>); without it they go through <paramref name="Out"/>.
/// </param>
/// <param name="OutputIsTerminal">
/// Whether standard output is a terminal: tables fit 80 columns there; to a file or a pipe
/// (<see cref="Console.IsOutputRedirected"/>) they are wide. Explicit so in-process runs choose either.
/// </param>
internal sealed record CliContext(TextWriter Out, TextWriter Error, NodaTime.IClock Clock, Stream? RawOut = null, bool OutputIsTerminal = true)
{
    /// <summary>Writes UTF-8 bytes to standard output, in order with what was written to <see cref="Out"/>.</summary>
    /// <param name="utf8">The bytes.</param>
    public void WriteUtf8(ReadOnlySpan<byte> utf8)
    {
        if (RawOut is null)
        {
            Out.Write(System.Text.Encoding.UTF8.GetString(utf8));
            return;
        }

        Out.Flush();
        RawOut.Write(utf8);
    }

    /// <summary>Runs a writer of UTF-8 bytes against standard output, in order with what was written to <see cref="Out"/>.</summary>
    /// <param name="write">Writes to the stream it is given.</param>
    public void WriteTo(Action<Stream> write)
    {
        Out.Flush();
        if (RawOut is not null)
        {
            write(RawOut);
            return;
        }

        using var buffer = new MemoryStream();
        write(buffer);
        Out.Write(System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
    }
}
