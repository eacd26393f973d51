using DatRules.Issuers;

namespace DatRules.Policies;

/// <summary>A criterion met by named issuers only (e.g. MSCI's Metaplanet and Capital B treatment).</summary>
internal sealed class IssuerListCriterion : IPolicyCriterion
{
    private readonly HashSet<string> _tickers;

    public IssuerListCriterion(IEnumerable<string> tickers)
    {
        _tickers = new HashSet<string>(tickers, StringComparer.OrdinalIgnoreCase);
        if (_tickers.Count == 0)
        {
            throw new ArgumentException("An issuer list must name at least one ticker.", nameof(tickers));
        }

        Tickers = _tickers.Order(StringComparer.OrdinalIgnoreCase).ToArray();
        Description = "issuer is one of " + string.Join(", ", Tickers);
    }

    public IReadOnlyList<string> Tickers { get; }

    public string Description { get; }

    public CriterionResult Evaluate(IssuerSnapshot snapshot) => _tickers.Contains(snapshot.Issuer.Ticker)
        ? CriterionResult.Of(CriterionOutcome.Met, $"{snapshot.Issuer.Ticker} is named by the policy ({Description}).")
        : CriterionResult.Of(CriterionOutcome.NotMet, $"{snapshot.Issuer.Ticker} is not named by the policy ({Description}).");
}
