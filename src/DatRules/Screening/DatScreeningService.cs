using DatRules.Issuers;
using DatRules.Policies;

namespace DatRules.Screening;

/// <summary>
/// The application-facing service: screens snapshots under the policy a provider has in force today (from the injected
/// <see cref="IClock"/>), on a given date, or by policy id. Registered by <c>services.AddDatRules()</c>.
/// </summary>
/// <remarks>Immutable and thread-safe; time comes only from the injected clock.</remarks>
public sealed class DatScreeningService
{
    private readonly IClock _clock;
    private readonly DateTimeZone _zone;

    /// <summary>Initializes the service.</summary>
    /// <param name="catalog">The policy catalog.</param>
    /// <param name="clock">The clock that says what "today" is.</param>
    /// <param name="zone">The time zone of "today"; UTC if omitted.</param>
    /// <exception cref="ArgumentNullException"><paramref name="catalog"/> or <paramref name="clock"/> is null.</exception>
    public DatScreeningService(PolicyCatalog catalog, IClock clock, DateTimeZone? zone = null)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(clock);
        Catalog = catalog;
        _clock = clock;
        _zone = zone ?? DateTimeZone.Utc;
    }

    /// <summary>Gets the policy catalog.</summary>
    public PolicyCatalog Catalog { get; }

    /// <summary>Gets today's date from the clock.</summary>
    public LocalDate Today => _clock.GetCurrentInstant().InZone(_zone).Date;

    /// <summary>Applies the provider's policy in force today to each snapshot.</summary>
    /// <param name="snapshots">The snapshots.</param>
    /// <param name="provider">The provider.</param>
    /// <returns>One decision per snapshot, in order.</returns>
    /// <exception cref="PolicyNotFoundException">No policy of the provider is in force today.</exception>
    public IReadOnlyList<PolicyDecision> ScreenToday(IEnumerable<IssuerSnapshot> snapshots, IndexProvider provider) => Screen(snapshots, provider, Today);

    /// <summary>Applies the provider's policy in force on <paramref name="date"/> to each snapshot.</summary>
    /// <param name="snapshots">The snapshots.</param>
    /// <param name="provider">The provider.</param>
    /// <param name="date">The date.</param>
    /// <returns>One decision per snapshot, in order.</returns>
    /// <exception cref="PolicyNotFoundException">No policy of the provider is in force on the date.</exception>
    public IReadOnlyList<PolicyDecision> Screen(IEnumerable<IssuerSnapshot> snapshots, IndexProvider provider, LocalDate date) =>
        Screen(snapshots, Catalog.InForce(provider, date));

    /// <summary>Applies the policy with the given id to each snapshot.</summary>
    /// <param name="snapshots">The snapshots.</param>
    /// <param name="policyId">The policy id.</param>
    /// <returns>One decision per snapshot, in order.</returns>
    /// <exception cref="PolicyNotFoundException">No policy has that id.</exception>
    public IReadOnlyList<PolicyDecision> Screen(IEnumerable<IssuerSnapshot> snapshots, string policyId) => Screen(snapshots, Catalog.Get(policyId));

    private static PolicyDecision[] Screen(IEnumerable<IssuerSnapshot> snapshots, IndexPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(snapshots);
        return snapshots.Select(policy.Evaluate).ToArray();
    }
}
