using DatRules.Policies;

namespace DatRules.Screening;

/// <summary>
/// The action of one screened row, one byte wide for the engine's columns (<see cref="PolicyScreening.Actions"/>,
/// <see cref="ScreeningEngine.ScreenInto(Universe, IndexPolicy, Span{Classification.DatClassification}, Span{ScreenedAction})"/>): a <see cref="PolicyAction"/>, or unknown when it depends on an unknown index
/// membership or the classification is indeterminate.
/// </summary>
public readonly struct ScreenedAction : IEquatable<ScreenedAction>
{
    private readonly sbyte _code;

    internal ScreenedAction(sbyte code) => _code = code;

    /// <summary>Gets the unknown action.</summary>
    public static ScreenedAction Unknown => new(-1);

    /// <summary>Gets the action, or <see langword="null"/> when it is unknown.</summary>
    public PolicyAction? Action => _code < 0 ? null : (PolicyAction)_code;

    /// <summary>Gets a value indicating whether the action is known.</summary>
    public bool IsKnown => _code >= 0;

    /// <summary>Compares two actions.</summary>
    /// <param name="left">The first.</param>
    /// <param name="right">The second.</param>
    /// <returns>Whether they are equal.</returns>
    public static bool operator ==(ScreenedAction left, ScreenedAction right) => left.Equals(right);

    /// <summary>Compares two actions.</summary>
    /// <param name="left">The first.</param>
    /// <param name="right">The second.</param>
    /// <returns>Whether they differ.</returns>
    public static bool operator !=(ScreenedAction left, ScreenedAction right) => !left.Equals(right);

    /// <summary>Creates the screened form of a known action.</summary>
    /// <param name="action">The action.</param>
    /// <returns>The screened action.</returns>
    public static ScreenedAction From(PolicyAction action) => new((sbyte)action);

    /// <inheritdoc />
    public bool Equals(ScreenedAction other) => _code == other._code;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is ScreenedAction other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => _code;

    /// <summary>Gets the action's name, or "unknown".</summary>
    /// <returns>The text.</returns>
    public override string ToString() => Action?.ToString() ?? "unknown";
}
