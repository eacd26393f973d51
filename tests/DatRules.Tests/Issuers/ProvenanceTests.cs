using DatRules.Issuers;

namespace DatRules.Tests.Issuers;

public sealed class ProvenanceTests
{
    [Theory]
    [InlineData("0001140361-25-040977", "0001140361-25-040977", 1140361)]
    [InlineData("000114036125040977", "0001140361-25-040977", 1140361)]
    public void AccessionNumber_ParsesDashedAndBareForms(string text, string formatted, long agent)
    {
        var a = AccessionNumber.Parse(text);
        Assert.Equal(formatted, a.ToString());
        Assert.Equal(agent, a.FilerAgentCik);
    }

    [Theory]
    [InlineData("")]
    [InlineData("0001140361-25-04097")]
    [InlineData("0001140361_25_040977")]
    [InlineData("00011403612504097x")]
    [InlineData("000000000000000000")]
    public void AccessionNumber_Invalid_FormatExceptionSaysTheForm(string text)
    {
        var ex = Assert.Throws<FormatException>(() => AccessionNumber.Parse(text));
        Assert.Equal($"'{text}' is not an SEC accession number (expected 0001234567-25-012345 or 18 digits).", ex.Message);
    }

    [Fact]
    public void AccessionNumber_OrdersByValue()
    {
        var a = AccessionNumber.Parse("0001564590-20-047995");
        var b = AccessionNumber.Parse("0001564590-21-005783");
        Assert.True(a < b && b > a && a <= b && b >= a && a.CompareTo(b) < 0);
    }

    [Fact]
    public void Provenance_ToString_NamesFormAccessionFiledAndSource()
    {
        var p = new Provenance("sec-fsds 2025q4.zip")
        {
            Cik = 1849635,
            Accession = AccessionNumber.Parse("0001140361-25-040977"),
            Form = " 10-Q ",
            Filed = new LocalDate(2025, 11, 7),
        };

        Assert.Equal("10-Q 0001140361-25-040977 filed 2025-11-07 (sec-fsds 2025q4.zip)", p.ToString());
        Assert.Equal("CIK0001849635", p.CikText);
        Assert.False(p.IsAmendment);
        Assert.True((p with { Form = "10-Q/A" }).IsAmendment);
    }

    [Fact]
    public void Provenance_ConceptsAreCopied()
    {
        var concepts = new List<string> { "us-gaap:Assets" };
        var p = new Provenance("x") { Concepts = concepts };
        concepts.Add("us-gaap:CryptoAssetFairValue");
        Assert.Equal(["us-gaap:Assets"], p.Concepts);
        Assert.Equal(p, new Provenance("x") { Concepts = ["us-gaap:Assets"] });
    }

    [Theory]
    [InlineData(0L)]
    [InlineData(10_000_000_000L)]
    public void Provenance_CikOutOfRange_Throws(long cik)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>("Cik", () => new Provenance("x") { Cik = cik });
        Assert.StartsWith("A CIK should be in range [1-9999999999].", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Provenance_BlankSource_Throws() =>
        Assert.Throws<ArgumentException>("source", () => new Provenance(" "));
}
