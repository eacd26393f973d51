using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text;
using DatRules.Cli.Input;
using DatRules.Policies;
using DatRules.Screening;

namespace DatRules.Cli.Output;

/// <summary>
/// Writes the minimal CSV of <c>screen --format csv --no-reasons</c> as UTF-8 bytes, formatted in blocks on every
/// core: ticker and date copied from the input bytes, the classification, the ratio from integers (<see cref="RatioText"/>),
/// and the policy and action when a policy is chosen. Byte for byte the text of the general path (tests compare them).
/// </summary>
internal static class FastCsvWriter
{
    private const int BlockRows = 1 << 15;

    private static readonly byte[][] ClassNames =
    [
        "Indeterminate"u8.ToArray(),
        "OperatingCompany"u8.ToArray(),
        "DigitalAssetTreasury"u8.ToArray(),
    ];

    /// <summary>Writes the header and one row per input row, in input order.</summary>
    /// <param name="rows">The parsed input (tickers and dates are copied from it).</param>
    /// <param name="screening">The engine's result for the universe built from <paramref name="rows"/>, row for row.</param>
    /// <param name="policy">The chosen policy, or <see langword="null"/> for a plain classification (no policy columns).</param>
    /// <param name="sink">Receives the output in order, block by block.</param>
    public static void Write(FastSnapshotCsv.Rows rows, PolicyScreening screening, IndexPolicy? policy, Action<ReadOnlySpan<byte>> sink)
    {
        sink(policy is null ? "ticker,as_of,classification,digital_asset_ratio\n"u8 : "ticker,as_of,classification,digital_asset_ratio,policy,action\n"u8);
        byte[]? policyId = policy is null ? null : Encoding.UTF8.GetBytes(Escape(policy.Id));
        var actions = new byte[16][];
        for (int a = 0; a < actions.Length; a++)
        {
            actions[a] = Encoding.UTF8.GetBytes(Escape(((PolicyAction)a).ToString()));
        }

        // Blocks are formatted a batch at a time on every core into buffers that are reused from batch to batch
        // (a few MB in cache, instead of the whole output in fresh memory), and written in order.
        int blocks = (rows.Count + BlockRows - 1) / BlockRows;
        int batch = Math.Max(1, Environment.ProcessorCount * 2);
        var buffers = new ArrayBufferWriter<byte>[Math.Min(batch, blocks)];
        for (int first = 0; first < blocks; first += batch)
        {
            int count = Math.Min(batch, blocks - first);
            Parallel.For(0, count, k =>
            {
                int from = (first + k) * BlockRows;
                int to = Math.Min(rows.Count, from + BlockRows);
                var buffer = buffers[k] ??= new ArrayBufferWriter<byte>(BlockRows * 64);
                buffer.ResetWrittenCount();
                FormatBlock(rows, screening, policyId, actions, from, to, buffer);
            });

            for (int k = 0; k < count; k++)
            {
                sink(buffers[k].WrittenSpan);
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void FormatBlock(FastSnapshotCsv.Rows rows, PolicyScreening screening, byte[]? policyId, byte[][] actions, int from, int to, ArrayBufferWriter<byte> buffer)
    {
        byte[] data = rows.Data;
        var classes = screening.Classifications;
        var actionColumn = screening.Actions;
        for (int i = from; i < to; i++)
        {
            int tickerLength = rows.TickerLength[i];
            byte[] cls = ClassNames[classes[i]];
            byte[] action = [];
            if (policyId is not null)
            {
                sbyte a = actionColumn[i];
                action = a >= 0 ? actions[a] : Encoding.UTF8.GetBytes(Escape(screening.Explain(i) is { } d ? RuleChange.Describe(d) : "unknown"));
            }

            int max = tickerLength + 1 + 10 + 1 + cls.Length + 1 + RatioText.MaxLength + 1
                + (policyId is null ? 0 : 2 + policyId.Length + action.Length);
            var span = buffer.GetSpan(max);
            int n = 0;
            data.AsSpan(rows.TickerStart[i], tickerLength).CopyTo(span);
            n += tickerLength;
            span[n++] = (byte)',';
            data.AsSpan(rows.AsOfStart[i], 10).CopyTo(span[n..]);
            n += 10;
            span[n++] = (byte)',';
            cls.CopyTo(span[n..]);
            n += cls.Length;
            span[n++] = (byte)',';
            long total = rows.Total[i];
            if (total > 0 && rows.Digital[i] <= total)
            {
                n += RatioText.Write(rows.Digital[i], total, span[n..]);
            }

            if (policyId is not null)
            {
                span[n++] = (byte)',';
                policyId.CopyTo(span[n..]);
                n += policyId.Length;
                span[n++] = (byte)',';
                action.CopyTo(span[n..]);
                n += action.Length;
            }

            span[n++] = (byte)'\n';
            buffer.Advance(n);
        }
    }

    /// <summary>Quotes a field as the CSV writer of the general path does: when it holds a comma, a quote or a line break.</summary>
    internal static string Escape(string field) =>
        field.AsSpan().IndexOfAny(",\"\r\n") < 0 ? field : "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
