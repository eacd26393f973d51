using System.Text.Json;

namespace DatRules.Sec.Edgar;

/// <summary>
/// The disk cache: a document's body at its relative path under the folder, and its validators in <c>path.meta</c>.
/// Both are written atomically (a temporary file in the same folder, then a rename), the body first: a body is always
/// whole, and validators are used only when their recorded length matches the body's.
/// </summary>
internal sealed class EdgarCache(string directory)
{
    public string Directory { get; } = Path.GetFullPath(directory);

    /// <summary>Reads a cached document, or null.</summary>
    public Entry? Read(string relativePath)
    {
        string file = PathOf(relativePath);
        if (!File.Exists(file))
        {
            return null;
        }

        byte[] body;
        try
        {
            body = File.ReadAllBytes(file);
        }
        catch (FileNotFoundException)
        {
            return null;
        }

        Meta? meta = null;
        try
        {
            if (File.Exists(file + ".meta"))
            {
                meta = JsonSerializer.Deserialize(File.ReadAllBytes(file + ".meta"), EdgarCacheJson.Default.Meta);
            }
        }
        catch (JsonException)
        {
            meta = null; // unreadable validators: the body is still good, it is just not revalidated
        }
        catch (FileNotFoundException)
        {
            meta = null;
        }

        return meta is not null && meta.Length == body.LongLength
            ? new Entry(body, meta.ETag, meta.LastModified)
            : new Entry(body, null, null);
    }

    /// <summary>Writes a document and its validators.</summary>
    public void Write(string relativePath, Uri url, byte[] body, string? etag, DateTimeOffset? lastModified)
    {
        string file = PathOf(relativePath);
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        WriteAtomically(file, body);
        var meta = new Meta { Url = url.ToString(), ETag = etag, LastModified = lastModified, Length = body.LongLength, Fetched = DateTimeOffset.UtcNow };
        WriteAtomically(file + ".meta", JsonSerializer.SerializeToUtf8Bytes(meta, EdgarCacheJson.Default.Meta));
    }

    private static void WriteAtomically(string file, byte[] content)
    {
        string temp = $"{file}.{Guid.NewGuid():N}.tmp";
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
            {
                stream.Write(content);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temp, file, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp))
            {
                File.Delete(temp);
            }
        }
    }

    private string PathOf(string relativePath) => Path.Combine([Directory, .. relativePath.Split('/')]);

    internal sealed record Entry(byte[] Body, string? ETag, DateTimeOffset? LastModified);

    /// <summary>A cached document's validators (the .meta file).</summary>
    internal sealed class Meta
    {
        public string? Url { get; set; }

        public string? ETag { get; set; }

        public DateTimeOffset? LastModified { get; set; }

        public long Length { get; set; }

        public DateTimeOffset Fetched { get; set; }
    }
}
