using System.Globalization;
using DatRules.Internal;
using DatRules.Policies;

namespace DatRules.Outflows;

/// <summary>
/// Estimates forced selling by index funds when index families delete an issuer: USD and shares, days of average
/// daily volume, and square-root-law price impact; over probability-weighted scenarios too.
/// </summary>
/// <remarks>
/// Pure functions of their inputs; immutable and thread-safe. Method (see docs/outflows.md): passive holding
/// <c>H_f</c> per family; shares <c>Q = H / price</c>; days of volume <c>Q / ADV</c>; impact
/// <c>Y x sigma_daily x sqrt((Q / N) / ADV)</c> for selling spread over N days. Families add up only if each acts.
/// </remarks>
public sealed class ForcedSellingEstimator
{
    private readonly decimal _y;
    private readonly int _days;

    /// <summary>Initializes an estimator.</summary>
    /// <param name="options">Impact options; defaults if omitted.</param>
    /// <exception cref="ArgumentException">An option is out of range.</exception>
    public ForcedSellingEstimator(ImpactOptions? options = null)
    {
        options ??= new ImpactOptions();
        options.Validate();
        _y = options.ImpactCoefficient;
        _days = options.ExecutionDays;
    }

    /// <summary>Gets the impact coefficient Y.</summary>
    public decimal ImpactCoefficient => _y;

    /// <summary>Gets the number of days the selling is spread over.</summary>
    public int ExecutionDays => _days;

    /// <summary>Estimates forced selling when <paramref name="actingFamilies"/> delete the issuer.</summary>
    /// <param name="exposures">The issuer's passive exposures (one per family).</param>
    /// <param name="market">The issuer's market data.</param>
    /// <param name="actingFamilies">The families that delete it.</param>
    /// <returns>The estimate; families without an exposure contribute nothing.</returns>
    /// <exception cref="OverflowException">Shares, days of volume or the total are beyond <see cref="decimal"/>'s range (a huge holding at a tiny price).</exception>
    /// <exception cref="ArgumentException">Exposures are of another ticker than the market data, or a family has two exposures.</exception>
    public OutflowEstimate Estimate(IEnumerable<PassiveExposure> exposures, MarketData market, IEnumerable<IndexFamily> actingFamilies)
    {
        ArgumentNullException.ThrowIfNull(actingFamilies);
        var byFamily = Index(exposures, market);
        var lines = new List<FamilyOutflow>();
        foreach (var family in actingFamilies.Distinct())
        {
            if (byFamily.TryGetValue(family, out var exposure))
            {
                lines.Add(Line(family, exposure.HoldingUsd, market));
            }
        }

        return new OutflowEstimate(market.Ticker, market, lines, Line(null, lines.Sum(l => l.ForcedSellingUsd), market));
    }

    /// <summary>Estimates forced selling for policy outcomes: families whose provider's decision is <see cref="PolicyAction.Exclude"/> act.</summary>
    /// <param name="exposures">The issuer's passive exposures.</param>
    /// <param name="market">The issuer's market data.</param>
    /// <param name="decisions">Policy decisions for the issuer, at most one per provider.</param>
    /// <returns>The estimate.</returns>
    /// <exception cref="ArgumentException">A decision is for another issuer.</exception>
    public OutflowEstimate EstimateForDecisions(IEnumerable<PassiveExposure> exposures, MarketData market, IEnumerable<PolicyDecision> decisions)
    {
        ArgumentNullException.ThrowIfNull(exposures);
        ArgumentNullException.ThrowIfNull(market);
        ArgumentNullException.ThrowIfNull(decisions);
        var list = exposures.ToList();
        var excluding = new HashSet<IndexProvider>();
        foreach (var d in decisions)
        {
            if (!string.Equals(d.Snapshot.Issuer.Ticker, market.Ticker, StringComparison.OrdinalIgnoreCase))
            {
                throw new ArgumentException($"Decision for {d.Snapshot.Issuer.Ticker} given for an estimate of {market.Ticker}.", nameof(decisions));
            }

            if (d.Action is { } a && a.HasFlag(PolicyAction.Exclude))
            {
                excluding.Add(d.Policy.Provider);
            }
        }

        return Estimate(list, market, list.Select(e => e.Family).Where(f => excluding.Contains(f.Provider)));
    }

    /// <summary>Analyses mutually exclusive, probability-weighted scenarios.</summary>
    /// <param name="exposures">The issuer's passive exposures.</param>
    /// <param name="market">The issuer's market data.</param>
    /// <param name="scenarios">The scenarios; probabilities must add up to exactly 1.</param>
    /// <returns>The distribution and the expected value.</returns>
    /// <exception cref="ArgumentException">No scenario, probabilities do not add up to 1, or two scenarios share a name.</exception>
    public ScenarioAnalysis Analyze(IEnumerable<PassiveExposure> exposures, MarketData market, IEnumerable<OutflowScenario> scenarios)
    {
        ArgumentNullException.ThrowIfNull(exposures);
        ArgumentNullException.ThrowIfNull(scenarios);
        var list = scenarios.ToList();
        var exposureList = exposures.ToList();
        if (list.Count == 0)
        {
            throw new ArgumentException("At least one scenario is required.", nameof(scenarios));
        }

        decimal sum = list.Sum(s => s.Probability);
        if (sum != 1m)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"Scenario probabilities must add up to 1 (the scenarios are mutually exclusive outcomes); they add up to {sum}: ") +
                string.Join(", ", list.Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.Name}={s.Probability}"))) + ".",
                nameof(scenarios));
        }

        var dupe = list.GroupBy(s => s.Name, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (dupe is not null)
        {
            throw new ArgumentException($"Scenario name '{dupe.Key}' is used twice.", nameof(scenarios));
        }

        var outcomes = list.Select(s => (Scenario: s, Estimate: Estimate(exposureList, market, s.ActingFamilies)))
            .OrderBy(o => o.Estimate.Total.ForcedSellingUsd)
            .ToList();
        decimal cumulative = 0m;
        var distribution = new List<ScenarioOutcome>(outcomes.Count);
        foreach (var (scenario, estimate) in outcomes)
        {
            cumulative += scenario.Probability;
            distribution.Add(new ScenarioOutcome(scenario, estimate, cumulative));
        }

        return new ScenarioAnalysis(
            market.Ticker,
            distribution,
            outcomes.Sum(o => o.Scenario.Probability * o.Estimate.Total.ForcedSellingUsd),
            outcomes.Sum(o => o.Scenario.Probability * o.Estimate.Total.ForcedSellingShares));
    }

    private static Dictionary<IndexFamily, PassiveExposure> Index(IEnumerable<PassiveExposure> exposures, MarketData market)
    {
        ArgumentNullException.ThrowIfNull(exposures);
        ArgumentNullException.ThrowIfNull(market);
        var byFamily = new Dictionary<IndexFamily, PassiveExposure>();
        foreach (var e in exposures)
        {
            if (!string.Equals(e.Ticker, market.Ticker, StringComparison.OrdinalIgnoreCase))
            {
                throw new ArgumentException($"Exposure for {e.Ticker} given with market data for {market.Ticker}.", nameof(exposures));
            }

            if (!byFamily.TryAdd(e.Family, e))
            {
                throw new ArgumentException($"{e.Ticker} has two exposures to {e.Family}; give one per family.", nameof(exposures));
            }
        }

        return byFamily;
    }

    private FamilyOutflow Line(IndexFamily? family, decimal usd, MarketData market)
    {
        decimal shares = usd / market.Price;
        decimal days = shares / market.AverageDailyVolume;
        decimal? impact = market.DailyVolatility is { } sigma
            ? _y * sigma * DecimalMath.Sqrt(shares / _days / market.AverageDailyVolume)
            : null;
        return new FamilyOutflow(family, usd, shares, days, impact);
    }
}
