namespace DatRules.Data;

/// <summary>Runs a computation on accepted input and turns decimal overflow into an <see cref="InputException"/> that names what overflowed.</summary>
public static class Checked
{
    /// <summary>Runs <paramref name="compute"/>.</summary>
    /// <param name="what">What is computed, e.g. "the headroom of MSTR (2025-09-30)".</param>
    /// <param name="compute">The computation.</param>
    /// <returns>Its result.</returns>
    /// <exception cref="InputException">The computation overflowed decimal arithmetic.</exception>
    public static T Run<T>(string what, Func<T> compute)
    {
        try
        {
            return compute();
        }
        catch (Exception ex) when (ex is OverflowException || (ex is AggregateException a && a.Flatten().InnerExceptions.All(e => e is OverflowException)))
        {
            throw new InputException(what, [new InputError(0, null, "a result is too large for exact decimal arithmetic (above 7.9e28); check the input's units and magnitudes.")]);
        }
    }
}
