using System.CommandLine;
using System.Text;
using System.Text.RegularExpressions;
using DatRules.Cli.Commands;
using DatRules.Cli.Input;
using DatRules.Policies;
using NodaTime;

namespace DatRules.Cli;

/// <summary>The <c>datrules</c> command line, runnable in-process with injected writers.</summary>
internal static partial class CliApp
{
    /// <summary>The name of the tool: in help, usage and messages (not the assembly name).</summary>
    public const string Name = "datrules";

    /// <summary>
    /// Runs the CLI as a process does: standard output buffered over <paramref name="rawStdout"/> and flushed at the end.
    /// A failure to write standard output (a full disk, a closed pipe), even at the final flush, is reported on
    /// <paramref name="stderr"/> with exit code 2, not a crash.
    /// </summary>
    /// <param name="args">The arguments.</param>
    /// <param name="rawStdout">Standard output's bytes.</param>
    /// <param name="stderr">Standard error.</param>
    /// <param name="clock">The clock (today's policies); the system clock when null.</param>
    /// <param name="outputIsTerminal">Whether standard output is a terminal (tables fit 80 columns) or a file or pipe (tables are wide).</param>
    public static int RunProcess(string[] args, Stream rawStdout, TextWriter stderr, IClock? clock = null, bool outputIsTerminal = true)
    {
        rawStdout = new StandardOutputStream(rawStdout);
        var stdout = new StreamWriter(rawStdout, new UTF8Encoding(false), 1 << 16) { AutoFlush = false };
        int code = Run(args, stdout, stderr, clock, rawStdout, outputIsTerminal);
        try
        {
            stdout.Flush();
            rawStdout.Flush();
        }
        catch (IOException ex)
        {
            // A failed run has reported its error already (often this one): one message is enough.
            if (code == ExitCodes.Ok)
            {
                stderr.WriteLine($"error: {ex.Message}");
                code = ExitCodes.BadInput;
            }
        }

        return code;
    }

    /// <summary>Builds the command tree.</summary>
    internal static Command BuildRoot(CliContext ctx)
    {
        // A plain command, not RootCommand, whose name would be the assembly's ("DatRules.Cli") in help and usage.
        var root = new Command(Name, "datrules: index-provider rules for digital-asset treasury companies (DATs).")
        {
            new System.CommandLine.Help.HelpOption(),
            new VersionOption(),
        };
        root.Subcommands.Add(ScreenCommand.Create(ctx));
        root.Subcommands.Add(ReportCommand.Create(ctx));
        root.Subcommands.Add(PoliciesCommand.Create(ctx));
        root.Subcommands.Add(DiffCommand.Create(ctx));
        root.Subcommands.Add(OutflowCommand.Create(ctx));
        root.Subcommands.Add(HeadroomCommand.Create(ctx));
        root.Subcommands.Add(SensitivityCommand.Create(ctx));
        root.Subcommands.Add(HistoryCommand.Create(ctx));
        root.Subcommands.Add(ChartCommand.Create(ctx));
        root.Subcommands.Add(ImportCommand.Create(ctx));
        root.Subcommands.Add(FetchCommand.Create(ctx));
        return root;
    }

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr, IClock? clock = null, Stream? rawStdout = null, bool outputIsTerminal = true)
    {
        var ctx = new CliContext(stdout, stderr, clock ?? SystemClock.Instance, rawStdout, outputIsTerminal);
        var root = BuildRoot(ctx);
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            // "datrules scren": the unknown token is the error; "Required command was not provided" would only add noise.
            bool unmatchedAtRoot = ReferenceEquals(parse.CommandResult.Command, root) && parse.UnmatchedTokens.Count > 0;
            foreach (var error in parse.Errors.Where(e => !(unmatchedAtRoot && e.Message.StartsWith("Required command", StringComparison.Ordinal))))
            {
                stderr.WriteLine($"error: {FriendlyTypes(error.Message)}");
            }

            foreach (string hint in Suggestions(parse))
            {
                stderr.WriteLine(hint);
            }

            stderr.WriteLine($"Run '{CommandPath(parse.CommandResult.Command, root)} --help' for usage.");
            return ExitCodes.BadInput;
        }

        try
        {
            return parse.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false });
        }
        catch (InputException ex)
        {
            foreach (var error in ex.Errors)
            {
                stderr.WriteLine($"error: {ex.Source}: {error}");
            }

            return ExitCodes.BadInput;
        }
        catch (PolicyNotFoundException ex)
        {
            stderr.WriteLine($"error: {ex.Message}");
            return ExitCodes.BadInput;
        }
        catch (UsageException ex)
        {
            stderr.WriteLine($"error: {ex.Message}");
            return ExitCodes.BadInput;
        }
        catch (IOException ex)
        {
            stderr.WriteLine($"error: {ex.Message}");
            return ExitCodes.BadInput;
        }
        catch (UnauthorizedAccessException ex)
        {
            stderr.WriteLine($"error: {ex.Message}");
            return ExitCodes.BadInput;
        }
        catch (Exception ex) when (ex is OverflowException || (ex is AggregateException a && a.Flatten().InnerExceptions.All(e => e is OverflowException)))
        {
            // Accepted inputs whose results do not fit decimal arithmetic (also from work split across cores): commands
            // add the ticker where they can.
            stderr.WriteLine("error: a result is too large for exact decimal arithmetic (above 7.9e28); check the input's units and magnitudes.");
            return ExitCodes.BadInput;
        }
#pragma warning disable CA1031 // The last line of defence: a message, never a stack trace.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            stderr.WriteLine($"internal error ({ex.GetType().Name}): {ex.Message}");
            return ExitCodes.InternalError;
        }
    }

    /// <summary>Rewrites "as expected type 'System.Nullable`1[System.Decimal]'" and the like into what a user can type.</summary>
    internal static string FriendlyTypes(string message) => ExpectsType().Replace(message, m => m.Groups[1].Value switch
    {
        var t when t.Contains("Decimal", StringComparison.Ordinal) => "as a number (e.g. 50 or 0.05)",
        var t when t.Contains("Int32", StringComparison.Ordinal) => "as a whole number",
        var t when t.Contains("FileInfo", StringComparison.Ordinal) => "as a file path",
        var t => $"as a {t[(t.LastIndexOf('.') + 1)..].TrimEnd(']').ToLowerInvariant()}",
    });

    /// <summary>"Did you mean ...?" for each unmatched token close to a command or option name of the command being parsed.</summary>
    internal static IEnumerable<string> Suggestions(ParseResult parse)
    {
        var command = parse.CommandResult.Command;
        foreach (string token in parse.UnmatchedTokens)
        {
            var candidates = token.StartsWith('-')
                ? command.Options.SelectMany(o => o.Aliases.Prepend(o.Name)).Concat(command.Parents.OfType<Command>().SelectMany(c => c.Options.Where(o => o.Recursive).Select(o => o.Name)))
                : command.Subcommands.Select(c => c.Name);
            string? best = candidates
                .Distinct(StringComparer.Ordinal)
                .Select(c => (Name: c, Distance: Distance(token.ToLowerInvariant(), c)))
                .Where(c => c.Distance <= Math.Max(2, c.Name.Length / 3))
                .OrderBy(c => c.Distance)
                .ThenBy(c => c.Name, StringComparer.Ordinal)
                .Select(c => c.Name)
                .FirstOrDefault();
            if (best is not null)
            {
                yield return $"Did you mean '{best}' instead of '{token}'?";
            }
        }
    }

    private static string CommandPath(Command command, Command root)
    {
        var names = new List<string>();
        for (Symbol? s = command; s is Command c; s = c.Parents.FirstOrDefault())
        {
            names.Insert(0, c.Name);
            if (ReferenceEquals(c, root))
            {
                break;
            }
        }

        return string.Join(' ', names);
    }

    /// <summary>The Levenshtein distance between two strings.</summary>
    internal static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (int j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (int i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (int j = 1; j <= b.Length; j++)
            {
                int cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }

    [GeneratedRegex("as expected type '([^']+)'", RegexOptions.CultureInvariant)]
    private static partial Regex ExpectsType();
}
