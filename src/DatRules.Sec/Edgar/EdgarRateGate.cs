namespace DatRules.Sec.Edgar;

/// <summary>
/// At most N requests in any one-second window, across every thread sharing the gate: the send times of the last N
/// requests are kept, and a request waits until the oldest of them is a second old.
/// </summary>
internal sealed class EdgarRateGate : IDisposable
{
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(1);
    private readonly SemaphoreSlim _lock = new(1, 1);
    private readonly long[] _sent;
    private readonly TimeProvider _time;
    private int _next;
    private int _count;

    public EdgarRateGate(int perSecond, TimeProvider? time = null)
    {
        _sent = new long[perSecond];
        _time = time ?? TimeProvider.System;
    }

    /// <summary>Waits for a slot and takes it.</summary>
    public async Task WaitAsync(CancellationToken cancellationToken)
    {
        await _lock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_count == _sent.Length)
            {
                // _next is the oldest of the last N sends.
                var elapsed = _time.GetElapsedTime(_sent[_next]);
                if (elapsed < Window)
                {
                    // A millisecond of margin: the server's clock sees the request a little later, never earlier.
                    await Task.Delay(Window - elapsed + TimeSpan.FromMilliseconds(1), _time, cancellationToken).ConfigureAwait(false);
                }
            }

            _sent[_next] = _time.GetTimestamp();
            _next = (_next + 1) % _sent.Length;
            _count = Math.Min(_count + 1, _sent.Length);
        }
        finally
        {
            _lock.Release();
        }
    }

    public void Dispose() => _lock.Dispose();
}
