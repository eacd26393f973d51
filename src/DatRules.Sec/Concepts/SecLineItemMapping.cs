using System.Collections.Immutable;
using DatRules.Issuers;

namespace DatRules.Sec.Concepts;

/// <summary>The concepts a line item is read from, in order of preference: the first alternative present in a filing is summed.</summary>
public sealed class SecLineItemMapping
{
    internal SecLineItemMapping(LineItem item, ImmutableArray<ImmutableArray<string>> alternatives)
    {
        Item = item;
        Alternatives = alternatives;
    }

    /// <summary>Gets the line item.</summary>
    public LineItem Item { get; }

    /// <summary>Gets the alternatives, each a set of concepts summed.</summary>
    public ImmutableArray<ImmutableArray<string>> Alternatives { get; }
}
