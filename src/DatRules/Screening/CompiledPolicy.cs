using DatRules.Policies;

namespace DatRules.Screening;

/// <summary>A policy prepared for one universe: kernels for its criteria and a table from (class, constituency) to action.</summary>
internal sealed class CompiledPolicy
{
    private readonly Universe _u;
    private readonly RatioKernel? _single;
    private readonly LineItemRatioKernel? _singleLineItems;
    private readonly Func<int, byte>[] _criteria;
    private readonly sbyte[] _actionTable = new sbyte[9];
    private readonly int _rankCut = -1;

    internal CompiledPolicy(Universe u, IndexPolicy policy, bool useRatioIndex = true)
    {
        _u = u;
        Policy = policy;
        _criteria = [.. policy.Criteria.Select(Compile)];
        if (policy.Criteria is [LineItemRatioCriterion lineItems])
        {
            _singleLineItems = new LineItemRatioKernel(u, lineItems);
        }

        if (policy.Criteria is [RatioThresholdCriterion only])
        {
            _single = new RatioKernel(u, only.Threshold, only.Holdings);
            if (useRatioIndex && u.HasRatioIndex && _single.IsHeldColumn)
            {
                _rankCut = u.RatioIndex.Cut(_single);
            }
        }

        for (int cls = 0; cls < 3; cls++)
        {
            for (int con = 0; con < 3; con++)
            {
                _actionTable[(cls * 3) + con] = cls switch
                {
                    2 => con switch
                    {
                        1 => (sbyte)policy.ConstituentAction,
                        2 => (sbyte)policy.NonConstituentAction,
                        _ => policy.ConstituentAction == policy.NonConstituentAction ? (sbyte)policy.ConstituentAction : (sbyte)-1,
                    },
                    1 => 0,
                    _ => -1,
                };
            }
        }
    }

    internal IndexPolicy Policy { get; }

    internal RatioKernel.Tier? SinglePath => _single?.Path;

    /// <summary>Gets a value indicating whether the policy is screened from the universe's ratio index.</summary>
    internal bool UsesRatioIndex => _rankCut >= 0;

    /// <summary>Screens rows [from, to) into the given slices (indexed from 0).</summary>
    internal void Run(Span<byte> classes, Span<sbyte> actions, int from, int to)
    {
        if (_rankCut >= 0)
        {
            _u.RatioIndex.Classify(_rankCut, classes, from, to);
        }
        else if (_single is not null)
        {
            _single.Classify(_u, classes, from, to);
        }
        else if (_singleLineItems is not null)
        {
            _singleLineItems.Classify(_u, classes, from, to);
        }
        else
        {
            for (int i = from; i < to; i++)
            {
                classes[i - from] = ClassOf(i);
            }
        }

        ActionLookup.Apply(_actionTable, classes, _u.Constituent.AsSpan(from, to - from), actions);
        PatchFallback(classes, actions, from, to);
    }

    /// <summary>Screens the given rows (gathered; -1 = no row) into positions.</summary>
    internal void RunRows(int[] rows, Span<byte> classes, Span<sbyte> actions)
    {
        for (int k = 0; k < rows.Length; k++)
        {
            int row = rows[k];
            if (row < 0)
            {
                classes[k] = 0;
                actions[k] = -1;
                continue;
            }

            byte cls = ClassOf(row);
            classes[k] = cls;
            actions[k] = _actionTable[(cls * 3) + _u.Constituent[row]];
        }

        if (_u.FallbackCount > 0)
        {
            for (int k = 0; k < rows.Length; k++)
            {
                if (rows[k] >= 0 && Array.BinarySearch(_u.FallbackRows, rows[k]) is var f && f >= 0)
                {
                    Apply(Policy.Evaluate(_u.FallbackSnapshots[f]), ref classes[k], ref actions[k]);
                }
            }
        }
    }

    private static void Apply(PolicyDecision d, ref byte cls, ref sbyte action)
    {
        cls = (byte)d.Classification;
        action = d.Action is { } a ? (sbyte)a : (sbyte)-1;
    }

    /// <summary>A criterion as a function from row to outcome code: 0 unknown, 1 met, 2 not met.</summary>
    private Func<int, byte> Compile(IPolicyCriterion c) => c switch
    {
        RatioThresholdCriterion r => RatioOutcome(new RatioKernel(_u, r.Threshold, r.Holdings)),
        LineItemRatioCriterion l => LineItemOutcome(new LineItemRatioKernel(_u, l)),
        IssuerListCriterion l => IssuerOutcome(l),
        FlagCriterion { Field: "self_described_dat" } => row => _u.SelfDescribed[row],
        FlagCriterion { Field: "capital_raised_for_digital_assets" } => row => _u.CapitalRaised[row],
        AllOfCriterion a => AllOf([.. a.Children.Select(Compile)]),
        AnyOfCriterion a => AnyOf([.. a.Children.Select(Compile)]),
        NotCriterion n => Not(Compile(n.Child)),
        // A criterion the engine has no kernel for runs on each row's snapshot (Universe.SnapshotAt), inside the same screen.
        _ => row => (byte)c.Evaluate(_u.SnapshotAt(row)).Outcome,
    };

    private static Func<int, byte> AllOf(Func<int, byte>[] children) => row =>
    {
        bool unknown = false;
        foreach (var c in children)
        {
            byte o = c(row);
            if (o == 2)
            {
                return 2;
            }

            unknown |= o == 0;
        }

        return unknown ? (byte)0 : (byte)1;
    };

    private static Func<int, byte> AnyOf(Func<int, byte>[] children) => row =>
    {
        bool unknown = false;
        foreach (var c in children)
        {
            byte o = c(row);
            if (o == 1)
            {
                return 1;
            }

            unknown |= o == 0;
        }

        return unknown ? (byte)0 : (byte)2;
    };

    private static Func<int, byte> Not(Func<int, byte> child) => row => child(row) switch { 1 => 2, 2 => 1, _ => 0 };

    private Func<int, byte> LineItemOutcome(LineItemRatioKernel k) => row => k.ClassOf(_u, row) switch { 2 => 1, 1 => 2, _ => 0 };

    private Func<int, byte> RatioOutcome(RatioKernel k) => row => k.ClassOf(_u, row) switch { 2 => 1, 1 => 2, _ => 0 };

    private byte ClassOf(int row)
    {
        if (_single is not null)
        {
            return _single.ClassOf(_u, row);
        }

        if (_singleLineItems is not null)
        {
            return _singleLineItems.ClassOf(_u, row);
        }

        if (_criteria.Length == 0)
        {
            return 1;
        }

        bool anyNotMet = false, anyUnknown = false;
        foreach (var c in _criteria)
        {
            byte outcome = c(row);
            anyNotMet |= outcome == 2;
            anyUnknown |= outcome == 0;
        }

        return anyNotMet ? (byte)1 : anyUnknown ? (byte)0 : (byte)2;
    }

    private Func<int, byte> IssuerOutcome(IssuerListCriterion l)
    {
        var set = new HashSet<string>(l.Tickers, StringComparer.OrdinalIgnoreCase);
        var byIssuer = _u.IssuerTickers.Select(t => set.Contains(t) ? (byte)1 : (byte)2).ToArray();
        return row => byIssuer[_u.IssuerOfRow[row]];
    }

    private void PatchFallback(Span<byte> classes, Span<sbyte> actions, int from, int to)
    {
        int[] fb = _u.FallbackRows;
        if (fb.Length == 0)
        {
            return;
        }

        int f = Array.BinarySearch(fb, from);
        for (f = f < 0 ? ~f : f; f < fb.Length && fb[f] < to; f++)
        {
            int p = fb[f] - from;
            Apply(Policy.Evaluate(_u.FallbackSnapshots[f]), ref classes[p], ref actions[p]);
        }
    }
}
