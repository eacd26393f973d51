namespace DatRules.Classification;

/// <summary>The outcome of testing an issuer against a digital-asset rule.</summary>
public enum DatClassification : byte
{
    /// <summary>The data were insufficient or inconsistent; the result's reasons say why.</summary>
    Indeterminate = 0,

    /// <summary>The issuer is an operating company under the rule.</summary>
    OperatingCompany = 1,

    /// <summary>The issuer is a digital-asset treasury company (a de facto fund) under the rule.</summary>
    DigitalAssetTreasury = 2,
}
