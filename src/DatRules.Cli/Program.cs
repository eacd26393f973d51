using DatRules.Cli;

// Buffered stdout: Console.Out flushes on every write, which dominates the cost of million-row outputs.
using var stdout = new StreamWriter(Console.OpenStandardOutput(), new System.Text.UTF8Encoding(false), 1 << 16) { AutoFlush = false };
int code = CliApp.Run(args, stdout, Console.Error);
stdout.Flush();
return code;
