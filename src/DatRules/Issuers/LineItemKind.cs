namespace DatRules.Issuers;

/// <summary>Whether a line item is a balance (a stock at the balance-sheet date) or a flow over a period.</summary>
public enum LineItemKind
{
    /// <summary>A balance-sheet amount at the snapshot's date (cash, securities, total assets); never negative.</summary>
    Balance = 0,

    /// <summary>An income-statement amount over a stated period (revenue, operating income); may be negative.</summary>
    Flow = 1,
}
