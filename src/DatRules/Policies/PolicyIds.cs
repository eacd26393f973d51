using System.Globalization;
using System.Text;

namespace DatRules.Policies;

/// <summary>
/// Policy ids that read alike: a policy file must not bring in an id that looks like a built-in one (or like another id
/// of the file) but is a different string, e.g. with a Cyrillic 'М' in "MSCI", full-width letters or a Unicode hyphen.
/// </summary>
/// <remarks>
/// Two ids are confusable when they differ but have the same skeleton: NFKC-normalized, lower-cased, with look-alike
/// Cyrillic, Greek and Armenian letters mapped to the Latin letter they resemble, every dash to '-', and invisible
/// format characters removed. A lighter form of Unicode's confusable detection (UTS #39), enough for ids.
/// </remarks>
internal static class PolicyIds
{
    // Lower-case look-alikes of Latin letters (after ToLowerInvariant, so capitals are covered: М -> м -> m).
    private static readonly Dictionary<char, char> LookAlikes = new()
    {
        // Cyrillic
        ['а'] = 'a', ['в'] = 'b', ['с'] = 'c', ['ԁ'] = 'd', ['е'] = 'e', ['һ'] = 'h', ['н'] = 'h', ['і'] = 'i', ['ј'] = 'j',
        ['к'] = 'k', ['ӏ'] = 'l', ['м'] = 'm', ['о'] = 'o', ['р'] = 'p', ['ԛ'] = 'q', ['ѕ'] = 's', ['т'] = 't', ['у'] = 'y',
        ['ү'] = 'y', ['ԝ'] = 'w', ['х'] = 'x', ['ь'] = 'b',

        // Greek
        ['α'] = 'a', ['β'] = 'b', ['ε'] = 'e', ['η'] = 'n', ['ι'] = 'i', ['κ'] = 'k', ['μ'] = 'm', ['ν'] = 'v', ['ο'] = 'o',
        ['ρ'] = 'p', ['τ'] = 't', ['υ'] = 'u', ['χ'] = 'x', ['γ'] = 'y', ['ζ'] = 'z', ['ω'] = 'w',

        // Armenian, and Latin dotless i
        ['օ'] = 'o', ['ս'] = 'u', ['հ'] = 'h', ['ո'] = 'n', ['զ'] = 'q', ['ց'] = 'g', ['ı'] = 'i',
    };

    /// <summary>What is wrong with an id on its own (not NFKC, invisible characters, mixed scripts); empty when nothing.</summary>
    public static IEnumerable<string> Problems(string id)
    {
        foreach (var rune in id.EnumerateRunes())
        {
            var category = Rune.GetUnicodeCategory(rune);
            if (category is UnicodeCategory.Format or UnicodeCategory.Control or UnicodeCategory.PrivateUse or UnicodeCategory.Surrogate or UnicodeCategory.OtherNotAssigned)
            {
                yield return string.Create(CultureInfo.InvariantCulture, $"policy id '{id}' contains U+{rune.Value:X4}, an invisible or control character: an id is visible text");
                yield break;
            }
        }

        if (!id.IsNormalized(NormalizationForm.FormKC))
        {
            yield return $"policy id '{id}' is not in Unicode normalization form KC (reads as '{id.Normalize(NormalizationForm.FormKC)}'): write it with ordinary characters";
        }

        var scripts = id.Select(ScriptOf).Where(s => s is not null).Distinct().ToList();
        if (scripts.Count > 1)
        {
            yield return $"policy id '{id}' mixes scripts ({string.Join(" and ", scripts)}): letters of one id come from one script, so that it cannot pass for another";
        }
    }

    /// <summary>The skeleton two confusable ids share.</summary>
    public static string Skeleton(string id)
    {
        string text = id.IsNormalized(NormalizationForm.FormKC) ? id : id.Normalize(NormalizationForm.FormKC);
        var sb = new StringBuilder(text.Length);
        foreach (char c in text.ToLowerInvariant())
        {
            var category = char.GetUnicodeCategory(c);
            if (category == UnicodeCategory.Format)
            {
                continue;
            }

            sb.Append(category == UnicodeCategory.DashPunctuation || c == '\u2212' ? '-' : LookAlikes.GetValueOrDefault(c, c));
        }

        return sb.ToString();
    }

    /// <summary>Whether <paramref name="id"/> reads as <paramref name="other"/> without being it (case aside: see <paramref name="ignoreCase"/>).</summary>
    public static bool Confusable(string id, string other, bool ignoreCase) =>
        !string.Equals(id, other, ignoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal)
        && string.Equals(Skeleton(id), Skeleton(other), StringComparison.Ordinal);

    /// <summary>Says what makes <paramref name="id"/> differ from <paramref name="other"/>: its first character not in the other, or case.</summary>
    public static string Difference(string id, string other)
    {
        foreach (char c in id)
        {
            if (c >= 0x80 && !other.Contains(c, StringComparison.Ordinal))
            {
                string kind = ScriptOf(c) is { } script && script != "Latin" ? $"{script} letter"
                    : c is >= '\uFF01' and <= '\uFF5E' ? "full-width form"
                    : char.GetUnicodeCategory(c) == UnicodeCategory.DashPunctuation ? "dash"
                    : char.GetUnicodeCategory(c) == UnicodeCategory.Format ? "invisible character"
                    : "character";
                string reads = Skeleton(c.ToString());
                return string.Create(CultureInfo.InvariantCulture, $"U+{(int)c:X4} {kind} '{c}' reads as '{reads}'");
            }
        }

        return "they differ only in letter case";
    }

    /// <summary>The script of a letter among those that look alike (Latin, Greek, Cyrillic, Armenian, Cherokee); null otherwise.</summary>
    private static string? ScriptOf(char c) => !char.IsLetter(c) ? null : c switch
    {
        (>= 'A' and <= 'Z') or (>= 'a' and <= 'z') or (>= '\u00C0' and <= '\u024F') or (>= '\u1E00' and <= '\u1EFF') or (>= '\uFF21' and <= '\uFF5A') => "Latin",
        (>= '\u0370' and <= '\u03FF') or (>= '\u1F00' and <= '\u1FFF') => "Greek",
        (>= '\u0400' and <= '\u052F') or (>= '\u1C80' and <= '\u1C8F') or (>= '\u2DE0' and <= '\u2DFF') or (>= '\uA640' and <= '\uA69F') => "Cyrillic",
        >= '\u0530' and <= '\u058F' => "Armenian",
        (>= '\u13A0' and <= '\u13FF') or (>= '\uAB70' and <= '\uABBF') => "Cherokee",
        _ => null,
    };
}
