using DuckDB.NET.Data;

namespace DatRules.Benchmarks;

/// <summary>
/// The DuckDB peer of <c>datrules screen</c> end to end: reads the same CSV with exact DECIMAL amounts, applies MSCI's
/// test (digital >= 50% of total; Indeterminate without a positive total or with digital above total), and writes the
/// same columns (ticker, as_of, classification, digital_asset_ratio rounded to 10 decimals; with reasons: estimate and
/// a reasons text built per row) as CSV or JSON.
/// </summary>
public static class DuckDbScreen
{
    /// <summary>Runs one screen.</summary>
    /// <param name="input">The CSV (columns as generate-universe.py writes them, optionally with a quoted name).</param>
    /// <param name="format"><c>csv</c> (with reasons), <c>csv-no-reasons</c> or <c>json</c> (with reasons).</param>
    /// <param name="output">Where to write (e.g. /dev/null).</param>
    public static void Run(string input, string format, string output)
    {
        bool withName = File.ReadLines(input).First().Contains(",name,", StringComparison.Ordinal);
        string columns = "'ticker': 'VARCHAR', " + (withName ? "'name': 'VARCHAR', " : string.Empty)
            + "'as_of': 'DATE', 'digital_assets_usd': 'DECIMAL(18,2)', 'total_assets_usd': 'DECIMAL(18,2)'";
        const string Cls = "CASE WHEN t IS NULL OR t = 0 OR d > t THEN 'Indeterminate' WHEN d * 2 >= t THEN 'DigitalAssetTreasury' ELSE 'OperatingCompany' END";
        const string Ratio = "CASE WHEN t > 0 AND d <= t THEN round(d::DECIMAL(38,18) / t, 10) END";
        const string Reasons = "CASE WHEN t IS NULL THEN 'Total assets are missing: the digital-asset ratio cannot be computed.' "
            + "WHEN t = 0 THEN 'Total assets are zero: the digital-asset ratio is undefined.' "
            + "WHEN d > t THEN 'Digital assets (' || d::VARCHAR || ' USD) exceed total assets (' || t::VARCHAR || ' USD): the figures are inconsistent (different dates or line items?).' "
            + "ELSE 'MSCI DAT test (digital assets >= 50% of total assets): digital assets ' || d::VARCHAR || ' USD / total assets ' || t::VARCHAR || ' USD = ' "
            + "|| round(d::DECIMAL(38,18) * 100 / t, 4)::VARCHAR || '% ' || CASE WHEN d * 2 >= t THEN 'meets' ELSE 'is below' END || ' >= 50%.' END";
        string select = $"SELECT ticker, as_of, {Cls} AS classification, {Ratio} AS digital_asset_ratio"
            + (format == "csv-no-reasons" ? string.Empty : $", false AS estimate, {(format == "json" ? "[" + Reasons + "]" : Reasons)} AS reasons")
            + $" FROM (SELECT ticker, as_of, digital_assets_usd AS d, total_assets_usd AS t FROM read_csv('{input}', header = true, columns = {{{columns}}}))";
        string copy = $"COPY ({select}) TO '{output}' (FORMAT {(format == "json" ? "json, ARRAY true" : "csv, HEADER true")})";
        using var connection = new DuckDBConnection("Data Source=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = copy;
        command.ExecuteNonQuery();
    }
}
