using NodaTime.Testing;

namespace DatRules.Testing;

/// <summary>Fake clocks for rules that ask "what is in force today?".</summary>
public static class TestClock
{
    /// <summary>Creates a <see cref="FakeClock"/> at noon UTC on <paramref name="date"/>.</summary>
    /// <param name="date">The date "today" should be.</param>
    /// <returns>The clock; advance it with <see cref="FakeClock.AdvanceDays"/>.</returns>
    public static FakeClock At(LocalDate date) => new(date.At(new LocalTime(12, 0)).InUtc().ToInstant());
}
