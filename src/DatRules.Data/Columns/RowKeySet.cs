namespace DatRules.Data;

/// <summary>
/// The set of row identities seen so far, for the duplicate check: an open-addressing table of row numbers (4 bytes a
/// slot, at most half full), whose keys are read from the table's columns through <paramref name="comparer"/>.
/// </summary>
/// <param name="comparer">Hashes and compares rows by their identity.</param>
/// <param name="expected">The expected number of rows.</param>
internal sealed class RowKeySet(IEqualityComparer<int> comparer, int expected)
{
    private int[] _slots = new int[Size(expected)];
    private int _count;

    /// <summary>Adds <paramref name="row"/>, or finds the row with the same identity.</summary>
    /// <param name="row">The row.</param>
    /// <returns>-1 when added; otherwise the earlier row with the same identity.</returns>
    public int AddOrGetExisting(int row)
    {
        if (2 * (_count + 1) > _slots.Length)
        {
            Rehash(_slots.Length * 2);
        }

        int mask = _slots.Length - 1;
        int slot = comparer.GetHashCode(row) & mask;
        while (_slots[slot] != 0)
        {
            int other = _slots[slot] - 1;
            if (comparer.Equals(other, row))
            {
                return other;
            }

            slot = (slot + 1) & mask;
        }

        _slots[slot] = row + 1;
        _count++;
        return -1;
    }

    /// <summary>Makes room for <paramref name="rows"/> rows without rehashing.</summary>
    /// <param name="rows">The expected row count.</param>
    public void Reserve(int rows)
    {
        if (Size(rows) > _slots.Length)
        {
            Rehash(Size(rows));
        }
    }

    private static int Size(int rows) => (int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)Math.Clamp(2L * rows, 16, 1 << 30));

    private void Rehash(int size)
    {
        var old = _slots;
        _slots = new int[size];
        int mask = size - 1;
        foreach (int entry in old)
        {
            if (entry != 0)
            {
                int slot = comparer.GetHashCode(entry - 1) & mask;
                while (_slots[slot] != 0)
                {
                    slot = (slot + 1) & mask;
                }

                _slots[slot] = entry;
            }
        }
    }
}
