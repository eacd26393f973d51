namespace DatRules.Nowcasting;

/// <summary>Thrown when a balance sheet cannot be carried forward: the announcement or asset at fault is named, so that readers can point at its line.</summary>
public sealed class NowcastException : Exception
{
    /// <summary>Initializes the exception.</summary>
    /// <param name="message">What is wrong.</param>
    /// <param name="announcement">The announcement at fault, if one is.</param>
    /// <param name="missingPriceOf">The asset without a price on or before the day, if that is the fault.</param>
    /// <param name="field">The field at fault, in the events file's or snapshot file's names (<c>asset</c>, <c>units</c>, <c>cost</c>, <c>total_assets_usd</c>), if one is.</param>
    public NowcastException(string message, Announcement? announcement = null, string? missingPriceOf = null, string? field = null)
        : base(message)
    {
        Announcement = announcement;
        MissingPriceOf = missingPriceOf;
        Field = field;
    }

    /// <summary>Gets the field at fault, or null.</summary>
    public string? Field { get; }

    /// <summary>Gets the announcement at fault, or null.</summary>
    public Announcement? Announcement { get; }

    /// <summary>Gets the asset that has no price on or before the day, or null.</summary>
    public string? MissingPriceOf { get; }
}
