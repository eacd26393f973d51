using System.Collections.ObjectModel;

namespace DatRules.Internal;

/// <summary>
/// Read-only copies for the lists the library exposes: a caller's later change to what it passed in changes nothing
/// here, and a cast to <see cref="IList{T}"/> cannot write (the wrapper throws <see cref="NotSupportedException"/>).
/// </summary>
internal static class ReadOnly
{
    /// <summary>Copies <paramref name="items"/> into a read-only list.</summary>
    public static ReadOnlyCollection<T> Copy<T>(IEnumerable<T> items) => Array.AsReadOnly((items ?? throw new ArgumentNullException(nameof(items))).ToArray());

    /// <summary>Wraps an array the caller owns and never changes (no copy).</summary>
    public static ReadOnlyCollection<T> Wrap<T>(T[] items) => Array.AsReadOnly(items);

    /// <summary>Whether two lists hold equal items in the same order (<see cref="EqualityComparer{T}.Default"/>).</summary>
    public static bool SameItems<T>(IReadOnlyList<T> a, IReadOnlyList<T> b)
    {
        if (ReferenceEquals(a, b))
        {
            return true;
        }

        if (a.Count != b.Count)
        {
            return false;
        }

        var eq = EqualityComparer<T>.Default;
        for (int i = 0; i < a.Count; i++)
        {
            if (!eq.Equals(a[i], b[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A hash of a list's items in order, consistent with <see cref="SameItems{T}"/>.</summary>
    public static int HashItems<T>(IReadOnlyList<T> items)
    {
        var hash = default(HashCode);
        hash.Add(items.Count);
        foreach (var item in items)
        {
            hash.Add(item);
        }

        return hash.ToHashCode();
    }

    /// <summary>Joins at most <paramref name="max"/> texts with ", ", then "and N more".</summary>
    public static string JoinSome(IReadOnlyList<string> items, int max)
    {
        if (items.Count <= max)
        {
            return string.Join(", ", items);
        }

        return string.Join(", ", items.Take(max)) + ", and " + (items.Count - max).ToString(System.Globalization.CultureInfo.InvariantCulture) + " more";
    }
}
