using System.Collections.Immutable;

namespace DatRules.Issuers;

/// <summary>
/// Where a snapshot's figures come from: the filing (form, accession number, filed date), the filer's SEC CIK and the
/// XBRL concepts or line items read, so that a screen can say what was <em>known</em> on a date.
/// </summary>
/// <remarks>
/// <para>Immutable. <see cref="Filed"/> is the date the figures became public (an SEC filing's filed date, a
/// company release's date); <see cref="PointInTime"/> selects on it, never on the balance-sheet date.</para>
/// <para>Every member but <see cref="Source"/> is optional: a hand-entered row from a company release has a
/// filed date and a source but no CIK or accession number.</para>
/// </remarks>
public sealed record Provenance
{
    private readonly long? _cik;
    private readonly string? _form;
    private readonly ImmutableArray<string> _concepts = [];

    /// <summary>Initializes a provenance.</summary>
    /// <param name="source">What the figures were read from: a data set (<c>sec-companyfacts</c>, <c>sec-frames</c>,
    /// <c>sec-fsds</c>) or a description or URL of a filing or release.</param>
    /// <exception cref="ArgumentException"><paramref name="source"/> is null or blank.</exception>
    public Provenance(string source)
    {
        Source = string.IsNullOrWhiteSpace(source)
            ? throw new ArgumentException("A provenance needs a source (data set, filing or URL).", nameof(source))
            : source.Trim();
    }

    /// <summary>Gets what the figures were read from (a data set name, a filing description or a URL).</summary>
    public string Source { get; }

    /// <summary>Gets or initializes the filer's SEC Central Index Key, if it files with the SEC.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not in [1, 9999999999].</exception>
    public long? Cik
    {
        get => _cik;
        init => _cik = value is { } v && (v < 1 || v > 9_999_999_999L)
            ? throw new ArgumentOutOfRangeException(nameof(Cik), v, "A CIK should be in range [1-9999999999].")
            : value;
    }

    /// <summary>Gets or initializes the filing's accession number, if it is an SEC filing.</summary>
    public AccessionNumber? Accession { get; init; }

    /// <summary>Gets or initializes the form (<c>10-Q</c>, <c>10-K/A</c>, <c>6-K</c>, a release), trimmed; null if unknown.</summary>
    public string? Form
    {
        get => _form;
        init => _form = string.IsNullOrWhiteSpace(value) ? null : value.Trim();
    }

    /// <summary>Gets or initializes the date the figures became public (filed or released), if known.</summary>
    public LocalDate? Filed { get; init; }

    /// <summary>Gets or initializes the concepts or line items the figures were read from, e.g. <c>us-gaap:Assets</c>.</summary>
    /// <remarks>The list given is copied.</remarks>
    public IReadOnlyList<string> Concepts
    {
        get => _concepts;
        init => _concepts = value is null ? [] : [.. value];
    }

    /// <summary>Gets or initializes a note on how the figures were read (e.g. "no digital-asset fact: taken as zero"), or null.</summary>
    public string? Note { get; init; }

    /// <summary>Gets a value indicating whether the form is an amendment (<c>10-Q/A</c>, <c>10-K/A</c>, ...).</summary>
    public bool IsAmendment => _form is not null && _form.EndsWith("/A", StringComparison.OrdinalIgnoreCase);

    /// <summary>Gets the CIK formatted as EDGAR writes it in file names: <c>CIK0001050446</c>, or null.</summary>
    public string? CikText => _cik is { } c ? "CIK" + c.ToString("D10", System.Globalization.CultureInfo.InvariantCulture) : null;

    /// <summary>Describes the provenance in one line, e.g. <c>10-Q 0001140361-25-040977 filed 2025-11-07 (sec-companyfacts)</c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString()
    {
        var parts = new List<string>(5);
        if (_form is not null)
        {
            parts.Add(_form);
        }

        if (Accession is { } a)
        {
            parts.Add(a.ToString());
        }

        if (Filed is { } f)
        {
            parts.Add("filed " + f.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        }

        parts.Add(parts.Count == 0 ? Source : $"({Source})");
        return string.Join(' ', parts);
    }

    /// <inheritdoc />
    public bool Equals(Provenance? other) =>
        other is not null && Source == other.Source && _cik == other._cik && Accession == other.Accession
        && _form == other._form && Filed == other.Filed && Note == other.Note && _concepts.AsSpan().SequenceEqual(other._concepts.AsSpan());

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Source, _cik, Accession, _form, Filed, Note, Internal.ReadOnly.HashItems(_concepts));
}
