using System.Globalization;

namespace DatRules.Screening;

/// <summary>Options of the <see cref="ScreeningEngine"/>, validated when the engine is created.</summary>
public sealed class ScreeningOptions
{
    /// <summary>Gets or sets the maximum number of cores used.</summary>
    /// <value>The default value is <see cref="Environment.ProcessorCount"/>.</value>
    public int MaxDegreeOfParallelism { get; set; } = Environment.ProcessorCount;

    /// <summary>Gets or sets the number of row-policy evaluations from which work is split across cores.</summary>
    /// <value>The default value is 262,144: below it, thread hand-off costs more than it saves.</value>
    public int ParallelThreshold { get; set; } = 262_144;

    /// <summary>Gets or sets the rows per work item: all policies of one call run on a chunk while it is in cache.</summary>
    /// <value>The default value is 16,384 (about 300 KB of columns: fits a core's L2 cache).</value>
    public int ChunkSize { get; set; } = 16_384;

    /// <summary>
    /// Gets or sets a value indicating whether a policy whose only criterion is a ratio threshold is screened from the
    /// universe's <see cref="Universe.RatioIndex"/> when that index has been built (4 bytes read per row instead of 17).
    /// </summary>
    /// <value>The default value is <see langword="true"/>. The engine never builds the index itself.</value>
    public bool UseRatioIndex { get; set; } = true;

    /// <summary>Checks the options.</summary>
    /// <exception cref="ArgumentException">An option is out of range; the message lists every failure.</exception>
    public void Validate()
    {
        var failures = new List<string>();
        if (MaxDegreeOfParallelism < 1)
        {
            failures.Add(string.Create(CultureInfo.InvariantCulture, $"MaxDegreeOfParallelism should be >= 1; was {MaxDegreeOfParallelism}"));
        }

        if (ParallelThreshold < 0)
        {
            failures.Add(string.Create(CultureInfo.InvariantCulture, $"ParallelThreshold should be >= 0; was {ParallelThreshold}"));
        }

        if (ChunkSize < 1024 || ChunkSize % 8 != 0)
        {
            failures.Add(string.Create(CultureInfo.InvariantCulture, $"ChunkSize should be >= 1024 and a multiple of 8; was {ChunkSize}"));
        }

        if (failures.Count > 0)
        {
            throw new ArgumentException(string.Join("; ", failures));
        }
    }
}
