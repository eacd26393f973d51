using DatRules.Cli.Input;
using DatRules.Issuers;

namespace DatRules.Cli.Commands;

/// <summary>Loads snapshots from --input or the embedded dataset, reporting skipped rows.</summary>
internal static class InputLoader
{
    public static IReadOnlyList<IssuerSnapshot> Load(FileInfo? input, bool skipInvalid, CliContext ctx)
    {
        if (input is null)
        {
            return FlowHistory.Carry(EmbeddedDataset.Load());
        }

        if (!input.Exists)
        {
            throw new InputException(input.FullName, [new InputError(0, null, "file not found")]);
        }

        using var text = new StreamReader(input.FullName);
        var result = SnapshotCsvReader.Read(text, input.Name, skipInvalid);
        foreach (var skipped in result.Skipped)
        {
            ctx.Error.WriteLine($"warning: {input.Name}: skipped {skipped}");
        }

        // A row gives the flows of its own quarter; trailing-quarter criteria read the issuer's earlier rows too.
        return FlowHistory.Carry(result.Snapshots);
    }
}
