namespace DatRules.Data;

/// <summary>What a snapshot column holds (docs/data.md), as <see cref="SnapshotFrameBuilder.KindOf"/> tells a reader of a typed format.</summary>
public enum SnapshotValueKind
{
    /// <summary>Text (tickers, names, provenance; also the signed flow line items and the CIK, which are checked as text).</summary>
    Text,

    /// <summary>A non-negative amount, exact (a <see cref="decimal"/>).</summary>
    Amount,

    /// <summary>true/false.</summary>
    Flag,

    /// <summary>A calendar date.</summary>
    Date,
}
