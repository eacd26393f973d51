using DatRules.Issuers;

namespace DatRules.Nowcasting;

/// <summary>A balance sheet carried forward to a decision day by <see cref="Nowcast.Estimate"/>: an estimate, with its inputs.</summary>
/// <param name="Snapshot">The estimated snapshot (as of the balance sheet, valued on the day; <see cref="IssuerSnapshot.EstimatedFields"/> name digital and total assets; <see cref="IssuerSnapshot.ValuationNotes"/> cite every input).</param>
/// <param name="BalanceSheet">The balance sheet it starts from.</param>
/// <param name="On">The decision day.</param>
/// <param name="Units">Coins held on the day: the balance sheet's units plus the units announced.</param>
/// <param name="Price">The price used (the last on or before the day), or null when there are no coins to value.</param>
/// <param name="OtherAssets">Other assets on the day: the balance sheet's, less cash-funded purchases, plus sale proceeds and cash raised.</param>
/// <param name="Announcements">The announcements used (after the balance sheet, on or before the day), oldest first.</param>
public sealed record NowcastEstimate(IssuerSnapshot Snapshot, IssuerSnapshot BalanceSheet, LocalDate On, decimal Units, PricePoint? Price, decimal OtherAssets, IReadOnlyList<Announcement> Announcements);
