using System.Collections.Immutable;

namespace DatRules.Issuers;

/// <summary>The result of <see cref="PointInTime.KnownOn"/>: one snapshot per issuer known on a date, and what was left out.</summary>
public sealed class PointInTimeSelection
{
    internal PointInTimeSelection(LocalDate knownOn, IEnumerable<IssuerSnapshot> snapshots, IEnumerable<IssuerSnapshot> notYetKnown, IEnumerable<IssuerSnapshot> undated)
    {
        KnownOn = knownOn;
        Snapshots = [.. snapshots];
        NotYetKnown = [.. notYetKnown];
        Undated = [.. undated];
    }

    /// <summary>Gets the date of knowledge the selection was made for.</summary>
    public LocalDate KnownOn { get; }

    /// <summary>Gets the selected snapshots: for each issuer with one known, the latest balance sheet known on <see cref="KnownOn"/>.</summary>
    public ImmutableArray<IssuerSnapshot> Snapshots { get; }

    /// <summary>Gets, for each issuer with no snapshot filed by <see cref="KnownOn"/>, its earliest snapshot filed later.</summary>
    public ImmutableArray<IssuerSnapshot> NotYetKnown { get; }

    /// <summary>Gets the snapshots without a filed date (<see cref="IssuerSnapshot.Provenance"/> or its <see cref="Provenance.Filed"/> missing), never selected.</summary>
    public ImmutableArray<IssuerSnapshot> Undated { get; }
}
