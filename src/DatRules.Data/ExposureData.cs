using DatRules.Outflows;

namespace DatRules.Data;

/// <summary>What an exposures CSV holds (<see cref="ExposureCsv.Read"/>): passive exposures and each ticker's market data.</summary>
public sealed class ExposureData
{
    /// <summary>Initializes the data.</summary>
    /// <param name="exposures">The exposures, in file order.</param>
    /// <param name="markets">Market data by ticker (case-insensitive).</param>
    public ExposureData(IEnumerable<PassiveExposure> exposures, IReadOnlyDictionary<string, MarketData> markets)
    {
        ArgumentNullException.ThrowIfNull(exposures);
        ArgumentNullException.ThrowIfNull(markets);
        Exposures = [.. exposures];
        Markets = markets.ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Gets the exposures, in file order.</summary>
    public IReadOnlyList<PassiveExposure> Exposures { get; }

    /// <summary>Gets market data by ticker (case-insensitive).</summary>
    public IReadOnlyDictionary<string, MarketData> Markets { get; }

    /// <inheritdoc />
    public override string ToString() => $"{Exposures.Count} exposures of {Markets.Count} tickers";
}
