using DatRules.Issuers;

namespace DatRules.Sec.Facts;

/// <summary>One XBRL fact as the importer keeps it: an instant value of a mapped concept in one filing.</summary>
/// <param name="Cik">The filer's CIK.</param>
/// <param name="Concept">The concept, prefixed with its taxonomy (<c>us-gaap:Assets</c>); extension concepts from the
/// Financial Statement Data Sets carry the prefix <c>ext</c>.</param>
/// <param name="Unit">The unit of measure (<c>USD</c>).</param>
/// <param name="End">The balance-sheet date.</param>
/// <param name="Value">The value, exact.</param>
/// <param name="Accession">The filing's accession number.</param>
/// <param name="Form">The filing's form, if the source states it.</param>
/// <param name="Filed">The filing's filed date, if the source states it (frames do not).</param>
/// <param name="EntityName">The filer's name, if the source states it.</param>
/// <param name="Segments">The dimensional qualifiers (FSDS <c>segments</c>); null or empty for the undimensioned fact.</param>
/// <param name="Start">The first day of a flow fact's period (a quarter), null for an instant fact.</param>
internal readonly record struct SecFact(
    long Cik,
    string Concept,
    string Unit,
    LocalDate End,
    decimal Value,
    AccessionNumber Accession,
    string? Form,
    LocalDate? Filed,
    string? EntityName,
    string? Segments = null,
    LocalDate? Start = null);
