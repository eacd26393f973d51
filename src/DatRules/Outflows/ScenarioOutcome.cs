namespace DatRules.Outflows;

/// <summary>One scenario's outflow, with the cumulative probability of outflows up to it.</summary>
/// <param name="Scenario">The scenario.</param>
/// <param name="Estimate">Its forced selling.</param>
/// <param name="CumulativeProbability">P(outflow &lt;= this scenario's), over the distribution sorted by USD.</param>
public sealed record ScenarioOutcome(OutflowScenario Scenario, OutflowEstimate Estimate, decimal CumulativeProbability);
