using DatRules.Internal;
using NodaTime;

namespace DatRules.Policies;

/// <summary>The public source of a policy: what a user cites.</summary>
public sealed record PolicySource
{
    /// <summary>Initializes a source.</summary>
    /// <param name="title">The document's title.</param>
    /// <param name="publisher">Who published it.</param>
    /// <param name="date">The publication date.</param>
    /// <param name="url">Where to read it, if public.</param>
    /// <exception cref="ArgumentException"><paramref name="title"/> or <paramref name="publisher"/> is empty.</exception>
    public PolicySource(string title, string publisher, LocalDate date, Uri? url = null)
    {
        Title = Guard.NotBlank(title);
        Publisher = Guard.NotBlank(publisher);
        Date = date;
        Url = url;
    }

    /// <summary>Gets the title.</summary>
    public string Title { get; }

    /// <summary>Gets the publisher.</summary>
    public string Publisher { get; }

    /// <summary>Gets the publication date.</summary>
    public LocalDate Date { get; }

    /// <summary>Gets the URL, if any.</summary>
    public Uri? Url { get; }

    /// <inheritdoc />
    public override string ToString() => $"{Publisher}, \"{Title}\", {Date:yyyy-MM-dd}{(Url is null ? string.Empty : " " + Url)}";
}
