namespace DatRules.Sec.Edgar;

/// <summary>A document fetched from EDGAR (or its cache): the URL, the (decompressed) body and where it came from.</summary>
public sealed class EdgarDocument
{
    private readonly byte[] _content;

    internal EdgarDocument(Uri url, byte[] content, EdgarDocumentOrigin origin)
    {
        Url = url;
        _content = content;
        Origin = origin;
    }

    /// <summary>Gets the URL the document was (or would have been) fetched from.</summary>
    public Uri Url { get; }

    /// <summary>Gets the body, decompressed.</summary>
    public ReadOnlyMemory<byte> Content => _content;

    /// <summary>Gets where the body came from.</summary>
    public EdgarDocumentOrigin Origin { get; }

    /// <summary>Gets the file name of the URL (e.g. <c>CIK0001050446.json</c>), for provenance and messages.</summary>
    public string FileName => Url.Segments[^1];

    /// <summary>Opens the body for reading.</summary>
    /// <returns>A read-only stream over the body.</returns>
    public Stream OpenRead() => new MemoryStream(_content, writable: false);
}
