using System.CommandLine;
using DatRules.Cli.Commands;
using DatRules.Cli.Input;
using DatRules.Policies;
using NodaTime;

namespace DatRules.Cli;

/// <summary>The <c>datrules</c> command line, runnable in-process with injected writers.</summary>
internal static class CliApp
{
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr, IClock? clock = null, Stream? rawStdout = null)
    {
        var ctx = new CliContext(stdout, stderr, clock ?? SystemClock.Instance, rawStdout);
        var root = new RootCommand("datrules: index-provider rules for digital-asset treasury companies (DATs).");
        root.Subcommands.Add(ScreenCommand.Create(ctx));
        root.Subcommands.Add(PoliciesCommand.Create(ctx));
        root.Subcommands.Add(DiffCommand.Create(ctx));
        root.Subcommands.Add(OutflowCommand.Create(ctx));
        root.Subcommands.Add(HeadroomCommand.Create(ctx));
        root.Subcommands.Add(SensitivityCommand.Create(ctx));
        root.Subcommands.Add(HistoryCommand.Create(ctx));
        root.Subcommands.Add(ChartCommand.Create(ctx));
        root.Subcommands.Add(ImportCommand.Create(ctx));

        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
            {
                stderr.WriteLine($"error: {error.Message}");
            }

            stderr.WriteLine("Run 'datrules --help' for usage.");
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
#pragma warning disable CA1031 // The last line of defence: a message, never a stack trace.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            stderr.WriteLine($"internal error ({ex.GetType().Name}): {ex.Message}");
            return ExitCodes.InternalError;
        }
    }
}
