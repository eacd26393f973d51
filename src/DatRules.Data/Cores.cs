using System.Runtime.ExceptionServices;

namespace DatRules.Data;

/// <summary>
/// Runs a few pieces of work at once, one thread each (the current thread takes the first): for a short-lived process,
/// where the task library's first use costs more compiling than a thread costs starting (measured in docs/benchmarks.md).
/// </summary>
internal static class Cores
{
    /// <summary>Runs <paramref name="body"/>(0) to <paramref name="body"/>(<paramref name="count"/> - 1) at once and waits for all.</summary>
    /// <param name="count">The number of pieces.</param>
    /// <param name="body">The work of piece i.</param>
    /// <param name="parallel">Whether to start threads; otherwise the pieces run one after another here (small inputs, one core).</param>
    /// <exception cref="Exception">The first piece's exception (by index), as thrown.</exception>
    public static void Run(int count, Action<int> body, bool parallel = true)
    {
        if (count <= 1 || !parallel || Environment.ProcessorCount == 1)
        {
            for (int i = 0; i < count; i++)
            {
                body(i);
            }

            return;
        }

        var errors = new Exception?[count];
        var threads = new Thread[count - 1];
        for (int i = 1; i < count; i++)
        {
            int piece = i;
            threads[i - 1] = new Thread(() =>
            {
                try
                {
                    body(piece);
                }
                catch (Exception e)
                {
                    errors[piece] = e;
                }
            })
            { IsBackground = true, Name = "datrules worker" };
            threads[i - 1].Start();
        }

        try
        {
            body(0);
        }
        catch (Exception e)
        {
            errors[0] = e;
        }

        foreach (var thread in threads)
        {
            thread.Join();
        }

        if (Array.Find(errors, e => e is not null) is { } first)
        {
            ExceptionDispatchInfo.Throw(first);
        }
    }
}
