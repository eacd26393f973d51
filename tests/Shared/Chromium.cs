using System.Diagnostics;

namespace DatRules.TestSupport;

/// <summary>
/// Headless Chromium for tests of pages the library writes: the Debian <c>chromium</c> package (.ci/run installs it
/// when absent), or the browser named by <c>$DATRULES_CHROMIUM</c>. <see cref="Path"/> is null where none is installed;
/// tests then skip with <see cref="SkipReason"/> (<see cref="ChromiumFactAttribute"/>).
/// </summary>
internal static class Chromium
{
    public const string SkipReason = "no Chromium on this machine (apt-get install chromium, or set DATRULES_CHROMIUM): the browser tests of the HTML report are skipped";

    private static readonly Lazy<string?> Found = new(Find);

    public static string? Path => Found.Value;

    private static string? Find()
    {
        if (Environment.GetEnvironmentVariable("DATRULES_CHROMIUM") is { Length: > 0 } named)
        {
            return File.Exists(named) ? named : null;
        }

        string[] names = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"];
        foreach (string folder in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(System.IO.Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            foreach (string name in names)
            {
                string candidate = System.IO.Path.Combine(folder, name);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }

    /// <summary>The page's DOM after its scripts ran (<c>--dump-dom</c>).</summary>
    /// <param name="url">A <c>file://</c> address, with a query string if wanted.</param>
    /// <returns>The serialized DOM.</returns>
    public static string DumpDom(string url) => Run(["--dump-dom", url]);

    /// <summary>Takes a screenshot of the page (<c>--screenshot</c>) at a window size.</summary>
    /// <param name="url">The page.</param>
    /// <param name="png">The PNG file to write.</param>
    /// <param name="width">The window's width in pixels.</param>
    /// <param name="height">The window's height.</param>
    public static void Screenshot(string url, string png, int width, int height) =>
        Run([$"--screenshot={png}", $"--window-size={width},{height}", url]);

    private static string Run(IEnumerable<string> args)
    {
        string browser = Path ?? throw new InvalidOperationException(SkipReason);
        string profile = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"datrules-chromium-{Guid.NewGuid():N}");
        var info = new ProcessStartInfo(browser)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };

        // Headless, offline and quiet: no sandbox (CI runs as root), no GPU, none of the background connections that a
        // closed network refuses, and a fresh profile each run.
        foreach (string flag in new[]
        {
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--hide-scrollbars", "--force-device-scale-factor=1", $"--user-data-dir={profile}",
        }.Concat(args))
        {
            info.ArgumentList.Add(flag);
        }

        try
        {
            using var process = Process.Start(info)!;
            var stderr = process.StandardError.ReadToEndAsync();
            string stdout = process.StandardOutput.ReadToEnd();
            if (!process.WaitForExit(120_000))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException("Chromium did not finish in 120 s.");
            }

            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"Chromium exited with {process.ExitCode}: {stderr.Result}");
            }

            return stdout;
        }
        finally
        {
            try
            {
                Directory.Delete(profile, recursive: true);
            }
            catch (IOException)
            {
                // A profile folder still in use is left to the temporary folder's cleaning.
            }
        }
    }
}

/// <summary>A test that needs a browser: skipped, with <see cref="Chromium.SkipReason"/>, where no Chromium is installed.</summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class ChromiumFactAttribute : FactAttribute
{
    public ChromiumFactAttribute()
    {
        if (Chromium.Path is null)
        {
            Skip = Chromium.SkipReason;
        }
    }
}
