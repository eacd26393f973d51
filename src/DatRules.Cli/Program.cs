using DatRules.Cli;

// A large input is read once into new memory: 2 MB pages make first writes far cheaper (DatRules.Data.HugePages).
DatRules.Data.HugePages.AdviseGCHeap();

// Buffered stdout: Console.Out flushes on every write, which dominates the cost of million-row outputs.
// RunProcess flushes at the end and reports a failed write (e.g. '> /dev/full', '| head -1') as an error, exit code 2.
using var raw = StandardOutputStream.Open();
// Tables fit 80 columns on a terminal; redirected to a file or a pipe, they are wide (nothing cut).
return CliApp.RunProcess(args, raw, Console.Error, outputIsTerminal: !Console.IsOutputRedirected);
