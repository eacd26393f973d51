using DatRules.Cli.Input;
using DatRules.Testing;

namespace DatRules.Cli.Tests.Commands;

/// <summary>
/// <c>datrules outflow</c>'s default input (the CLI's copy) and <see cref="PublishedEstimates"/> (the test expectations in
/// DatRules.Testing) are the same published figures.
/// </summary>
public class DefaultOutflowInputTests
{
    [Fact]
    public void DefaultOutflowInput_IsThePublishedEstimates()
    {
        Assert.Equal(PublishedEstimates.StrategyMarket, DefaultOutflowInput.StrategyMarket);
        Assert.Equal(PublishedEstimates.Msci, DefaultOutflowInput.Msci);
        Assert.Equal(PublishedEstimates.OtherProviders, DefaultOutflowInput.OtherProviders);
        Assert.Equal(
            PublishedEstimates.StrategyExposures.Select(e => (e.Ticker, e.Family.Name, e.Family.Provider, e.HoldingUsd, e.AsOf, e.Source, e.Method, e.IsEstimate)),
            DefaultOutflowInput.StrategyExposures.Select(e => (e.Ticker, e.Family.Name, e.Family.Provider, e.HoldingUsd, e.AsOf, e.Source, e.Method, e.IsEstimate)));
    }
}
