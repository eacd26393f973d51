namespace DatRules.Nowcasting;

/// <summary>How an announced purchase was paid for: it decides whether the issuer's other assets change (<see cref="Nowcast"/>).</summary>
public enum FundingSource
{
    /// <summary>New shares (common or preferred) sold for the purchase: other assets unchanged, total assets grow by the coins.</summary>
    Capital,

    /// <summary>Borrowed money (notes, loans): other assets unchanged, total assets grow by the coins.</summary>
    Debt,

    /// <summary>Cash the issuer already held: other assets fall by the cost.</summary>
    Cash,
}
