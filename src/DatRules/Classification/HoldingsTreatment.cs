using DatRules.Issuers;

namespace DatRules.Classification;

/// <summary>
/// Which kinds of crypto a policy counts as "digital asset holdings": the numerator of its ratio is the sum of the
/// counted kinds; the others are named in the reasons as excluded. Customer crypto never counts.
/// </summary>
/// <remarks>Immutable, with value equality. See docs/holdings.md for the built-in policies' treatments and why.</remarks>
public sealed record HoldingsTreatment
{
    private const int KindCount = 7;
    private readonly byte _counted;

    private HoldingsTreatment(byte counted) => _counted = counted;

    /// <summary>
    /// Gets MSCI's reading (the default): crypto held, restricted or pledged, staked, and receivable (lent or managed)
    /// count; crypto ETPs, stablecoins and customer crypto do not. An inference from MSCI's wording "digital asset
    /// holdings" and its preliminary list (docs/holdings.md).
    /// </summary>
    public static HoldingsTreatment Default { get; } = new(Mask(HoldingKind.Held, HoldingKind.Restricted, HoldingKind.Staked, HoldingKind.Receivable));

    /// <summary>Gets a treatment that counts only crypto held directly (the ratio before holding kinds existed, for files without them).</summary>
    public static HoldingsTreatment HeldOnly { get; } = new(Mask(HoldingKind.Held));

    /// <summary>Gets every kind in order: held, restricted, staked, receivable, ETP, stablecoin, customer.</summary>
    public static IReadOnlyList<HoldingKind> Kinds { get; } = Enum.GetValues<HoldingKind>();

    /// <summary>Gets a value indicating whether the treatment is allowed: customer crypto must not count.</summary>
    public bool IsValid => !Counts(HoldingKind.Customer);

    /// <summary>Gets the counted kinds as a bit mask (bit k for <see cref="HoldingKind"/> k).</summary>
    internal byte CountedMask => _counted;

    /// <summary>Gets the treatment of a kind.</summary>
    /// <param name="kind">The kind.</param>
    /// <returns>Count or exclude.</returns>
    public HoldingTreatment Of(HoldingKind kind) => Counts(kind) ? HoldingTreatment.Count : HoldingTreatment.Exclude;

    /// <summary>Gets a value indicating whether a kind counts.</summary>
    /// <param name="kind">The kind.</param>
    /// <returns><see langword="true"/> when it counts.</returns>
    public bool Counts(HoldingKind kind) => (uint)kind < KindCount && (_counted & (1 << (int)kind)) != 0;

    /// <summary>Returns this treatment with one kind counted or excluded.</summary>
    /// <param name="kind">The kind.</param>
    /// <param name="treatment">Count or exclude.</param>
    /// <returns>The new treatment. Counting <see cref="HoldingKind.Customer"/> gives a treatment that is not
    /// <see cref="IsValid"/>: policies refuse it (<see cref="Policies.PolicyValidationException"/>).</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="kind"/> or <paramref name="treatment"/> is undefined.</exception>
    public HoldingsTreatment With(HoldingKind kind, HoldingTreatment treatment)
    {
        if (!Enum.IsDefined(kind))
        {
            throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a holding kind.");
        }

        if (!Enum.IsDefined(treatment))
        {
            throw new ArgumentOutOfRangeException(nameof(treatment), treatment, "Not a holding treatment.");
        }

        byte bit = (byte)(1 << (int)kind);
        return new HoldingsTreatment(treatment == HoldingTreatment.Count ? (byte)(_counted | bit) : (byte)(_counted & ~bit));
    }

    /// <summary>The name of a kind in reasons and docs, e.g. <c>crypto receivable</c>.</summary>
    /// <param name="kind">The kind.</param>
    /// <returns>The words.</returns>
    public static string NameOf(HoldingKind kind) => kind switch
    {
        HoldingKind.Held => "crypto held",
        HoldingKind.Restricted => "restricted crypto",
        HoldingKind.Staked => "staked crypto",
        HoldingKind.Receivable => "crypto receivable",
        HoldingKind.Etp => "crypto ETPs",
        HoldingKind.Stablecoin => "stablecoins",
        HoldingKind.Customer => "customer crypto",
        _ => kind.ToString(),
    };

    /// <summary>The key of a kind in policy JSON (<c>held</c>, <c>restricted</c>, <c>staked</c>, <c>receivable</c>, <c>etp</c>, <c>stablecoin</c>, <c>customer</c>).</summary>
    /// <param name="kind">The kind.</param>
    /// <returns>The key.</returns>
    public static string JsonKeyOf(HoldingKind kind) => kind switch
    {
        HoldingKind.Held => "held",
        HoldingKind.Restricted => "restricted",
        HoldingKind.Staked => "staked",
        HoldingKind.Receivable => "receivable",
        HoldingKind.Etp => "etp",
        HoldingKind.Stablecoin => "stablecoin",
        HoldingKind.Customer => "customer",
        _ => kind.ToString().ToLowerInvariant(),
    };

    /// <inheritdoc />
    public override string ToString()
    {
        var counted = Kinds.Where(Counts).Select(JsonKeyOf).ToArray();
        var excluded = Kinds.Where(k => !Counts(k)).Select(JsonKeyOf).ToArray();
        return $"counts {(counted.Length == 0 ? "nothing" : string.Join(", ", counted))}; excludes {(excluded.Length == 0 ? "nothing" : string.Join(", ", excluded))}";
    }

    private static byte Mask(params HoldingKind[] kinds) => (byte)kinds.Aggregate(0, (m, k) => m | (1 << (int)k));
}
