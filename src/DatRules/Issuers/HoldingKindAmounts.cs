using DatRules.Internal;

namespace DatRules.Issuers;

/// <summary>
/// The amounts of crypto of each kind beyond the crypto held directly (<see cref="IssuerSnapshot.DigitalAssets"/>), in
/// the snapshot's currency. Each is part of total assets and on top of the held amount; zero when not given.
/// </summary>
/// <remarks>Immutable; negative amounts are rejected with an <see cref="ArgumentOutOfRangeException"/>.</remarks>
public sealed record HoldingKindAmounts
{
    /// <summary>Gets amounts that are all zero (a balance sheet that splits out no kind).</summary>
    public static HoldingKindAmounts None { get; } = new();

    /// <summary>Gets or initializes restricted or pledged crypto.</summary>
    public decimal Restricted { get; init => field = Guard.NotNegative(value, nameof(Restricted)); }

    /// <summary>Gets or initializes staked crypto (including liquid-staking tokens).</summary>
    public decimal Staked { get; init => field = Guard.NotNegative(value, nameof(Staked)); }

    /// <summary>Gets or initializes crypto receivable (lent, externally managed, collateral receivable).</summary>
    public decimal Receivable { get; init => field = Guard.NotNegative(value, nameof(Receivable)); }

    /// <summary>Gets or initializes shares of crypto exchange-traded products.</summary>
    public decimal Etp { get; init => field = Guard.NotNegative(value, nameof(Etp)); }

    /// <summary>Gets or initializes stablecoins.</summary>
    public decimal Stablecoins { get; init => field = Guard.NotNegative(value, nameof(Stablecoins)); }

    /// <summary>Gets or initializes customers' crypto safeguarded by the company (never counted).</summary>
    public decimal Customer { get; init => field = Guard.NotNegative(value, nameof(Customer)); }

    /// <summary>Gets a value indicating whether every amount is zero.</summary>
    public bool IsEmpty => Restricted == 0m && Staked == 0m && Receivable == 0m && Etp == 0m && Stablecoins == 0m && Customer == 0m;

    /// <summary>Gets the amount of one kind other than <see cref="HoldingKind.Held"/>.</summary>
    /// <param name="kind">The kind.</param>
    /// <returns>The amount.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="kind"/> is <see cref="HoldingKind.Held"/> (the snapshot's holdings) or undefined.</exception>
    public decimal AmountOf(HoldingKind kind) => kind switch
    {
        HoldingKind.Restricted => Restricted,
        HoldingKind.Staked => Staked,
        HoldingKind.Receivable => Receivable,
        HoldingKind.Etp => Etp,
        HoldingKind.Stablecoin => Stablecoins,
        HoldingKind.Customer => Customer,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Held crypto is the snapshot's holdings (IssuerSnapshot.DigitalAssets)."),
    };

    /// <summary>Returns these amounts with one kind set.</summary>
    /// <param name="kind">The kind (not <see cref="HoldingKind.Held"/>).</param>
    /// <param name="amount">The amount, &gt;= 0.</param>
    /// <returns>The new amounts.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="kind"/> is <see cref="HoldingKind.Held"/> or undefined, or <paramref name="amount"/> is negative.</exception>
    public HoldingKindAmounts With(HoldingKind kind, decimal amount) => kind switch
    {
        HoldingKind.Restricted => this with { Restricted = amount },
        HoldingKind.Staked => this with { Staked = amount },
        HoldingKind.Receivable => this with { Receivable = amount },
        HoldingKind.Etp => this with { Etp = amount },
        HoldingKind.Stablecoin => this with { Stablecoins = amount },
        HoldingKind.Customer => this with { Customer = amount },
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Held crypto is the snapshot's holdings (IssuerSnapshot.DigitalAssets)."),
    };
}
