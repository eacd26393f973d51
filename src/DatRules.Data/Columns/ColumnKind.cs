namespace DatRules.Data;

/// <summary>How a snapshot CSV column is parsed and stored (<see cref="SnapshotColumn"/>).</summary>
internal enum ColumnKind
{
    /// <summary>UTF-8 text, kept as bytes.</summary>
    Text,

    /// <summary>A non-negative amount in plain decimal notation, kept as integer cents where exact (else as decimal).</summary>
    Amount,

    /// <summary>true/false, yes/no, 1/0 (any case).</summary>
    Flag,

    /// <summary>A date in yyyy-MM-dd form, kept as a day number.</summary>
    Date,
}
