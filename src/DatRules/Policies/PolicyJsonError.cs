namespace DatRules.Policies;

/// <summary>One problem in a JSON policy document.</summary>
/// <param name="Path">The JSON path of the offending value, e.g. <c>$.policies[2].threshold</c>.</param>
/// <param name="Message">What is wrong.</param>
public sealed record PolicyJsonError(string Path, string Message)
{
    /// <inheritdoc />
    public override string ToString() => $"{Path}: {Message}";
}
