namespace DatRules.Cli.Commands;

/// <summary>The process exit codes of <c>datrules</c>.</summary>
internal static class ExitCodes
{
    /// <summary>Success.</summary>
    public const int Ok = 0;

    /// <summary>An unexpected failure (a bug): the message is printed, not a stack trace.</summary>
    public const int InternalError = 1;

    /// <summary>Bad input or usage: a file, a column, a value or an option is wrong; stderr says which.</summary>
    public const int BadInput = 2;
}
