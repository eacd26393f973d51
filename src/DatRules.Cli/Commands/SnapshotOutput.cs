using DatRules.Data;
using DatRules.Issuers;

namespace DatRules.Cli.Commands;

/// <summary>
/// The snapshot CSV of <c>import sec</c> and <c>fetch sec</c>: written by <see cref="SnapshotFrame.WriteCsv(string)"/>
/// (atomically: a temporary file in the same folder, renamed over the target when complete) or to standard output.
/// </summary>
internal static class SnapshotOutput
{
    /// <summary>Writes the snapshots to <paramref name="target"/>, or to standard output when it is <see langword="null"/>.</summary>
    public static void Write(CliContext ctx, IEnumerable<IssuerSnapshot> snapshots, FileInfo? target)
    {
        var frame = SnapshotFrame.FromSnapshots(snapshots);
        if (target is null)
        {
            ctx.WriteTo(frame.WriteCsv);
        }
        else
        {
            frame.WriteCsv(target.FullName);
        }
    }

    /// <summary>Refuses an output that is one of the inputs (same file after links are followed), before anything is read.</summary>
    /// <param name="target">The <c>--out</c> file, if any.</param>
    /// <param name="inputs">The inputs, with the option naming each; a folder stands for the <c>*.json</c> files in it.</param>
    public static void RefuseInput(FileInfo? target, IEnumerable<(string Option, FileSystemInfo Input)> inputs)
    {
        if (target is null)
        {
            return;
        }

        string output = RealPath(target.FullName);
        foreach (var (option, input) in inputs)
        {
            string real = RealPath(input.FullName);
            bool folder = Directory.Exists(real);
            if (folder
                ? string.Equals(Path.GetDirectoryName(output), real.TrimEnd(Path.DirectorySeparatorChar), StringComparison.Ordinal) && output.EndsWith(".json", StringComparison.OrdinalIgnoreCase)
                : string.Equals(output, real, StringComparison.Ordinal))
            {
                throw new UsageException($"--out {target.FullName} is {(folder ? "a file of" : "also")} the input {option} {input.FullName}: writing it would destroy what is read; choose another file.");
            }
        }
    }

    /// <summary>The full path with every symbolic link on the way followed (as far as the path exists).</summary>
    internal static string RealPath(string path, int depth = 0)
    {
        string full = Path.GetFullPath(path);
        string? parent = Path.GetDirectoryName(full);
        if (parent is null || depth > 40)
        {
            return full;
        }

        string here = Path.Combine(RealPath(parent, depth + 1), Path.GetFileName(full));
        FileSystemInfo info = Directory.Exists(here) ? new DirectoryInfo(here) : new FileInfo(here);
        return info.LinkTarget is { } link ? RealPath(Path.GetFullPath(link, Path.GetDirectoryName(here)!), depth + 1) : here;
    }
}
