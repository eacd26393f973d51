using DatRules.Classification;
using DatRules.Policies;
using DatRules.Screening;

namespace DatRules.Data;

/// <summary>What a screen writes, as columns: the rows read, the universe built from them, and the engine's answers.</summary>
/// <param name="Table">The rows read (row i is universe row i).</param>
/// <param name="Universe">The universe built from <paramref name="Table"/>.</param>
/// <param name="Screening">The classification (and actions) under the policy, or under the classifier's threshold.</param>
/// <param name="Policy">The policy, or <see langword="null"/> for a plain classification.</param>
/// <param name="Classifier">The classifier (its rule name and threshold) when there is no policy.</param>
/// <param name="RatioTest">With a policy: the classification by the ratio test alone (the policy's own threshold, else MSCI's 50%).</param>
/// <param name="Rows">The rows to write, in order (a point-in-time selection), or <see langword="null"/> for all.</param>
/// <param name="Heading">The table's heading.</param>
/// <param name="Age">The ages of the balance sheets (and the largest judged), when the screen has a date.</param>
internal sealed record ScreenColumns(
    SnapshotTable Table,
    Universe Universe,
    PolicyScreening Screening,
    IndexPolicy? Policy,
    DatClassifier Classifier,
    PolicyScreening? RatioTest,
    int[]? Rows,
    string Heading,
    ScreenAge? Age = null)
{
    /// <summary>Gets the number of rows written.</summary>
    public int Count => Rows?.Length ?? Table.Count;

    /// <summary>Gets the table row of output position <paramref name="i"/>.</summary>
    /// <param name="i">The position.</param>
    /// <returns>The row.</returns>
    public int RowAt(int i) => Rows is null ? i : Rows[i];

    /// <summary>Gets which kinds of crypto the screen counts: the policy's, else the classifier's.</summary>
    public HoldingsTreatment Treatment => Policy?.Holdings ?? Classifier.Holdings;

    /// <summary>Gets a row's counted holdings in cents (the held column when the file has no other kinds), or <see cref="AmountColumn.Exact"/>.</summary>
    public long CountedCents(int row) => Table.HasKinds ? Table.CountedCents(row, Treatment) : Table.Digital[row];

    /// <summary>Gets a row's ratio when its cents cannot give it (domain rows), under the screen's treatment.</summary>
    public decimal? DomainRatio(int row) => Table.HasKinds ? Table.ToSnapshot(row).HoldingsRatio(Treatment) : Universe.RatioAt(row);
}
