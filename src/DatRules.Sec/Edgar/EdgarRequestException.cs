using System.Net;

namespace DatRules.Sec.Edgar;

/// <summary>
/// A request to EDGAR failed for good: an error status (after the retries for 5xx and 429), a broken or truncated body
/// on every attempt, a timeout, or a network error. The message names the URL.
/// </summary>
public sealed class EdgarRequestException : EdgarException
{
    /// <summary>Initializes the exception.</summary>
    /// <param name="url">The URL asked for.</param>
    /// <param name="statusCode">The last response's status, or null when there was none (network error, timeout).</param>
    /// <param name="message">The message, naming the URL.</param>
    /// <param name="innerException">The cause, if any.</param>
    public EdgarRequestException(Uri url, HttpStatusCode? statusCode, string message, Exception? innerException = null)
        : base(url, message, innerException)
    {
        StatusCode = statusCode;
    }

    /// <summary>Gets the last response's status, or null when there was none.</summary>
    public HttpStatusCode? StatusCode { get; }
}
