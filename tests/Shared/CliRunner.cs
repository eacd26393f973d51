using DatRules.Cli;

namespace DatRules.TestSupport;

/// <summary>Runs the CLI in-process and captures its streams.</summary>
internal static class CliRunner
{
    internal sealed record Result(int ExitCode, string Out, string Error);

    internal static Result Run(params string[] args) => Run(outputIsTerminal: true, args);

    /// <summary>Runs the CLI as with standard output redirected to a file or a pipe (not a terminal).</summary>
    internal static Result RunRedirected(params string[] args) => Run(outputIsTerminal: false, args);

    private static Result Run(bool outputIsTerminal, string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        int code = CliApp.Run(args, stdout, stderr, outputIsTerminal: outputIsTerminal);
        return new Result(code, stdout.ToString(), stderr.ToString());
    }

    /// <summary>Writes <paramref name="csv"/> to a temporary file and returns its path.</summary>
    internal static string TempCsv(string csv)
    {
        string path = Path.Combine(Path.GetTempPath(), $"datrules-{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, csv);
        return path;
    }
}
