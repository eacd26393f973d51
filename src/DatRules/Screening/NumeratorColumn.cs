namespace DatRules.Screening;

/// <summary>The numerator of a holdings treatment's ratio, per row, with the rows it makes invalid and its largest value.</summary>
/// <param name="Values">The counted holdings per row, in the universe's units.</param>
/// <param name="Invalid">1 where the ratio is undefined (total assets missing or zero, counted holdings above them).</param>
/// <param name="Max">The largest value.</param>
/// <param name="IsHeldColumn">Whether this is the universe's held-crypto column itself (the one the ratio index sorts).</param>
internal readonly record struct NumeratorColumn(long[] Values, byte[] Invalid, long Max, bool IsHeldColumn);
