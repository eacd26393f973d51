using System.Collections.Immutable;
using DatRules.Issuers;

namespace DatRules.Sec.Concepts;

/// <summary>The concepts read for one kind of crypto beyond the held one (restricted, receivable, customers', ...).</summary>
/// <remarks>Alternatives in order: the first one with a value present in a filing is summed; the others are not read.</remarks>
public sealed class SecHoldingKindMapping
{
    internal SecHoldingKindMapping(HoldingKind kind, ImmutableArray<ImmutableArray<string>> alternatives)
    {
        Kind = kind;
        Alternatives = alternatives;
    }

    /// <summary>Gets the kind.</summary>
    public HoldingKind Kind { get; }

    /// <summary>Gets the alternatives, each a set of concepts summed.</summary>
    public ImmutableArray<ImmutableArray<string>> Alternatives { get; }
}
