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
}
