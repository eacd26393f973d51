using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Net.Sockets;

namespace DatRules.Sec.Tests.Edgar;

/// <summary>
/// A real HTTP server on 127.0.0.1 (HttpListener, a free port) serving documents in the SEC's shapes at the SEC's
/// paths, recording every request, and misbehaving on demand (<see cref="Fault"/>): error statuses with Retry-After,
/// connections closed mid-body, JSON cut short, slow answers. Answers conditional requests with 304.
/// </summary>
internal sealed class EdgarTestServer : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly ConcurrentDictionary<string, Document> _documents = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ConcurrentQueue<Fault>> _faults = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<Request> _requests = new();
    private readonly Thread _loop;

    public EdgarTestServer()
    {
        int port = FreePort();
        BaseAddress = new Uri($"http://127.0.0.1:{port}/");
        _listener.Prefixes.Add(BaseAddress.ToString());
        _listener.Start();
        // A thread of its own: arrival times are taken without waiting for the (shared, maybe busy) thread pool.
        _loop = new Thread(AcceptLoop) { IsBackground = true, Name = "EdgarTestServer" };
        _loop.Start();
    }

    public Uri BaseAddress { get; }

    /// <summary>Gets the requests received, in arrival order.</summary>
    public IReadOnlyList<Request> Requests => [.. _requests.OrderBy(r => r.Timestamp)];

    /// <summary>Serves a body at a path (e.g. <c>/files/company_tickers.json</c>) with validators.</summary>
    public void Serve(string path, byte[] body, string? etag = null, DateTimeOffset? lastModified = null) =>
        _documents[path] = new Document(body, etag, lastModified);

    /// <summary>Serves a fixture file.</summary>
    public void ServeFixture(string path, string fixture, string? etag = null, DateTimeOffset? lastModified = null) =>
        Serve(path, File.ReadAllBytes(Fixtures.PathOf(fixture)), etag, lastModified);

    /// <summary>The next requests for a path get these faults, one each, before it is served normally.</summary>
    public void FailNext(string path, params Fault[] faults)
    {
        var queue = _faults.GetOrAdd(path, _ => new ConcurrentQueue<Fault>());
        foreach (var f in faults)
        {
            queue.Enqueue(f);
        }
    }

    public void Stop()
    {
        if (_listener.IsListening)
        {
            _listener.Stop();
        }
    }

    public void Dispose()
    {
        Stop();
        _listener.Close();
        _loop.Join(TimeSpan.FromSeconds(5));
    }

    private static int FreePort()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        int port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }

    private void AcceptLoop()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = _listener.GetContext();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            long arrived = Stopwatch.GetTimestamp();
            _ = Task.Run(() => Handle(context, arrived));
        }
    }

    private async Task Handle(HttpListenerContext context, long arrived)
    {
        var req = context.Request;
        var res = context.Response;
        string path = req.Url!.AbsolutePath;
        _requests.Enqueue(new Request(
            arrived,
            path,
            req.Headers["User-Agent"],
            req.Headers["If-None-Match"],
            req.Headers["If-Modified-Since"],
            req.Headers["Accept-Encoding"]));
        try
        {
            Fault? fault = _faults.TryGetValue(path, out var q) && q.TryDequeue(out var f) ? f : null;
            if (fault?.Delay is { } delay && delay > TimeSpan.Zero)
            {
                await Task.Delay(delay);
            }

            if (fault?.Status is { } status)
            {
                res.StatusCode = status;
                if (fault.RetryAfter is { } retryAfter)
                {
                    res.AddHeader("Retry-After", retryAfter);
                }

                res.ContentLength64 = 0;
                res.Close();
                return;
            }

            if (!_documents.TryGetValue(path, out var doc))
            {
                res.StatusCode = 404;
                res.ContentLength64 = 0;
                res.Close();
                return;
            }

            if ((doc.ETag is not null && req.Headers["If-None-Match"] == doc.ETag)
                || (doc.LastModified is { } lm && req.Headers["If-Modified-Since"] is { } ims
                    && DateTimeOffset.TryParse(ims, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var since) && lm <= since))
            {
                res.StatusCode = 304;
                res.Close();
                return;
            }

            res.StatusCode = 200;
            res.ContentType = "application/json";
            if (doc.ETag is not null)
            {
                res.AddHeader("ETag", doc.ETag);
            }

            if (doc.LastModified is { } modified)
            {
                res.AddHeader("Last-Modified", modified.ToString("R", CultureInfo.InvariantCulture));
            }

            byte[] body = doc.Body;
            if (fault?.CutJson == true)
            {
                body = body[..(body.Length / 2)]; // a whole HTTP answer whose JSON is cut
            }

            if (req.Headers["Accept-Encoding"]?.Contains("gzip", StringComparison.Ordinal) == true)
            {
                body = Gzip(body);
                res.AddHeader("Content-Encoding", "gzip");
            }

            res.ContentLength64 = body.Length;
            if (fault?.CutConnection == true)
            {
                // Content-Length promises the whole body; half is sent and the connection dropped.
                await res.OutputStream.WriteAsync(body.AsMemory(0, body.Length / 2));
                await res.OutputStream.FlushAsync();
                res.Abort();
                return;
            }

            await res.OutputStream.WriteAsync(body);
            res.Close();
        }
        catch (Exception e) when (e is HttpListenerException or IOException or ObjectDisposedException or InvalidOperationException)
        {
            // The client went away (a timeout): nothing to answer.
        }
    }

    private static byte[] Gzip(byte[] body)
    {
        using var ms = new MemoryStream();
        using (var gz = new GZipStream(ms, CompressionLevel.Fastest, leaveOpen: true))
        {
            gz.Write(body);
        }

        return ms.ToArray();
    }

    internal sealed record Document(byte[] Body, string? ETag, DateTimeOffset? LastModified);

    /// <summary>A request as received: when (Stopwatch ticks), where, and the headers the tests look at.</summary>
    internal sealed record Request(long Timestamp, string Path, string? UserAgent, string? IfNoneMatch, string? IfModifiedSince, string? AcceptEncoding);

    /// <summary>How to misbehave on one request.</summary>
    internal sealed record Fault(int? Status = null, string? RetryAfter = null, bool CutConnection = false, bool CutJson = false, TimeSpan? Delay = null)
    {
        public static Fault Unavailable => new(Status: 503);
    }
}
