namespace DatRules.Screening;

/// <summary>
/// A growable column of unmanaged values for <see cref="UniverseBuilder"/>. <see cref="ToArray"/> hands over the
/// backing array itself when it is exactly full (the common case for a builder given the right capacity), which is
/// safe because the buffer never writes into an array it has filled: the next add grows into a new one.
/// </summary>
/// <typeparam name="T">The value type.</typeparam>
internal sealed class ColumnBuffer<T>
    where T : unmanaged
{
    private T[] _items;

    public ColumnBuffer(int capacity) => _items = capacity <= 0 ? [] : new T[capacity];

    public int Count { get; private set; }

    public void Add(T value)
    {
        if (Count == _items.Length)
        {
            Grow(Count + 1);
        }

        _items[Count++] = value;
    }

    public void AddRange(ReadOnlySpan<T> values)
    {
        if (Count + values.Length > _items.Length)
        {
            Grow(Count + values.Length);
        }

        values.CopyTo(_items.AsSpan(Count));
        Count += values.Length;
    }

    /// <summary>The values added so far, as an array that no later add will change.</summary>
    /// <summary>Takes over <paramref name="items"/> (no copy) as the first <paramref name="count"/> values.</summary>
    /// <param name="items">The values; the buffer owns them from now on.</param>
    /// <param name="count">How many are set.</param>
    /// <param name="shareLonger">Whether <see cref="ToArray"/> may hand over <paramref name="items"/> even when longer than <paramref name="count"/> (for readers that never look past it).</param>
    public void Adopt(T[] items, int count, bool shareLonger = false)
    {
        _items = items;
        Count = count;
        _shareLonger = shareLonger;
    }

    private bool _shareLonger;

    public T[] ToArray() => Count == _items.Length || _shareLonger ? _items : _items[..Count];

    private void Grow(int needed)
    {
        int size = Math.Max(needed, _items.Length <= 0 ? 16 : (int)Math.Min(Array.MaxLength, 2L * _items.Length));
        Array.Resize(ref _items, size);
    }
}
