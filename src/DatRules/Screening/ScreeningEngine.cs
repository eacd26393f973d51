using DatRules.Policies;

namespace DatRules.Screening;

/// <summary>
/// Screens a columnar <see cref="Universe"/> under many policies and dates in one call, giving bit-for-bit the
/// classification and action of <see cref="IndexPolicy.Evaluate"/>, at a few nanoseconds per issuer.
/// </summary>
/// <remarks>
/// Immutable and thread-safe. Exact integer arithmetic (see docs/benchmarks.md for the exactness argument), vectorised
/// with <see cref="System.Runtime.Intrinsics.Vector512"/>/<see cref="System.Runtime.Intrinsics.Vector256"/> where the
/// hardware has them; work is split across cores above <see cref="ScreeningOptions.ParallelThreshold"/>; no allocation per issuer.
/// </remarks>
public sealed class ScreeningEngine
{
    private readonly ScreeningOptions _options;

    /// <summary>Initializes an engine.</summary>
    /// <param name="options">Options; defaults if omitted. Copied and validated.</param>
    /// <exception cref="ArgumentException">An option is out of range.</exception>
    public ScreeningEngine(ScreeningOptions? options = null)
    {
        options ??= new ScreeningOptions();
        options.Validate();
        _options = Copy(options);
    }

    /// <summary>Gets a copy of the options this engine runs with (changing the copy does not change the engine).</summary>
    public ScreeningOptions Options => Copy(_options);

    /// <summary>Screens every row of a universe under one policy.</summary>
    /// <param name="universe">The universe.</param>
    /// <param name="policy">The policy.</param>
    /// <returns>The result columns.</returns>
    public PolicyScreening Screen(Universe universe, IndexPolicy policy) => Screen(universe, [policy])[0];

    /// <summary>
    /// Screens every row of a universe under one policy into caller-owned columns, allocating nothing per issuer
    /// (for hot loops that reuse buffers). Runs on the calling thread.
    /// </summary>
    /// <param name="universe">The universe.</param>
    /// <param name="policy">The policy.</param>
    /// <param name="classifications">Receives one classification per row; length &gt;= <see cref="Universe.Count"/>.</param>
    /// <param name="actions">Receives one action per row (<see cref="ScreenedAction.Unknown"/> where it cannot be told); length &gt;= <see cref="Universe.Count"/>.</param>
    /// <returns>The number of digital-asset treasury companies.</returns>
    /// <exception cref="ArgumentException">A buffer is shorter than the universe.</exception>
    public int ScreenInto(Universe universe, IndexPolicy policy, Span<Classification.DatClassification> classifications, Span<ScreenedAction> actions) =>
        ScreenInto(universe, policy, System.Runtime.InteropServices.MemoryMarshal.Cast<Classification.DatClassification, byte>(classifications), System.Runtime.InteropServices.MemoryMarshal.Cast<ScreenedAction, sbyte>(actions));

    private int ScreenInto(Universe universe, IndexPolicy policy, Span<byte> classifications, Span<sbyte> actions)
    {
        ArgumentNullException.ThrowIfNull(universe);
        ArgumentNullException.ThrowIfNull(policy);
        if (classifications.Length < universe.Count || actions.Length < universe.Count)
        {
            throw new ArgumentException($"Buffers must hold {universe.Count} rows; they hold {classifications.Length} and {actions.Length}.", nameof(classifications));
        }

        // Chunk by chunk, so that each chunk's classes are still in cache when its actions are looked up.
        var compiled = new CompiledPolicy(universe, policy, _options.UseRatioIndex);
        int n = universe.Count;
        for (int from = 0; from < n; from += _options.ChunkSize)
        {
            int to = Math.Min(n, from + _options.ChunkSize);
            compiled.Run(classifications[from..to], actions[from..to], from, to);
        }

        return classifications[..n].Count((byte)Classification.DatClassification.DigitalAssetTreasury);
    }

    /// <summary>Screens every row of a universe under each policy, in parallel where it pays.</summary>
    /// <param name="universe">The universe.</param>
    /// <param name="policies">The policies.</param>
    /// <returns>One result per policy, in order.</returns>
    public IReadOnlyList<PolicyScreening> Screen(Universe universe, IEnumerable<IndexPolicy> policies)
    {
        ArgumentNullException.ThrowIfNull(universe);
        ArgumentNullException.ThrowIfNull(policies);
        var compiled = policies.Select(p => new CompiledPolicy(universe, p ?? throw new ArgumentNullException(nameof(policies)), _options.UseRatioIndex)).ToArray();
        int n = universe.Count;

        // Every element is written below, so the result columns need no zeroing.
        var classes = compiled.Select(_ => GC.AllocateUninitializedArray<byte>(n)).ToArray();
        var actions = compiled.Select(_ => GC.AllocateUninitializedArray<sbyte>(n)).ToArray();
        int chunk = _options.ChunkSize;
        int chunks = (n + chunk - 1) / chunk;
        int policyCount = compiled.Length;

        // Chunk-major order: all policies run on one chunk of rows while it is in cache, so a universe's amount
        // columns are read from memory once, not once per policy.
        void RunItem(int item)
        {
            int p = item % policyCount, from = item / policyCount * chunk, to = Math.Min(n, from + chunk);
            compiled[p].Run(classes[p].AsSpan(from, to - from), actions[p].AsSpan(from, to - from), from, to);
        }

        long work = (long)n * policyCount;
        if (work < _options.ParallelThreshold || _options.MaxDegreeOfParallelism == 1 || chunks * policyCount < 2)
        {
            for (int item = 0; item < chunks * policyCount; item++)
            {
                RunItem(item);
            }
        }
        else
        {
            // Contiguous ranges per worker keep the chunk-major order within each core.
            var ranges = System.Collections.Concurrent.Partitioner.Create(0, chunks * policyCount, Math.Max(policyCount, chunks * policyCount / (_options.MaxDegreeOfParallelism * 4)));
            Parallel.ForEach(ranges, new ParallelOptions { MaxDegreeOfParallelism = _options.MaxDegreeOfParallelism }, range =>
            {
                for (int item = range.Item1; item < range.Item2; item++)
                {
                    RunItem(item);
                }
            });
        }

        return compiled.Select((c, p) => new PolicyScreening(universe, c.Policy, classes[p], actions[p], null, null)).ToArray();
    }

    /// <summary>
    /// Screens each issuer on each date: its latest snapshot on or before the date, under the provider's policy in force
    /// on that date. Positions are issuers (see <see cref="Universe.IssuerCount"/>).
    /// </summary>
    /// <param name="universe">The universe (any number of snapshots per issuer).</param>
    /// <param name="catalog">The policy catalog.</param>
    /// <param name="provider">The provider.</param>
    /// <param name="dates">The screening dates.</param>
    /// <returns>One result per date, in order.</returns>
    /// <exception cref="PolicyNotFoundException">No policy is in force on a date.</exception>
    public IReadOnlyList<PolicyScreening> ScreenOnDates(Universe universe, PolicyCatalog catalog, IndexProvider provider, IEnumerable<LocalDate> dates)
    {
        ArgumentNullException.ThrowIfNull(universe);
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(dates);
        var dateList = dates.ToArray();
        var policies = dateList.Select(d => catalog.InForce(provider, d)).ToArray();
        var compiled = new Dictionary<IndexPolicy, CompiledPolicy>();
        foreach (var p in policies.Distinct())
        {
            compiled[p] = new CompiledPolicy(universe, p, _options.UseRatioIndex);
        }

        var (sorted, start) = universe.Groups;
        var results = new PolicyScreening[dateList.Length];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = (long)universe.IssuerCount * dateList.Length < _options.ParallelThreshold ? 1 : _options.MaxDegreeOfParallelism };
        Parallel.For(0, dateList.Length, parallel, k =>
        {
            int day = dateList[k].ToDateOnly().DayNumber;
            var rows = new int[universe.IssuerCount];
            for (int issuer = 0; issuer < rows.Length; issuer++)
            {
                int chosen = -1;
                for (int j = start[issuer]; j < start[issuer + 1] && universe.AsOfDays[sorted[j]] <= day; j++)
                {
                    chosen = sorted[j];
                }

                rows[issuer] = chosen;
            }

            var classes = new byte[rows.Length];
            var actions = new sbyte[rows.Length];
            compiled[policies[k]].RunRows(rows, classes, actions);
            results[k] = new PolicyScreening(universe, policies[k], classes, actions, rows, dateList[k]);
        });
        return results;
    }

    /// <summary>
    /// Lists every position whose classification or action differs between two screenings of the same universe, with the
    /// meaning of <see cref="RuleChange.Compare(IEnumerable{Issuers.IssuerSnapshot}, IndexPolicy, IndexPolicy)"/>: where
    /// both actions depend on an unknown index membership, what a constituent or a non-constituent would get is compared.
    /// </summary>
    /// <param name="before">The first screening.</param>
    /// <param name="after">The second screening.</param>
    /// <returns>The flips, in position order.</returns>
    /// <exception cref="ArgumentException">The screenings are not of the same universe and positions.</exception>
    public static IReadOnlyList<ScreeningFlip> Flips(PolicyScreening before, PolicyScreening after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        if (!ReferenceEquals(before.Universe, after.Universe) || before.Count != after.Count || (before.Date is null) != (after.Date is null))
        {
            throw new ArgumentException("Flips compare two screenings of the same universe with the same positions (both by row, or both by issuer).", nameof(after));
        }

        var flips = new List<ScreeningFlip>();
        ReadOnlySpan<DatRules.Classification.DatClassification> c1 = before.Classifications, c2 = after.Classifications;
        ReadOnlySpan<sbyte> a1 = before.ActionCodes, a2 = after.ActionCodes;
        for (int i = 0; i < c1.Length; i++)
        {
            if (c1[i] != c2[i] || (a1[i] != a2[i] || a1[i] < 0) && RuleChange.ActionChanged(before.Policy, before.ClassificationAt(i), before.ActionAt(i), after.Policy, after.ClassificationAt(i), after.ActionAt(i)))
            {
                flips.Add(new ScreeningFlip(i, before.TickerAt(i), before.ClassificationAt(i), after.ClassificationAt(i), before.ActionAt(i), after.ActionAt(i)));
            }
        }

        return flips;
    }

    private static ScreeningOptions Copy(ScreeningOptions o) =>
        new() { MaxDegreeOfParallelism = o.MaxDegreeOfParallelism, ParallelThreshold = o.ParallelThreshold, ChunkSize = o.ChunkSize, UseRatioIndex = o.UseRatioIndex };
}
