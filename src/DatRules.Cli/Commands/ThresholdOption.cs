using System.Globalization;
using DatRules.Classification;

namespace DatRules.Cli.Commands;

/// <summary>Validates a --threshold value.</summary>
internal static class ThresholdOption
{
    public static RatioThreshold Resolve(decimal? percent) => percent switch
    {
        null => RatioThreshold.Msci,
        > 0m and <= 100m => RatioThreshold.AtLeast(percent.Value),
        _ => throw new UsageException(string.Create(CultureInfo.InvariantCulture, $"--threshold must be in (0, 100] percent; was {percent}.")),
    };
}
