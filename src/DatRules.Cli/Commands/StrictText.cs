using System.Text;

namespace DatRules.Cli.Commands;

/// <summary>Reads text files as strict UTF-8: invalid bytes are a usage error, never silently replaced by U+FFFD.</summary>
internal static class StrictText
{
    /// <summary>UTF-8 that throws on invalid bytes (a byte-order mark is still honoured).</summary>
    public static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Reads the whole file.</summary>
    /// <param name="file">The file.</param>
    /// <param name="option">The option that named it, for the message (e.g. <c>--policy-file</c>).</param>
    /// <returns>The text.</returns>
    /// <exception cref="UsageException">The file is not valid UTF-8.</exception>
    public static string ReadAll(FileInfo file, string option)
    {
        try
        {
            return File.ReadAllText(file.FullName, Utf8);
        }
        catch (DecoderFallbackException ex)
        {
            throw new UsageException(Invalid(option, file, ex));
        }
    }

    /// <summary>The message for invalid UTF-8 in <paramref name="file"/>.</summary>
    public static string Invalid(string option, FileInfo file, DecoderFallbackException ex) =>
        $"{option} '{file.Name}': not valid UTF-8 text (invalid byte{(ex.BytesUnknown is { Length: > 0 } b ? " 0x" + Convert.ToHexString(b) : string.Empty)}); save the file as UTF-8.";
}
