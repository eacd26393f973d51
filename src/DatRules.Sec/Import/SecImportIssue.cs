using DatRules.Issuers;

namespace DatRules.Sec.Import;

/// <summary>A balance sheet the importer read but could not turn into a snapshot, and why.</summary>
/// <param name="Cik">The filer's CIK.</param>
/// <param name="EntityName">The filer's name, if stated.</param>
/// <param name="Accession">The filing.</param>
/// <param name="End">The balance-sheet date.</param>
/// <param name="Reason">Why no snapshot was made.</param>
public sealed record SecImportIssue(long Cik, string? EntityName, AccessionNumber Accession, LocalDate End, string Reason);
