using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace DatRules.Screening;

/// <summary>
/// Maps (classification, constituency) to a policy's action for a block of rows: <c>table[class * 3 + constituency]</c>,
/// 32 rows per instruction where AVX2 is available (a byte shuffle of the 9-entry table), one by one otherwise.
/// </summary>
internal static class ActionLookup
{
    /// <summary>Writes <c>actions[k] = table[classes[k] * 3 + constituent[k]]</c>; classes are 0-2, constituency 0-2.</summary>
    internal static void Apply(sbyte[] table, ReadOnlySpan<byte> classes, ReadOnlySpan<byte> constituent, Span<sbyte> actions)
    {
        int n = classes.Length;
        int k = 0;
        if (Avx2.IsSupported && n >= 32)
        {
            // vpshufb looks up within each 128-bit lane: the table sits in both lanes.
            Span<sbyte> lanes = stackalloc sbyte[32];
            table.CopyTo(lanes);
            table.CopyTo(lanes[16..]);
            var t = Vector256.Create<sbyte>(lanes).AsByte();
            ref byte c = ref MemoryMarshal.GetReference(classes);
            ref byte con = ref MemoryMarshal.GetReference(constituent);
            ref sbyte a = ref MemoryMarshal.GetReference(actions);
            for (; k <= n - 32; k += 32)
            {
                var cls = Vector256.LoadUnsafe(ref c, (nuint)k);
                var index = cls + cls + cls + Vector256.LoadUnsafe(ref con, (nuint)k);
                Avx2.Shuffle(t, index).AsSByte().StoreUnsafe(ref a, (nuint)k);
            }
        }

        for (; k < n; k++)
        {
            actions[k] = table[(classes[k] * 3) + constituent[k]];
        }
    }
}
