using System.Globalization;
using System.Runtime.InteropServices;

namespace DatRules.Data;

/// <summary>
/// Asks Linux to back the .NET GC heap with transparent huge pages (2 MB) instead of 4 KB pages, for a process that
/// reads a large file once into new memory. Every first write to a 4 KB page is a page fault; on a virtual machine each
/// fault can cost microseconds (measured on ours: 2.7 ms per MB of new memory with 4 KB pages, 0.06 ms with 2 MB
/// pages), so a million-row read spends more time faulting in its columns than parsing them. The
/// <c>datrules</c> tool calls <see cref="AdviseGCHeap"/> when it starts; an application that reads large snapshot files
/// can do the same (docs/benchmarks.md). Nothing changes in what is computed.
/// </summary>
/// <remarks>
/// The kernel is only asked where it takes such advice: Linux whose transparent huge pages are in <c>madvise</c> mode
/// (<c>/sys/kernel/mm/transparent_hugepage/enabled</c>; in <c>always</c> mode the heap has them already, in
/// <c>never</c> mode it cannot). The advice covers the heap's reserved address range, found from the address of a
/// heap object in <c>/proc/self/maps</c>; memory is then given out in 2 MB pages as the heap first writes it, so a
/// process's resident size grows in steps of up to 2 MB. Set the environment variable <c>DATRULES_HUGEPAGES=0</c> to
/// leave the heap as it is.
/// </remarks>
public static class HugePages
{
    private const int MadviseHugePage = 14; // MADV_HUGEPAGE, linux/mman.h

    /// <summary>
    /// Advises the kernel to use transparent huge pages for the GC heap's address range, where the platform takes the
    /// advice (see the type's remarks); otherwise does nothing.
    /// </summary>
    /// <returns>Whether the advice was given and taken.</returns>
    public static bool AdviseGCHeap()
    {
        if (!OperatingSystem.IsLinux() || Environment.GetEnvironmentVariable("DATRULES_HUGEPAGES") == "0")
        {
            return false;
        }

        string mode;
        string maps;
        try
        {
            mode = File.ReadAllText("/sys/kernel/mm/transparent_hugepage/enabled");
            if (!mode.Contains("[madvise]", StringComparison.Ordinal))
            {
                return false;
            }

            maps = File.ReadAllText("/proc/self/maps");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }

        var probe = new byte[1];
        var handle = GCHandle.Alloc(probe, GCHandleType.Pinned);
        ulong address;
        try
        {
            address = (ulong)handle.AddrOfPinnedObject();
        }
        finally
        {
            handle.Free();
        }

        if (HeapRange(maps, address) is not { } range)
        {
            return false;
        }

        try
        {
            return NativeMethods.Madvise((nint)range.Start, (nuint)(range.End - range.Start), MadviseHugePage) == 0;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
    }

    /// <summary>
    /// The range of the anonymous mappings around <paramref name="address"/> in a <c>/proc/self/maps</c> text: the
    /// mapping holding it and its neighbours without a file that follow on without a gap (the heap's reserved range is
    /// split into such mappings as parts of it are committed).
    /// </summary>
    /// <param name="maps">The text of <c>/proc/self/maps</c>.</param>
    /// <param name="address">An address in the heap.</param>
    /// <returns>The range, or <see langword="null"/> when no anonymous mapping holds the address.</returns>
    internal static (ulong Start, ulong End)? HeapRange(string maps, ulong address)
    {
        var anonymous = new List<(ulong Start, ulong End)>();
        foreach (var line in maps.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            // "start-end perms offset dev inode [path]"
            var parts = line.Split(' ', 6, StringSplitOptions.RemoveEmptyEntries);
            int dash = parts.Length >= 5 ? parts[0].IndexOf('-', StringComparison.Ordinal) : -1;
            if (dash < 0
                || !ulong.TryParse(parts[0].AsSpan(0, dash), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var start)
                || !ulong.TryParse(parts[0].AsSpan(dash + 1), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var end))
            {
                continue;
            }

            bool fileless = parts[4] == "0" && (parts.Length == 5 || string.IsNullOrWhiteSpace(parts[5]));
            if (fileless)
            {
                anonymous.Add((start, end));
            }
        }

        int at = anonymous.FindIndex(m => m.Start <= address && address < m.End);
        if (at < 0)
        {
            return null;
        }

        int first = at;
        while (first > 0 && anonymous[first - 1].End == anonymous[first].Start)
        {
            first--;
        }

        int last = at;
        while (last + 1 < anonymous.Count && anonymous[last + 1].Start == anonymous[last].End)
        {
            last++;
        }

        return (anonymous[first].Start, anonymous[last].End);
    }

    private static class NativeMethods
    {
        [DllImport("libc", EntryPoint = "madvise", SetLastError = true)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        internal static extern int Madvise(nint address, nuint length, int advice);
    }
}
