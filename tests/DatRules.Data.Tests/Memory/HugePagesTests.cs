using System.Runtime.InteropServices;

namespace DatRules.Data.Tests.Memory;

/// <summary>
/// <see cref="HugePages"/>: the heap's range found in a <c>/proc/self/maps</c> text (the kernel's format: start-end,
/// permissions, offset, device, inode, path), and on this machine, where Linux takes the advice, the heap's mappings
/// flagged for huge pages by the kernel itself (<c>hg</c> in <c>/proc/self/smaps</c>' VmFlags).
/// </summary>
public sealed class HugePagesTests
{
    // A heap reservation split into three mappings as it was committed (---p, rw-p, ---p), a thread stack after a gap,
    // a file mapping just before it, and an anonymous mapping after the file.
    private const string Maps = """
        55d3c0000000-55d3c2000000 r-xp 00000000 fd:01 1234                       /usr/bin/datrules
        7f0000000000-7f0000400000 rw-p 00000000 00:00 0 
        7f0000400000-7f0004000000 ---p 00000000 00:00 0 
        7f0004000000-7f0010000000 ---p 00000000 00:00 0
        7f0020000000-7f0020800000 rw-p 00000000 00:00 0                          [stack]
        7f0030000000-7f0030001000 r--p 00000000 fd:01 99                         /usr/lib/libc.so.6
        7f0030001000-7f0030002000 rw-p 00000000 00:00 0 
        """;

    [Fact]
    public void The_heap_range_is_the_anonymous_mappings_that_follow_on_from_the_one_holding_the_address()
    {
        // The address 0x7f0004100000 is in the third mapping; the first three follow on without a gap (ends equal the next
        // starts), so the range is 7f0000000000-7f0010000000. The stack is named (and after a gap), the file is a file.
        Assert.Equal((0x7f0000000000UL, 0x7f0010000000UL), HugePages.HeapRange(Maps, 0x7f0004100000UL));
        Assert.Equal((0x7f0000000000UL, 0x7f0010000000UL), HugePages.HeapRange(Maps, 0x7f0000000000UL));
    }

    [Fact]
    public void An_address_in_no_anonymous_mapping_has_no_range()
    {
        Assert.Null(HugePages.HeapRange(Maps, 0x55d3c0001000UL)); // the executable
        Assert.Null(HugePages.HeapRange(Maps, 0x7f0010000000UL)); // the end is exclusive: in the gap after the heap
        Assert.Null(HugePages.HeapRange(Maps, 0x7f0020000100UL)); // a named mapping ([stack])
        Assert.Null(HugePages.HeapRange("garbage\n\nnot-hex-either rw-p 0 0 0\n", 0x1000UL));
        Assert.Equal((0x7f0030001000UL, 0x7f0030002000UL), HugePages.HeapRange(Maps, 0x7f0030001800UL));
    }

    [Fact]
    public void Where_Linux_takes_the_advice_the_heap_mappings_are_flagged_for_huge_pages()
    {
        if (!OperatingSystem.IsLinux()
            || !File.ReadAllText("/sys/kernel/mm/transparent_hugepage/enabled").Contains("[madvise]", StringComparison.Ordinal)
            || Environment.GetEnvironmentVariable("DATRULES_HUGEPAGES") == "0")
        {
            // Elsewhere (or switched off) nothing is asked of the kernel.
            Assert.False(HugePages.AdviseGCHeap());
            return;
        }

        Assert.True(HugePages.AdviseGCHeap());

        // A large array allocated after the advice: the kernel's own record of the mapping holding it says "hg".
        var array = GC.AllocateUninitializedArray<long>(4 << 20, pinned: false);
        var handle = GCHandle.Alloc(array, GCHandleType.Pinned);
        try
        {
            ulong address = (ulong)handle.AddrOfPinnedObject();
            Assert.Contains("hg", VmFlagsAt(address));
        }
        finally
        {
            handle.Free();
        }

        GC.KeepAlive(array);
    }

    private static string[] VmFlagsAt(ulong address)
    {
        bool inside = false;
        foreach (var line in File.ReadLines("/proc/self/smaps"))
        {
            int dash = line.IndexOf('-', StringComparison.Ordinal);
            int space = line.IndexOf(' ', StringComparison.Ordinal);
            if (dash > 0 && space > dash
                && ulong.TryParse(line.AsSpan(0, dash), System.Globalization.NumberStyles.AllowHexSpecifier, null, out var start)
                && ulong.TryParse(line.AsSpan(dash + 1, space - dash - 1), System.Globalization.NumberStyles.AllowHexSpecifier, null, out var end))
            {
                inside = start <= address && address < end;
            }
            else if (inside && line.StartsWith("VmFlags:", StringComparison.Ordinal))
            {
                return line["VmFlags:".Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            }
        }

        throw new InvalidOperationException($"no mapping in /proc/self/smaps holds 0x{address:x}");
    }
}
