using System.Text;

namespace DatRules.TestSupport;

/// <summary>The edits the fuzz targets apply to a valid document: insert, delete or replace a range with a token.</summary>
internal static class TextEdits
{
    /// <summary>Applies edits (position, length, operation 0 insert / 1 delete / 2 replace, token) in order.</summary>
    public static string Apply(string document, IEnumerable<(int At, int Length, int Op, string Token)> edits)
    {
        var text = new StringBuilder(document);
        foreach (var (at, length, op, token) in edits)
        {
            int start = Math.Min(at, text.Length);
            int len = Math.Min(length, text.Length - start);
            switch (op)
            {
                case 0: text.Insert(start, token); break;
                case 1: text.Remove(start, len); break;
                default: text.Remove(start, len).Insert(start, token); break;
            }
        }

        return text.ToString();
    }
}
