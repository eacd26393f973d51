using DatRules.Internal;
using DatRules.Classification;
using DatRules.Issuers;

namespace DatRules.Headroom;

/// <summary>
/// Classifies a universe across a grid of coin-price moves and thresholds: how many issuers are DATs, and which flip
/// relative to today's prices. A move multiplies every digital-asset value by (1 + m/100); other assets are unchanged.
/// </summary>
public static class SensitivityAnalysis
{
    /// <summary>Gets the default price moves: -50% to +100% in steps of 10.</summary>
    public static IReadOnlyList<decimal> DefaultMoves { get; } = ReadOnly.Copy(Enumerable.Range(-5, 16).Select(i => i * 10m));

    /// <summary>Gets the default thresholds: 30% to 70% in steps of 5, inclusive.</summary>
    public static IReadOnlyList<RatioThreshold> DefaultThresholds { get; } = ReadOnly.Copy(Enumerable.Range(6, 9).Select(i => RatioThreshold.AtLeast(i * 5m)));

    /// <summary>Runs the grid.</summary>
    /// <param name="snapshots">The universe.</param>
    /// <param name="priceMovesPct">Price moves in percent, each &gt;= -100.</param>
    /// <param name="thresholds">Thresholds.</param>
    /// <returns>One cell per (move, threshold), moves outer, in the order given.</returns>
    /// <exception cref="OverflowException">Holdings moved by a price move are beyond <see cref="decimal"/>'s range.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A move is below -100%.</exception>
    public static IReadOnlyList<SensitivityCell> Run(IEnumerable<IssuerSnapshot> snapshots, IEnumerable<decimal> priceMovesPct, IEnumerable<RatioThreshold> thresholds)
    {
        ArgumentNullException.ThrowIfNull(snapshots);
        ArgumentNullException.ThrowIfNull(priceMovesPct);
        ArgumentNullException.ThrowIfNull(thresholds);
        var list = snapshots.ToList();
        var moves = priceMovesPct.ToList();
        var ts = thresholds.ToList();
        if (moves.Find(m => m < -100m) is var bad && bad < -100m)
        {
            throw new ArgumentOutOfRangeException(nameof(priceMovesPct), bad, "A price move cannot be below -100%.");
        }

        var cells = new List<SensitivityCell>(moves.Count * ts.Count);
        foreach (var m in moves)
        {
            foreach (var t in ts)
            {
                int dat = 0;
                var flips = new List<string>();
                foreach (var s in list)
                {
                    var now = Classify(s, 0m, t);
                    var moved = Classify(s, m, t);
                    if (moved == DatClassification.DigitalAssetTreasury)
                    {
                        dat++;
                    }

                    if (moved != now)
                    {
                        flips.Add(s.Issuer.Ticker);
                    }
                }

                cells.Add(new SensitivityCell(m, t, dat, flips.AsReadOnly(), owned: true));
            }
        }

        return cells;
    }

    /// <summary>
    /// Computes the grid over a columnar universe, cell for cell as <see cref="Run(IEnumerable{IssuerSnapshot}, IEnumerable{decimal}, IEnumerable{RatioThreshold})"/>
    /// on its snapshots, exactly: each cell is a cut in the universe's <see cref="Screening.RatioIndex"/> (one sort, not a
    /// classification per row and cell).
    /// </summary>
    /// <param name="universe">The rows.</param>
    /// <param name="priceMovesPct">Price moves in percent (-100 or more).</param>
    /// <param name="thresholds">Thresholds.</param>
    /// <returns>The cells, moves outer, thresholds inner.</returns>
    public static IReadOnlyList<SensitivityCell> Run(Screening.Universe universe, IEnumerable<decimal> priceMovesPct, IEnumerable<RatioThreshold> thresholds)
    {
        ArgumentNullException.ThrowIfNull(universe);
        ArgumentNullException.ThrowIfNull(priceMovesPct);
        ArgumentNullException.ThrowIfNull(thresholds);

        // The ratio index orders rows by held crypto alone; with other kinds counted, each row's snapshot is moved instead.
        return universe.HasHoldingKinds
            ? Run(Enumerable.Range(0, universe.Count).Select(universe.SnapshotAt), priceMovesPct, thresholds)
            : ColumnarSensitivity.Run(universe, [.. priceMovesPct], [.. thresholds]);
    }

    /// <summary>Classifies a snapshot after a common coin-price move (exact decimal test).</summary>
    /// <param name="snapshot">The snapshot.</param>
    /// <param name="movePct">The move in percent.</param>
    /// <param name="threshold">The threshold.</param>
    /// <returns>The classification; indeterminate data stay indeterminate.</returns>
    public static DatClassification Classify(IssuerSnapshot snapshot, decimal movePct, RatioThreshold threshold) =>
        Classify(snapshot, movePct, threshold, HoldingsTreatment.Default);

    /// <summary>
    /// Classifies a snapshot after a common coin-price move under a holdings treatment: the counted kinds move, every other
    /// asset (excluded kinds included) stays at book value.
    /// </summary>
    /// <param name="snapshot">The snapshot.</param>
    /// <param name="movePct">The move in percent.</param>
    /// <param name="threshold">The threshold.</param>
    /// <param name="holdings">Which kinds of crypto count.</param>
    /// <returns>The classification; indeterminate data stay indeterminate.</returns>
    public static DatClassification Classify(IssuerSnapshot snapshot, decimal movePct, RatioThreshold threshold, HoldingsTreatment holdings)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(threshold);
        ArgumentNullException.ThrowIfNull(holdings);
        if (snapshot.HoldingsRatio(holdings) is null)
        {
            return DatClassification.Indeterminate;
        }

        decimal d = snapshot.CountedHoldings(holdings), other = snapshot.TotalAssets!.Value - d;
        decimal moved = d * (1m + (movePct / 100m));
        decimal total = other + moved;
        if (total <= 0m)
        {
            return DatClassification.Indeterminate;
        }

        return threshold.IsCrossedBy(moved, total) ? DatClassification.DigitalAssetTreasury : DatClassification.OperatingCompany;
    }
}
