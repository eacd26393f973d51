namespace DatRules.Screening;

/// <summary>
/// One line-item term as a column of scaled integers. A missing value is -1 in a balance column (balances are never
/// negative) and <see cref="long.MinValue"/> in a flow column (flows may be negative).
/// </summary>
/// <param name="Values">One value per row.</param>
/// <param name="Signed">Whether the column is a flow (values may be negative; missing is <see cref="long.MinValue"/>).</param>
/// <param name="MaxAbs">The largest magnitude of a present value.</param>
internal sealed record TermColumn(long[] Values, bool Signed, long MaxAbs)
{
    internal bool IsMissing(int row) => Signed ? Values[row] == long.MinValue : Values[row] < 0;
}
