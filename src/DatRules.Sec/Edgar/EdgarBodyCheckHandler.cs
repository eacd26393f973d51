using System.Net;
using System.Text.Json;

namespace DatRules.Sec.Edgar;

/// <summary>
/// Reads a successful response's body inside the retry (so a broken or cut body is retried like a 503): a connection
/// closed early, a body shorter than its Content-Length, or JSON that does not parse to its end become an
/// <see cref="HttpRequestException"/>, which the retry strategy handles.
/// </summary>
internal sealed class EdgarBodyCheckHandler : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            return response;
        }

        string? problem = null;
        Exception? cause = null;
        try
        {
            // Buffers the body: later reads by the client get these bytes.
            byte[] body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            if (response.Content.Headers.ContentEncoding.Count == 0 && response.Content.Headers.ContentLength is { } length && length != body.LongLength)
            {
                problem = $"the body has {body.LongLength} bytes, its Content-Length says {length}";
            }
            else if (request.RequestUri!.AbsolutePath.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
            {
                problem = JsonProblem(body);
            }
        }
        catch (Exception ex) when (ex is IOException or HttpRequestException && !cancellationToken.IsCancellationRequested)
        {
            problem = "the body was cut off: " + ex.Message;
            cause = ex;
        }

        if (problem is null)
        {
            return response;
        }

        response.Dispose();
        throw new HttpRequestException(HttpRequestError.ResponseEnded, problem, cause);
    }

    private static string? JsonProblem(byte[] body)
    {
        try
        {
            var reader = new Utf8JsonReader(body, new JsonReaderOptions { MaxDepth = 256 });
            while (reader.Read())
            {
            }

            return null;
        }
        catch (JsonException ex)
        {
            return $"the body ({body.Length} bytes) is not whole JSON (cut off?): {ex.Message}";
        }
    }
}
