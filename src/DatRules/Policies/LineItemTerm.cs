using System.Globalization;
using DatRules.Issuers;

namespace DatRules.Policies;

/// <summary>
/// One term of a line-item ratio: a balance at the snapshot's date (<see cref="Balance"/>), or a flow summed over the
/// trailing quarters ending on the snapshot's date (<see cref="Trailing"/>, e.g. revenue over four quarters).
/// </summary>
/// <remarks>Immutable, with value equality.</remarks>
public sealed record LineItemTerm
{
    private LineItemTerm(LineItem item, int? quarters)
    {
        Item = item;
        TrailingQuarters = quarters;
    }

    /// <summary>Gets the line item.</summary>
    public LineItem Item { get; }

    /// <summary>Gets the number of trailing quarters a flow is summed over; <see langword="null"/> for a balance.</summary>
    public int? TrailingQuarters { get; }

    /// <summary>Creates a balance term: the item's amount at the snapshot's date.</summary>
    /// <param name="item">A balance item.</param>
    /// <returns>The term.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="item"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="item"/> is a flow (use <see cref="Trailing"/>).</exception>
    public static LineItemTerm Balance(LineItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return item.Kind == LineItemKind.Balance
            ? new LineItemTerm(item, null)
            : throw new ArgumentException($"'{item}' is a flow: say over how many trailing quarters (LineItemTerm.Trailing).", nameof(item));
    }

    /// <summary>Creates a flow term: the item summed over the <paramref name="quarters"/> quarters ending on the snapshot's date.</summary>
    /// <param name="item">A flow item.</param>
    /// <param name="quarters">The number of quarters, 1 to 8 (4 = a trailing year).</param>
    /// <returns>The term.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="item"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="item"/> is a balance.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="quarters"/> is not in [1, 8].</exception>
    /// <remarks>
    /// The periods reported must tile the window exactly: four quarters, a fiscal year, or a half year and two
    /// quarters all cover the 12 months to 30 Sep 2025 (1 Oct 2024 - 30 Sep 2025). A gap is a missing value.
    /// </remarks>
    public static LineItemTerm Trailing(LineItem item, int quarters)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (item.Kind != LineItemKind.Flow)
        {
            throw new ArgumentException($"'{item}' is a balance at the snapshot's date: it has no trailing period.", nameof(item));
        }

        return quarters is < 1 or > 8
            ? throw new ArgumentOutOfRangeException(nameof(quarters), quarters, "Trailing quarters should be in range [1-8].")
            : new LineItemTerm(item, quarters);
    }

    /// <summary>Describes the term, e.g. <c>cash and equivalents</c> or <c>revenue (trailing 4 quarters)</c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => TrailingQuarters is { } q
        ? string.Create(CultureInfo.InvariantCulture, $"{Item.Display} (trailing {q} quarter{(q == 1 ? string.Empty : "s")})")
        : Item.Display;

    /// <summary>Reads the term from a snapshot: the amount, or why it cannot be read.</summary>
    internal bool TryRead(IssuerSnapshot s, out decimal value, out string? problem, List<LineItemValue>? used = null)
    {
        value = 0m;
        problem = null;
        if (Item == LineItem.DigitalAssets)
        {
            if (s.HasCurrencyMix)
            {
                problem = $"digital assets are valued in another currency than the snapshot ({s.Currency}): no conversion is made";
                return false;
            }

            // The kinds of crypto MSCI's reading counts (held, restricted, staked, receivable): the snapshot's digital assets
            // whether or not its balance sheet splits them (docs/holdings.md).
            value = s.CountedHoldings(Classification.HoldingsTreatment.Default);
            return true;
        }

        if (Item == LineItem.TotalAssets)
        {
            if (s.TotalAssets is not { } t)
            {
                problem = "total assets are missing";
                return false;
            }

            value = t;
            return true;
        }

        if (TrailingQuarters is not { } quarters)
        {
            if (s.BalanceOf(Item) is not { } b)
            {
                problem = $"{Item.Display} is missing";
                return false;
            }

            used?.Add(b);
            value = b.Amount;
            return true;
        }

        var window = TrailingWindow.Of(s.AsOf, quarters);
        var chain = TrailingWindow.Cover(s.FlowsOf(Item), window);
        if (chain is null)
        {
            problem = string.Create(CultureInfo.InvariantCulture, $"{Item.Display} over the {quarters} quarter{(quarters == 1 ? string.Empty : "s")} {window.Start:yyyy-MM-dd}..{window.End:yyyy-MM-dd} is missing (the periods given do not cover it)");
            return false;
        }

        used?.AddRange(chain);
        foreach (var v in chain)
        {
            value += v.Amount;
        }

        return true;
    }
}
