using System.Text;
using DatRules.Classification;
using DatRules.Policies;

namespace DatRules.Data;

/// <summary>
/// Writes the reasons of one row of a <see cref="SnapshotTable"/> as UTF-8, from its integer columns: the same texts as
/// <see cref="DatClassifier.Classify"/> and <see cref="IndexPolicy.Evaluate"/> on the row's snapshot (tests compare them),
/// without building the snapshot.
/// </summary>
/// <remarks>
/// Rows whose amounts are not whole cents below 2^53, and every row of a policy with a criterion other than a ratio
/// threshold (issuer lists, flags), are explained by the domain itself (one snapshot per row): same text, slower.
/// </remarks>
internal sealed class ReasonWriter
{
    private static readonly byte[] Missing = Encoding.UTF8.GetBytes(ReasonText.MissingTotalAssets);
    private static readonly byte[] Zero = Encoding.UTF8.GetBytes(ReasonText.ZeroTotalAssets);
    private static readonly byte[] Over = Encoding.UTF8.GetBytes(ReasonText.RatioTestOver);
    private static readonly byte[] EqualsText = Encoding.UTF8.GetBytes(ReasonText.RatioTestEquals);
    private static readonly byte[] Usd = " USD"u8.ToArray();

    private readonly SnapshotTable _table;
    private readonly IndexPolicy? _policy;
    private readonly DatClassifier _classifier;
    private readonly bool _domainOnly;
    private readonly (byte[] Rule, byte[] Meets, byte[] Below, RatioThreshold Threshold)[] _ratioTests;
    private readonly byte[] _policyId;
    private readonly TextColumn? _currency;
    private readonly ScreenAge? _age;
    private readonly Utf8Text _text = new();
    private readonly List<(int Start, int Length)> _reasons = [];

    /// <summary>Initializes a writer for one screen.</summary>
    /// <param name="table">The rows.</param>
    /// <param name="policy">The policy, or <see langword="null"/> for a classification.</param>
    /// <param name="classifier">The classifier when there is no policy.</param>
    /// <param name="age">The ages of the balance sheets: a row older than the largest judged is indeterminate, and says why first.</param>
    public ReasonWriter(SnapshotTable table, IndexPolicy? policy, DatClassifier classifier, ScreenAge? age = null)
    {
        _age = age;
        _table = table;
        _policy = policy;
        _classifier = classifier;
        _currency = table.Store<TextColumn>("currency");
        _domainOnly = policy is not null && policy.Criteria.Any(c => c is not RatioThresholdCriterion);
        var tests = policy is null
            ? [(classifier.RuleName, classifier.Threshold)]
            : policy.Criteria.OfType<RatioThresholdCriterion>().Select(c => (c.Description, c.Threshold)).ToList();
        _ratioTests = tests.Select(t => (
            Encoding.UTF8.GetBytes(ReasonText.RatioTestStart(t.Item1)),
            Encoding.UTF8.GetBytes(ReasonText.RatioTestVerdict(true, t.Item2)),
            Encoding.UTF8.GetBytes(ReasonText.RatioTestVerdict(false, t.Item2)),
            t.Item2)).ToArray();
        _policyId = Encoding.UTF8.GetBytes(policy?.Id ?? string.Empty);
        _treatment = policy?.Holdings ?? classifier.Holdings;
    }

    private readonly HoldingsTreatment _treatment;

    // A row with other kinds of crypto (or a treatment that leaves held crypto out) is explained by the domain, whose
    // reasons name each kind counted or excluded (ReasonText): such rows are few.
    private bool ByDomain(int row) => _table.HasKinds && (_table.HasKindAt(row) || !_treatment.Counts(Issuers.HoldingKind.Held));

    /// <summary>Gets the number of reasons of the last row built.</summary>
    public int Count => _reasons.Count;

    /// <summary>Gets reason <paramref name="index"/> of the last row built.</summary>
    /// <param name="index">The reason.</param>
    /// <returns>Its UTF-8 text.</returns>
    public ReadOnlySpan<byte> this[int index] => _text.Slice(_reasons[index].Start, _reasons[index].Length);

    /// <summary>Builds the reasons of a row.</summary>
    /// <param name="row">The table row.</param>
    /// <param name="classification">The row's classification (the engine's, equal to the domain's).</param>
    public void Build(int row, DatClassification classification)
    {
        _text.Clear();
        _reasons.Clear();
        long d = _table.Digital[row], t = _table.Total[row];
        if (_age is { } age && age.TooOld(_table, row))
        {
            // Too old to judge: the age, then what the figures say (the ratio tests, not a verdict), then no action.
            Add(age.Reason(_table, row));
            if (_domainOnly || d == AmountColumn.Exact || t == AmountColumn.Exact || ByDomain(row))
            {
                if (_policy is not null)
                {
                    Add(ReasonText.ActionUnknown(_policy));
                }

                return;
            }

            foreach (var test in _ratioTests)
            {
                RatioReasons(test, row, d, t, t > 0 && d <= t && test.Threshold.IsCrossedBy(d / 100m, t / 100m));
            }

            if (_policy is not null)
            {
                Add(ReasonText.ActionUnknown(_policy));
            }

            return;
        }

        if (_domainOnly || d == AmountColumn.Exact || t == AmountColumn.Exact || ByDomain(row))
        {
            var snapshot = _table.ToSnapshot(row);
            foreach (string reason in _policy is null ? _classifier.Classify(snapshot).Reasons : _policy.Evaluate(snapshot).Reasons)
            {
                int start = _text.Length;
                _text.Append(reason);
                _reasons.Add((start, _text.Length - start));
            }

            return;
        }

        if (_policy is null)
        {
            RatioReasons(_ratioTests[0], row, d, t, classification == DatClassification.DigitalAssetTreasury);
            return;
        }

        if (_policy.Criteria.Count == 0)
        {
            Add(ReasonText.NoCriterion(_policy));
        }

        foreach (var test in _ratioTests)
        {
            bool crossed = t > 0 && d <= t && test.Threshold.IsCrossedBy(d / 100m, t / 100m);
            RatioReasons(test, row, d, t, crossed);
        }

        switch (classification)
        {
            case DatClassification.OperatingCompany:
                return;
            case DatClassification.Indeterminate:
                Add(ReasonText.ActionUnknown(_policy));
                return;
        }

        Add(ReasonText.Action(_policy, _table.Constituent?[row]));
    }

    private void RatioReasons((byte[] Rule, byte[] Meets, byte[] Below, RatioThreshold Threshold) test, int row, long d, long t, bool crossed)
    {
        int start = _text.Length;
        if (t == AmountColumn.Missing)
        {
            _text.Append(Missing);
            _reasons.Add((start, _text.Length - start));
            return;
        }

        if (t == 0)
        {
            _text.Append(Zero);
            _reasons.Add((start, _text.Length - start));
            return;
        }

        var currency = _currency is { } c && !c[row].IsEmpty ? c[row] : default;
        if (d > t)
        {
            _text.Append(ReasonText.Inconsistent(AmountText(d, currency), AmountText(t, currency)));
            _reasons.Add((start, _text.Length - start));
            return;
        }

        _text.Append(test.Rule);
        Amount(d, currency);
        _text.Append(Over);
        Amount(t, currency);
        _text.Append(EqualsText);
        _text.AppendPercent(d, t, 4, fixedDecimals: false);
        _text.Append(crossed ? test.Meets : test.Below);
        _reasons.Add((start, _text.Length - start));
        foreach (string note in _table.ValuationNotesAt(row))
        {
            Add(note);
        }

        if (_table.HasProvenance && _table.ProvenanceAt(row) is { } provenance)
        {
            Add(ReasonText.FiguresFrom(provenance));
        }

        if (_table.HasEstimatedFieldsAt(row) && _table.EstimatedFieldsAt(row) is { Length: > 0 } fields)
        {
            Add(ReasonText.EstimatedInputs(fields));
        }
    }

    private void Amount(long cents, ReadOnlySpan<byte> currency)
    {
        _text.AppendAmount(cents);
        if (currency.IsEmpty)
        {
            _text.Append(Usd);
        }
        else
        {
            _text.Append((byte)' ');
            _text.Append(currency);
        }
    }

    private static string AmountText(long cents, ReadOnlySpan<byte> currency)
    {
        var text = new Utf8Text(48);
        text.AppendAmount(cents);
        text.Append((byte)' ');
        text.Append(currency.IsEmpty ? "USD"u8 : currency);
        return Encoding.UTF8.GetString(text.Slice(0, text.Length));
    }

    private void Add(string reason)
    {
        int start = _text.Length;
        _text.Append(reason);
        _reasons.Add((start, _text.Length - start));
    }
}
