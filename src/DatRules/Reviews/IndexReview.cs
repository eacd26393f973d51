namespace DatRules.Reviews;

/// <summary>One periodic index review: its name, the last trading day whose close it takes effect after, and the first day of the new composition.</summary>
/// <param name="Name">E.g. <c>February 2026</c>.</param>
/// <param name="EffectiveAfterCloseOf">The last business day of the review month; changes apply after its close.</param>
/// <param name="AsOf">The next business day: the first day the new composition applies.</param>
public sealed record IndexReview(string Name, LocalDate EffectiveAfterCloseOf, LocalDate AsOf)
{
    /// <inheritdoc />
    public override string ToString() => $"{Name} review (effective after close of {EffectiveAfterCloseOf:yyyy-MM-dd}, as of {AsOf:yyyy-MM-dd})";
}
