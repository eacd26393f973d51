namespace DatRules.Sec;

/// <summary>
/// SEC data that cannot be read: malformed JSON, a missing member, a bad value or a malformed archive. The message
/// names the file and the place (line, or JSON path).
/// </summary>
public sealed class SecDataException : Exception
{
    /// <summary>Initializes the exception.</summary>
    /// <param name="source">The file (or archive entry) that is wrong, e.g. <c>2025q3.zip!num.txt</c>.</param>
    /// <param name="location">Where in the file: <c>line 12</c>, or a JSON path such as <c>$.facts['us-gaap'].Assets.units.USD[3].val</c>.</param>
    /// <param name="problem">What is wrong.</param>
    public SecDataException(string source, string location, string problem)
        : base($"{source}: {location}: {problem}")
    {
        Source = source;
        Location = location;
        Problem = problem;
    }

    /// <summary>Gets the file (or archive entry) that is wrong.</summary>
    public new string Source { get; }

    /// <summary>Gets where in the file the problem is (a line or a JSON path).</summary>
    public string Location { get; }

    /// <summary>Gets what is wrong.</summary>
    public string Problem { get; }
}
