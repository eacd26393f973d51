using DatRules.Cli;

// Buffered stdout: Console.Out flushes on every write, which dominates the cost of million-row outputs.
using var raw = Console.OpenStandardOutput();
using var stdout = new StreamWriter(raw, new System.Text.UTF8Encoding(false), 1 << 16) { AutoFlush = false };
int code = CliApp.Run(args, stdout, Console.Error, rawStdout: raw);
stdout.Flush();
return code;
