using DatRules.Classification;
using DatRules.Headroom;
using DatRules.Issuers;
using DatRules.Json;
using DatRules.Outflows;
using DatRules.Policies;
using DatRules.Reviews;
using DatRules.Testing;

namespace DatRules.Tests.Internal;

/// <summary>
/// Issue 14: lists the library exposes were arrays behind <see cref="IReadOnlyList{T}"/>, so a cast to
/// <see cref="IList{T}"/> changed built-in rules for the whole process. Every exposed list refuses writes, and copies
/// what the caller passed in.
/// </summary>
public class ReadOnlyListsTests
{
    private static readonly IssuerSnapshot Snapshot = new(new IssuerId("X", "X Inc"), new LocalDate(2025, 9, 30), 100m, [new DigitalAssetHolding("BTC", 1m, 60m)]);

    public static TheoryData<string, Action> Writes => new()
    {
        { "PolicyCatalog.BuiltIn.Policies", () => Write(PolicyCatalog.BuiltIn.Policies, BuiltInPolicies.MsciBaseline) },
        { "PolicyCatalog.BuiltIn.Providers", () => Write(PolicyCatalog.BuiltIn.Providers, IndexProvider.Msci) },
        { "BuiltInPolicies.All", () => Write(BuiltInPolicies.All, BuiltInPolicies.MsciBaseline) },
        { "IndexPolicy.Criteria", () => Write(BuiltInPolicies.MsciDatFreeze.Criteria, PolicyCriteria.SelfDescribedDat()) },
        { "IssuerSnapshot.Holdings", () => Write(Snapshot.Holdings, new DigitalAssetHolding("ETH", 1m, 1m)) },
        { "IssuerSnapshot.EstimatedFields", () => Write(new IssuerSnapshot(Snapshot.Issuer, Snapshot.AsOf, 1m, []) { EstimatedFields = ["units"] }.EstimatedFields, "x") },
        { "ClassificationResult.Reasons", () => Write(DatClassifier.Msci.Classify(Snapshot).Reasons, "x") },
        { "PolicyDecision.Reasons", () => Write(BuiltInPolicies.MsciDatFreeze.Evaluate(Snapshot).Reasons, "x") },
        { "HeadroomResult.Reasons", () => Write(HeadroomCalculator.Compute(Snapshot).Reasons, "x") },
        { "SensitivityAnalysis.DefaultMoves", () => Write(SensitivityAnalysis.DefaultMoves, 0m) },
        { "SensitivityAnalysis.DefaultThresholds", () => Write(SensitivityAnalysis.DefaultThresholds, RatioThreshold.Msci) },
        { "IndexReviewCalendar.Months", () => Write(IndexReviewCalendar.Msci.Months, 1) },
        { "PublishedEstimates.StrategyExposures", () => Write(PublishedEstimates.StrategyExposures, PublishedEstimates.StrategyExposures[0]) },
        { "OutflowScenario.ActingFamilies", () => Write(new OutflowScenario("s", 1m, [PublishedEstimates.Msci]).ActingFamilies, PublishedEstimates.OtherProviders) },
        { "JsonInputException.Errors", () => Write(new JsonInputException([new JsonInputError("$", "x")]).Errors, new JsonInputError("$", "y")) },
        { "PolicyValidationException.Failures", () => Write(new PolicyValidationException(["x"]).Failures, "y") },
    };

    [Theory]
    [MemberData(nameof(Writes))]
    public void CastToIList_Write_Throws(string list, Action write)
    {
        Assert.NotNull(list);
        Assert.Throws<NotSupportedException>(write);
    }

    [Fact]
    public void BuiltInCatalog_AfterAttemptedWrites_Unchanged()
    {
        string before = string.Join(",", PolicyCatalog.BuiltIn.Policies.Select(p => p.Id));

        Assert.ThrowsAny<NotSupportedException>(() => ((IList<IndexPolicy>)PolicyCatalog.BuiltIn.Policies).Clear());

        Assert.Equal(before, string.Join(",", PolicyCatalog.BuiltIn.Policies.Select(p => p.Id)));
    }

    [Fact]
    public void IssuerSnapshot_CallerChangesItsArrayAfterwards_SnapshotUnchanged()
    {
        DigitalAssetHolding[] holdings = [new("BTC", 1m, 60m)];
        string[] estimated = ["units"];
        var snapshot = new IssuerSnapshot(new IssuerId("X", "X Inc"), new LocalDate(2025, 9, 30), 100m, holdings) { EstimatedFields = estimated };

        holdings[0] = new DigitalAssetHolding("BTC", 1m, 99m);
        estimated[0] = "total_assets";

        Assert.Equal(60m, snapshot.DigitalAssets);
        Assert.Equal(60m, snapshot.Holdings[0].FairValue);
        Assert.Equal(["units"], snapshot.EstimatedFields);
    }

    [Fact]
    public void OutflowScenario_CallerChangesItsArrayAfterwards_ScenarioUnchanged()
    {
        IndexFamily[] acting = [PublishedEstimates.Msci];
        var scenario = new OutflowScenario("s", 1m, acting);

        acting[0] = PublishedEstimates.OtherProviders;

        Assert.Equal([PublishedEstimates.Msci], scenario.ActingFamilies);
    }

    [Fact]
    public void RuleChangeReport_CallerChangesItsListAfterwards_ReportUnchanged()
    {
        var changes = new List<IssuerChange>();
        var report = new RuleChangeReport(BuiltInPolicies.MsciBaseline, BuiltInPolicies.MsciDatFreeze, changes, 0);

        changes.Add(null!);

        Assert.Empty(report.Changes);
    }

    [Fact]
    public void JsonInputException_CallerChangesItsListAfterwards_ErrorsUnchanged()
    {
        var errors = new List<JsonInputError> { new("$", "x") };
        var ex = new JsonInputException(errors);

        errors.Clear();

        Assert.Single(ex.Errors);
    }

    private static void Write<T>(IReadOnlyList<T> list, T value) => ((IList<T>)list)[0] = value;
}
