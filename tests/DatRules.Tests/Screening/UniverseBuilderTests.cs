using System.Text;
using DatRules.Policies;
using DatRules.Screening;

namespace DatRules.Tests.Screening;

public class UniverseBuilderTests
{
    private static readonly LocalDate Q3 = new(2025, 9, 30);

    [Fact]
    public void AddScaled_SameRowsAsDecimalAdd()
    {
        // (digital, total) in cents next to the same amounts in USD; 5,000 / 10,000 cents is exactly 50%.
        (long Digital, long? Total)[] rows = [(5_000, 10_000), (4_999, 10_000), (1, null), (3, 0), (7, 5), (0, 1)];
        var scaled = new UniverseBuilder();
        var viaDecimal = new UniverseBuilder();
        var viaUtf8 = new UniverseBuilder();
        for (int i = 0; i < rows.Length; i++)
        {
            scaled.AddScaled($"T{i}", Q3, rows[i].Digital, rows[i].Total, isIndexConstituent: i % 2 == 0);
            viaDecimal.Add($"T{i}", Q3, rows[i].Digital / 100m, rows[i].Total / 100m, isIndexConstituent: i % 2 == 0);
            viaUtf8.AddScaledUtf8(Encoding.UTF8.GetBytes($"T{i}"), Q3, rows[i].Digital, rows[i].Total, isIndexConstituent: i % 2 == 0);
        }

        var engine = new ScreeningEngine();
        var expected = engine.Screen(viaDecimal.Build(), BuiltInPolicies.MsciDatFreeze);
        foreach (var universe in new[] { scaled.Build(), viaUtf8.Build() })
        {
            var actual = engine.Screen(universe, BuiltInPolicies.MsciDatFreeze);
            Assert.Equal(expected.Classifications.ToArray(), actual.Classifications.ToArray());
            Assert.Equal(expected.Actions.ToArray(), actual.Actions.ToArray());
            Assert.Equal(Enumerable.Range(0, rows.Length).Select(i => $"T{i}"), Enumerable.Range(0, rows.Length).Select(universe.TickerAt));
            Assert.Equal(0.5m, universe.RatioAt(0));
            Assert.Null(universe.RatioAt(2));   // total not reported
            Assert.Null(universe.RatioAt(3));   // total zero
            Assert.Null(universe.RatioAt(4));   // digital above total
        }
    }

    [Fact]
    public void AddScaled_AmountsOfTwoToThe53UnitsOrMore_KeepTheExactDomainPath()
    {
        long big = 1L << 53;
        var universe = new UniverseBuilder().AddScaled("BIG", Q3, big / 2, big).AddScaled("SMALL", Q3, 1, 2).Build();

        Assert.Equal(1, universe.FallbackCount);
        Assert.Equal(0.5m, universe.RatioAt(0));
        Assert.Equal(2, new ScreeningEngine().Screen(universe, BuiltInPolicies.MsciDatFreeze).DatCount);
    }

    [Fact]
    public void AddScaled_NegativeAmount_ThrowsNamingTheParameter()
    {
        var builder = new UniverseBuilder();

        Assert.Throws<ArgumentOutOfRangeException>("digitalUnits", () => builder.AddScaled("A", Q3, -1, 10));
        Assert.Throws<ArgumentOutOfRangeException>("totalUnits", () => builder.AddScaledUtf8("A"u8, Q3, 1, -10));
        Assert.Equal(0, builder.Count);
    }

    [Theory]
    [InlineData(new byte[0])]
    [InlineData(new byte[] { 0x20, 0x20 })]          // blank
    [InlineData(new byte[] { 0xC3, 0x28 })]          // invalid UTF-8
    public void AddScaledUtf8_EmptyBlankOrInvalidTicker_Throws(byte[] ticker)
    {
        Assert.Throws<ArgumentException>("tickerUtf8", () => new UniverseBuilder().AddScaledUtf8(ticker, Q3, 1, 2));
    }

    [Fact]
    public void TickerAt_NonAsciiTicker_RoundTrips()
    {
        var universe = new UniverseBuilder().Add("Äpfel", Q3, 1m, 2m).AddScaledUtf8(Encoding.UTF8.GetBytes("東京"), Q3, 1, 2).Build();

        Assert.Equal("Äpfel", universe.TickerAt(0));
        Assert.Equal("東京", universe.TickerAt(1));
        Assert.Equal(2, universe.IssuerCount);
    }

    [Fact]
    public void Build_ThenAddMore_EarlierUniverseIsUnchanged()
    {
        // Capacity 2: the columns are exactly full at the first Build and are handed over without a copy;
        // the next Add must grow into new arrays, never write into the first universe's.
        var builder = new UniverseBuilder(capacity: 2).AddScaled("A", Q3, 1, 2).AddScaled("B", Q3, 3, 4);
        var first = builder.Build();

        builder.AddScaled("C", Q3, 9, 10);
        var second = builder.Build();

        Assert.Equal(2, first.Count);
        Assert.Equal(["A", "B"], new[] { first.TickerAt(0), first.TickerAt(1) });
        Assert.Equal(0.75m, first.RatioAt(1));
        Assert.Equal(3, second.Count);
        Assert.Equal("C", second.TickerAt(2));
        Assert.Equal(0.9m, second.RatioAt(2));
    }

    [Fact]
    public void IssuerCount_TickersDifferingOnlyInCase_AreOneIssuer()
    {
        var universe = new UniverseBuilder()
            .AddScaled("mstr", new LocalDate(2025, 6, 30), 1, 2)
            .AddScaled("MSTR", Q3, 1, 2)
            .Build();

        Assert.Equal(1, universe.IssuerCount);
    }

    [Fact]
    public void AddScaled_BlankTicker_Throws()
    {
        Assert.Throws<ArgumentException>("ticker", () => new UniverseBuilder().AddScaled(" ", Q3, 1, 2));
    }

    [Fact]
    public void AddScaledUtf8_InvalidUtf8_SaysSo()
    {
        var ex = Assert.Throws<ArgumentException>("tickerUtf8", () => new UniverseBuilder().AddScaledUtf8([0xC3, 0x28], Q3, 1, 2));

        Assert.StartsWith("Value must be valid UTF-8.", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData((1L << 53) - 1, false)]   // the largest integer amount the columns hold
    [InlineData(1L << 53, true)]          // one more: the row keeps a snapshot (exact domain path)
    public void AddScaled_AtTwoToThe53Units_SwitchesToTheDomainPath(long units, bool fallback)
    {
        var universe = new UniverseBuilder()
            .AddScaled("D", Q3, units, units)
            .AddScaled("T", Q3, 1, units)
            .AddScaledUtf8("U"u8, Q3, units / 2, units)
            .Build();

        Assert.Equal(fallback ? 3 : 0, universe.FallbackCount);
        Assert.Equal(1m, universe.RatioAt(0));
        Assert.Equal(0.5m, Math.Round(universe.RatioAt(2)!.Value, 10));
        Assert.Equal("U", universe.TickerAt(2));
    }

    [Fact]
    public void AddScaled_DigitalEqualToTotal_IsAHundredPercentNotUndefined()
    {
        var universe = new UniverseBuilder().AddScaled("ALL", Q3, 10, 10).Add("ALLD", Q3, 0.1m, 0.1m).Build();

        Assert.Equal(1m, universe.RatioAt(0));
        Assert.Equal(1m, universe.RatioAt(1));
        Assert.Equal(2, new ScreeningEngine().Screen(universe, BuiltInPolicies.MsciDatFreeze).DatCount);
    }

    [Fact]
    public void SnapshotAt_TotalNotReported_IsNullAgain()
    {
        var universe = new UniverseBuilder().AddScaled("A", Q3, 5, null).Build();

        Assert.Null(universe.SnapshotAt(0).TotalAssets);
        Assert.Equal(0.05m, universe.SnapshotAt(0).DigitalAssets);
    }

    [Fact]
    public void AsOfAt_FirstDateIsDayZero_StoredAsGiven()
    {
        // 0001-01-01 is day number 0 and also default(LocalDate): the builder's date cache must not take it as "seen".
        var first = new LocalDate(1, 1, 1);
        var universe = new UniverseBuilder().AddScaled("A", first, 1, 2).AddScaled("B", Q3, 1, 2).AddScaled("C", first, 1, 2).Build();

        Assert.Equal([first, Q3, first], Enumerable.Range(0, 3).Select(universe.AsOfAt));
    }

    [Fact]
    public void Build_ColumnsNotFull_AreCopiedToTheirLength()
    {
        // Capacity 4, two rows: the universe gets arrays of exactly 2, so later adds cannot reach into them.
        var builder = new UniverseBuilder(capacity: 4).AddScaled("A", Q3, 1, 2).AddScaled("B", Q3, 3, 4);
        var first = builder.Build();
        builder.AddScaled("C", Q3, 9, 10);

        Assert.Equal(2, first.Digital.Length);
        Assert.Equal(2, first.TickerEnds.Length);
        Assert.Equal([1L, 3L], first.Digital);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(7)]
    public void Constructor_ScaleOutOfRange_Throws(int scale)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>("scale", () => new UniverseBuilder(scale));

        Assert.StartsWith("Value should be in range [0-6].", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(6, 1_000_000)]
    public void Constructor_ScaleAtTheEnds_StoresUnitsOfThatScale(int scale, long unitsPerUsd)
    {
        var universe = new UniverseBuilder(scale).Add("A", Q3, 1m, 4m).Build();

        Assert.Equal(scale, universe.Scale);
        Assert.Equal(unitsPerUsd, universe.Digital[0]);
        Assert.Equal(0.25m, universe.RatioAt(0));
    }

    [Fact]
    public void AddScaled_DigitalOfTwoToThe53UnitsAboveTotal_KeepsTheSnapshot()
    {
        var universe = new UniverseBuilder().AddScaled("X", Q3, 1L << 53, 1).Build();

        Assert.Equal(1, universe.FallbackCount);
        Assert.Null(universe.RatioAt(0));   // digital above total: undefined
    }

    [Fact]
    public void Add_InvalidArguments_Throw()
    {
        var builder = new UniverseBuilder();

        Assert.Throws<ArgumentNullException>("snapshot", () => builder.Add(null!));
        Assert.Throws<ArgumentException>("ticker", () => builder.Add(" ", Q3, 1m, 2m));
        Assert.Throws<ArgumentOutOfRangeException>("digitalAssets", () => builder.Add("A", Q3, -1m, 2m));
    }
}
