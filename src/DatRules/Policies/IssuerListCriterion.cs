using DatRules.Issuers;

namespace DatRules.Policies;

/// <summary>A criterion met by named issuers only (e.g. MSCI's Metaplanet and Capital B treatment).</summary>
/// <remarks>
/// The description (and so every decision's reason) names at most <see cref="NamedInDescription"/> tickers and the
/// count: a policy listing thousands of issuers must not repeat its whole list in every row of a screen.
/// </remarks>
internal sealed class IssuerListCriterion : IPolicyCriterion
{
    /// <summary>How many tickers the description names before it says "and N more".</summary>
    internal const int NamedInDescription = 5;

    private readonly HashSet<string> _tickers;

    public IssuerListCriterion(IEnumerable<string> tickers)
    {
        _tickers = new HashSet<string>(tickers, StringComparer.OrdinalIgnoreCase);
        if (_tickers.Count == 0)
        {
            throw new ArgumentException("An issuer list must name at least one ticker.", nameof(tickers));
        }

        Tickers = Internal.ReadOnly.Copy(_tickers.Order(StringComparer.OrdinalIgnoreCase));
        Description = Tickers.Count <= NamedInDescription
            ? "issuer is one of " + string.Join(", ", Tickers)
            : string.Create(
                System.Globalization.CultureInfo.InvariantCulture,
                $"issuer is one of {Tickers.Count:#,0} named issuers ({string.Join(", ", Tickers.Take(NamedInDescription))} and {Tickers.Count - NamedInDescription:#,0} more)");
    }

    public IReadOnlyList<string> Tickers { get; }

    public string Description { get; }

    public CriterionResult Evaluate(IssuerSnapshot snapshot) => _tickers.Contains(snapshot.Issuer.Ticker)
        ? CriterionResult.Of(CriterionOutcome.Met, $"{snapshot.Issuer.Ticker} is named by the policy ({Description}).")
        : CriterionResult.Of(CriterionOutcome.NotMet, $"{snapshot.Issuer.Ticker} is not named by the policy ({Description}).");
}
