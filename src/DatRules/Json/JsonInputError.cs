namespace DatRules.Json;

/// <summary>One problem in a JSON input document (policies, outflow scenarios).</summary>
/// <param name="Path">The JSON path of the offending value, e.g. <c>$.policies[2].threshold</c>.</param>
/// <param name="Message">What is wrong.</param>
public sealed record JsonInputError(string Path, string Message)
{
    /// <inheritdoc />
    public override string ToString() => $"{Path}: {Message}";
}
