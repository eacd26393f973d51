namespace DatRules.Data.Formats.Parquet;

/// <summary>The logical types <see cref="ParquetFooter"/> tells apart.</summary>
internal enum FooterLogical
{
    /// <summary>None given.</summary>
    None,

    /// <summary>STRING.</summary>
    String,

    /// <summary>DECIMAL.</summary>
    Decimal,

    /// <summary>DATE.</summary>
    Date,

    /// <summary>INTEGER (a bit width and a sign).</summary>
    Integer,

    /// <summary>Any other.</summary>
    Other,
}
