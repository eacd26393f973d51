using System.Globalization;
using System.Runtime.CompilerServices;

namespace DatRules.Internal;

/// <summary>Argument checks with messages that name the value and the allowed range.</summary>
internal static class Guard
{
    /// <summary>Adds <paramref name="values"/>; beyond decimal's range, an <see cref="ArgumentOutOfRangeException"/> with <paramref name="message"/> instead of an <see cref="OverflowException"/>.</summary>
    internal static decimal Sum(IEnumerable<decimal> values, string message, string paramName)
    {
        try
        {
            return values.Sum();
        }
        catch (OverflowException)
        {
            throw new ArgumentOutOfRangeException(paramName, message);
        }
    }

    internal static decimal NotNegative(decimal value, [CallerArgumentExpression(nameof(value))] string? paramName = null)
    {
        if (value < 0m)
        {
            throw new ArgumentOutOfRangeException(paramName, value, string.Create(CultureInfo.InvariantCulture, $"Value must be >= 0; was {value}."));
        }

        return value;
    }

    internal static decimal Positive(decimal value, [CallerArgumentExpression(nameof(value))] string? paramName = null)
    {
        if (value <= 0m)
        {
            throw new ArgumentOutOfRangeException(paramName, value, string.Create(CultureInfo.InvariantCulture, $"Value must be > 0; was {value}."));
        }

        return value;
    }

    internal static string NotBlank(string? value, [CallerArgumentExpression(nameof(value))] string? paramName = null)
    {
        ArgumentNullException.ThrowIfNull(value, paramName);
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new ArgumentException("Value must not be empty or white space.", paramName);
        }

        return value.Trim();
    }
}
