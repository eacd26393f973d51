namespace DatRules.Sec.Edgar;

/// <summary>
/// The last handler before the wire, so every attempt of a retry passes it: refuses a request without a User-Agent
/// (nothing is sent) and waits for the shared <see cref="EdgarRateGate"/>.
/// </summary>
internal sealed class EdgarGuardHandler(EdgarRateGate gate) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (!request.Headers.TryGetValues("User-Agent", out var values) || values.All(string.IsNullOrWhiteSpace))
        {
            throw new EdgarUserAgentMissingException(request.RequestUri!);
        }

        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }
}
