namespace DatRules.Data;

/// <summary>
/// Reads a small CSV with a header into rows of named text values, on the snapshot CSV's tokenizer
/// (<see cref="CsvRecordReader"/>) and its UTF-8 rules: the readers of events and price histories use it.
/// </summary>
internal static class NamedRows
{
    /// <summary>Reads every row; problems of the file or of a record go to <paramref name="errors"/>.</summary>
    /// <param name="stream">The UTF-8 bytes.</param>
    /// <param name="sourceName">The name errors give.</param>
    /// <param name="required">The columns the header must name.</param>
    /// <param name="errors">Where problems go.</param>
    /// <returns>Each row's line and its non-empty values by column name (empty values are absent).</returns>
    /// <exception cref="InputException">The file is empty or its header misses a required column.</exception>
    public static List<(int Line, Dictionary<string, string> Values)> Read(Stream stream, string sourceName, IReadOnlyList<string> required, List<InputError> errors)
    {
        var reader = new CsvRecordReader(stream, sourceName);
        if (!reader.Read() || reader.FieldCount <= 1)
        {
            throw new InputException(sourceName, [new InputError(0, null, "the file is empty: expected a header with " + string.Join(",", required))]);
        }

        var names = new string[reader.FieldCount];
        for (int i = 0; i < names.Length; i++)
        {
            names[i] = ExposureCsv.TryDecode(reader.Field(i), out string name, out _) ? name.ToLowerInvariant() : string.Empty;
        }

        var missing = required.Where(c => Array.IndexOf(names, c) < 0).ToList();
        if (missing.Count > 0)
        {
            throw new InputException(sourceName, missing.Select(c => new InputError(1, c, "required column is missing from the header")).ToList());
        }

        var rows = new List<(int, Dictionary<string, string>)>();
        while (reader.Read())
        {
            int line = reader.Line;
            if (reader.RecordError is { } recordError)
            {
                errors.Add(new InputError(line, null, recordError));
                continue;
            }

            if (reader.FieldCount != names.Length)
            {
                errors.Add(new InputError(line, null, $"{reader.FieldCount} fields, the header has {names.Length}"));
                continue;
            }

            var values = new Dictionary<string, string>(StringComparer.Ordinal);
            bool decoded = true;
            for (int i = 0; i < names.Length; i++)
            {
                if (!ExposureCsv.TryDecode(reader.Field(i), out string s, out string? problem))
                {
                    errors.Add(new InputError(line, names[i], problem!));
                    decoded = false;
                    break;
                }

                if (s.Length > 0 && names[i].Length > 0)
                {
                    values[names[i]] = s;
                }
            }

            if (decoded)
            {
                rows.Add((line, values));
            }
        }

        return rows;
    }
}
