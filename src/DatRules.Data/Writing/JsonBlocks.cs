using System.Buffers;
using System.Text.Json;

namespace DatRules.Data;

/// <summary>
/// A <see cref="Utf8JsonWriter"/> with the CLI's JSON settings (<see cref="JsonOutput.Options"/>: the serializer's
/// indentation and escaping) that hands its output to a sink in blocks of about 64 KB, so that a document of any size
/// is streamed, not held.
/// </summary>
public sealed class JsonBlocks : IDisposable
{
    private const int BlockBytes = 1 << 16;
    private readonly ArrayBufferWriter<byte> _buffer = new(2 * BlockBytes);
    private readonly Action<ReadOnlySpan<byte>> _sink;

    /// <summary>Initializes a writer whose output goes to <paramref name="sink"/>.</summary>
    /// <param name="sink">Receives the UTF-8 output in order.</param>
    public JsonBlocks(Action<ReadOnlySpan<byte>> sink)
    {
        _sink = sink;
        Json = new Utf8JsonWriter(_buffer, new JsonWriterOptions { Indented = JsonOutput.Options.WriteIndented, Encoder = JsonOutput.Options.Encoder });
    }

    /// <summary>Gets the writer.</summary>
    public Utf8JsonWriter Json { get; }

    /// <summary>Hands what is written to the sink once it reaches a block (call between values).</summary>
    public void FlushIfLarge()
    {
        if (Json.BytesPending + _buffer.WrittenCount >= BlockBytes)
        {
            Json.Flush();
            _sink(_buffer.WrittenSpan);
            _buffer.ResetWrittenCount();
        }
    }

    /// <summary>Hands the rest to the sink, ended by a line end (as <c>Console.WriteLine</c> of the serialized text).</summary>
    public void Complete()
    {
        Json.Flush();
        _sink(_buffer.WrittenSpan);
        _buffer.ResetWrittenCount();
        _sink(System.Text.Encoding.UTF8.GetBytes(Environment.NewLine));
    }

    /// <inheritdoc />
    public void Dispose() => Json.Dispose();
}
