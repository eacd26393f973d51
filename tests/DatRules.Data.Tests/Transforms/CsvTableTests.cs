namespace DatRules.Data.Tests.Transforms;

/// <summary>The cells of <c>--format csv</c> (issue 14): quoted when needed, formula-safe, numbers kept.</summary>
public class CsvTableTests
{
    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("two\nlines", "\"two\nlines\"")]
    [InlineData("=HYPERLINK(\"x\")", "\"'=HYPERLINK(\"\"x\"\")\"")]
    [InlineData("+1", "'+1")]
    [InlineData("-1", "'-1")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tx", "'\tx")]
    public void Cell_Text_QuotedAndFormulaSafe(string text, string expected) => Assert.Equal(expected, CsvTable.Cell(text));

    [Fact]
    public void Cell_NegativeNumber_StaysANumber() => Assert.Equal("-1.5", CsvTable.Cell(-1.5m));

    [Fact]
    public void Cell_Null_IsEmpty() => Assert.Equal(string.Empty, CsvTable.Cell(null));
}
