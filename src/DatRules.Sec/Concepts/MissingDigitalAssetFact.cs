namespace DatRules.Sec.Concepts;

/// <summary>What the importer does with a balance sheet that states total assets but no mapped digital-asset fact.</summary>
public enum MissingDigitalAssetFact
{
    /// <summary>
    /// Digital assets are taken as zero, and the snapshot's provenance says so (the default: most filers hold no crypto,
    /// and since ASU 2023-08 a filer holding crypto at fair value must present it on its own line).
    /// </summary>
    Zero = 0,

    /// <summary>No snapshot is made; the filing is listed in <see cref="Import.SecImportResult.Indeterminate"/> with the reason.</summary>
    Indeterminate = 1,
}
