using DatRules.Classification;
using DatRules.Policies;

namespace DatRules.Screening;

/// <summary>
/// The result of one policy over a universe, as columns: one classification and one action per position.
/// A position is a universe row (<see cref="ScreeningEngine.Screen(Universe, IndexPolicy)"/>) or an issuer
/// (<see cref="ScreeningEngine.ScreenOnDates"/>, where <see cref="RowAt"/> says which snapshot was used).
/// </summary>
public sealed class PolicyScreening
{
    private readonly byte[] _classes;
    private readonly sbyte[] _actions;
    private readonly int[]? _rows;

    internal PolicyScreening(Universe universe, IndexPolicy policy, byte[] classes, sbyte[] actions, int[]? rows, LocalDate? date)
    {
        Universe = universe;
        Policy = policy;
        _classes = classes;
        _actions = actions;
        _rows = rows;
        Date = date;
        // Vectorised counts (MemoryExtensions.Count): a scalar switch over 1M bytes cost more than the screen itself.
        DatCount = classes.AsSpan().Count((byte)2);
        OperatingCount = classes.AsSpan().Count((byte)1);
        IndeterminateCount = classes.Length - DatCount - OperatingCount;

        if (rows is not null)
        {
            NoDataCount = rows.Count(r => r < 0);
            IndeterminateCount -= NoDataCount;
        }
    }

    /// <summary>Returns this result with the given positions indeterminate (no action): rows a screen refuses to judge, e.g. for their age.</summary>
    /// <param name="positions">The positions.</param>
    /// <returns>The result.</returns>
    internal PolicyScreening WithIndeterminate(IEnumerable<int> positions)
    {
        byte[] classes = [.. _classes];
        sbyte[] actions = [.. _actions];
        foreach (int k in positions)
        {
            classes[k] = (byte)DatClassification.Indeterminate;
            actions[k] = -1;
        }

        return new PolicyScreening(Universe, Policy, classes, actions, _rows, Date);
    }

    /// <summary>Gets the universe.</summary>
    public Universe Universe { get; }

    /// <summary>Gets the policy applied.</summary>
    public IndexPolicy Policy { get; }

    /// <summary>Gets the screening date, for dated screenings.</summary>
    public LocalDate? Date { get; }

    /// <summary>Gets the number of positions.</summary>
    public int Count => _classes.Length;

    /// <summary>Gets the classifications as a column.</summary>
    public ReadOnlySpan<DatClassification> Classifications => System.Runtime.InteropServices.MemoryMarshal.Cast<byte, DatClassification>(_classes);

    /// <summary>Gets the actions as a column (<see cref="ScreenedAction.Unknown"/> where the action cannot be told).</summary>
    public ReadOnlySpan<ScreenedAction> Actions => System.Runtime.InteropServices.MemoryMarshal.Cast<sbyte, ScreenedAction>(_actions);

    /// <summary>Gets the action codes (-1: unknown) the engine wrote.</summary>
    internal ReadOnlySpan<sbyte> ActionCodes => _actions;

    /// <summary>Gets the number of digital-asset treasury companies.</summary>
    public int DatCount { get; }

    /// <summary>Gets the number of operating companies.</summary>
    public int OperatingCount { get; }

    /// <summary>Gets the number of indeterminate classifications (issuers with a snapshot).</summary>
    public int IndeterminateCount { get; }

    /// <summary>Gets the number of issuers without any snapshot on or before the date (dated screenings only).</summary>
    public int NoDataCount { get; }

    /// <summary>Gets the classification at a position.</summary>
    /// <param name="position">The position.</param>
    /// <returns>The classification.</returns>
    public DatClassification ClassificationAt(int position) => (DatClassification)_classes[position];

    /// <summary>Gets the action at a position, or <see langword="null"/> when it cannot be told.</summary>
    /// <param name="position">The position.</param>
    /// <returns>The action.</returns>
    public PolicyAction? ActionAt(int position) => _actions[position] < 0 ? null : (PolicyAction)_actions[position];

    /// <summary>Gets the exact digital-asset ratio behind the classification at a position (fraction of 1).</summary>
    /// <param name="position">The position.</param>
    /// <returns>The ratio, or <see langword="null"/> where it is undefined or the issuer has no snapshot on the date.</returns>
    public decimal? RatioAt(int position) => RowAt(position) is var row && row >= 0 ? Universe.RatioAt(row) : null;

    /// <summary>Gets the universe row screened at a position (-1: no snapshot on or before the date).</summary>
    /// <param name="position">The position.</param>
    /// <returns>The row.</returns>
    public int RowAt(int position) => _rows is null ? position : _rows[position];

    /// <summary>Gets the ticker at a position.</summary>
    /// <param name="position">The position.</param>
    /// <returns>The ticker.</returns>
    public string TickerAt(int position) => _rows is null ? Universe.TickerAt(position) : Universe.IssuerTickers[position];

    /// <summary>Explains a position with the domain path: the full <see cref="PolicyDecision"/> with every reason (allocates).</summary>
    /// <param name="position">The position.</param>
    /// <returns>The decision, or <see langword="null"/> when the issuer has no snapshot on the date.</returns>
    public PolicyDecision? Explain(int position) => RowAt(position) is var row && row >= 0 ? Policy.Evaluate(Universe.SnapshotAt(row)) : null;
}
