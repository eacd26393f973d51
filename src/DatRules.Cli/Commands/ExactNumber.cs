using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace DatRules.Cli.Commands;

/// <summary>
/// Parses decimal option values exactly: a value with more significant digits or a larger magnitude than a
/// <see cref="decimal"/> holds is an error, never rounded (a 29-digit threshold used to become a different one).
/// </summary>
internal static class ExactNumber
{
    /// <summary>Creates a <c>decimal?</c> option whose values are parsed exactly.</summary>
    public static Option<decimal?> Option(string name, string alias, string description)
    {
        var option = alias.Length == 0 ? new Option<decimal?>(name) : new Option<decimal?>(name, alias);
        option.Description = description;
        option.CustomParser = r => Parse(r, name);
        return option;
    }

    /// <summary>Parses the single token of <paramref name="result"/>; adds an error and returns null when it is not an exact decimal.</summary>
    public static decimal? Parse(ArgumentResult result, string option)
    {
        string text = result.Tokens.Count == 1 ? result.Tokens[0].Value : string.Join(' ', result.Tokens.Select(t => t.Value));
        if (!decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out decimal value))
        {
            result.AddError($"{option} '{text}' is not a number (e.g. 50 or 0.05).");
            return null;
        }

        if (!DatRules.Json.DecimalText.IsExact(text, value))
        {
            result.AddError($"{option} '{text}' has more digits or a larger magnitude than a decimal holds exactly (28 significant digits, below 7.9e28).");
            return null;
        }

        return value;
    }
}
