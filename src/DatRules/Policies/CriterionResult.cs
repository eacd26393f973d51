using DatRules.Internal;

namespace DatRules.Policies;

/// <summary>The outcome of one criterion for one issuer, with the reasons.</summary>
/// <remarks>
/// Immutable. Two results are equal when their outcomes are equal and their reasons are equal one by one, in order
/// (ordinal text), so a test can compare a custom criterion's result with an expected one.
/// </remarks>
public sealed class CriterionResult : IEquatable<CriterionResult>
{
    /// <summary>Initializes a result.</summary>
    /// <param name="outcome">Met, not met, or unknown.</param>
    /// <param name="reasons">Why: which rule, which numbers, or which input was missing (copied).</param>
    /// <exception cref="ArgumentNullException"><paramref name="reasons"/> is null.</exception>
    public CriterionResult(CriterionOutcome outcome, IReadOnlyList<string> reasons)
    {
        Outcome = outcome;
        Reasons = ReadOnly.Copy(reasons);
    }

    /// <summary>Gets the outcome: met, not met, or unknown.</summary>
    public CriterionOutcome Outcome { get; }

    /// <summary>Gets why: which rule, which numbers, or which input was missing.</summary>
    /// <remarks>A read-only copy of what was passed in.</remarks>
    public IReadOnlyList<string> Reasons { get; }

    /// <summary>Creates a result with one reason.</summary>
    /// <param name="outcome">The outcome.</param>
    /// <param name="reason">The reason.</param>
    /// <returns>The result.</returns>
    public static CriterionResult Of(CriterionOutcome outcome, string reason) => new(outcome, [reason]);

    /// <summary>Compares two results by value.</summary>
    /// <param name="left">The first result.</param>
    /// <param name="right">The second result.</param>
    /// <returns><see langword="true"/> if both are null or equal.</returns>
    public static bool operator ==(CriterionResult? left, CriterionResult? right) => Equals(left, right);

    /// <summary>Compares two results by value.</summary>
    /// <param name="left">The first result.</param>
    /// <param name="right">The second result.</param>
    /// <returns><see langword="true"/> if they differ.</returns>
    public static bool operator !=(CriterionResult? left, CriterionResult? right) => !Equals(left, right);

    /// <summary>Whether <paramref name="other"/> has the same outcome and the same reasons in the same order.</summary>
    /// <param name="other">The other result.</param>
    /// <returns><see langword="true"/> if equal.</returns>
    public bool Equals(CriterionResult? other) =>
        other is not null && (ReferenceEquals(this, other) || (Outcome == other.Outcome && ReadOnly.SameItems(Reasons, other.Reasons)));

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as CriterionResult);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Outcome, ReadOnly.HashItems(Reasons));

    /// <summary>Describes the result, e.g. <c>Met: ratio 99.44% &gt;= 50%</c> (reasons joined by "; ").</summary>
    /// <returns>The description.</returns>
    public override string ToString() => Reasons.Count == 0 ? Outcome.ToString() : $"{Outcome}: {string.Join("; ", Reasons)}";
}
