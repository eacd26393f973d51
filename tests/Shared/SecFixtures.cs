using System.IO.Compression;
using System.Text;
using DatRules.Issuers;
using DatRules.Sec.Import;

namespace DatRules.TestSupport;

/// <summary>Opens the fixtures in Sec/Fixtures (see its README for the filing behind every figure) and builds FSDS zips.</summary>
internal static class SecFixtures
{
    public static string PathOf(string name) => Path.Combine(AppContext.BaseDirectory, "Sec", "Fixtures", name);

    public static Stream Open(string name) => File.OpenRead(PathOf(name));

    public static Stream Json(string json) => new MemoryStream(Encoding.UTF8.GetBytes(json));

    /// <summary>A Financial Statement Data Sets zip holding the given sub.txt and num.txt texts.</summary>
    public static MemoryStream Zip(string sub, string num)
    {
        var ms = new MemoryStream();
        using (var zip = new ZipArchive(ms, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, text) in new[] { ("sub.txt", sub), ("num.txt", num) })
            {
                using var w = new StreamWriter(zip.CreateEntry(name).Open(), new UTF8Encoding(false));
                w.Write(text);
            }
        }

        ms.Position = 0;
        return ms;
    }

    public static string ZipFile(string sub, string num)
    {
        string path = Path.Combine(Path.GetTempPath(), $"datrules-fsds-{Guid.NewGuid():N}.zip");
        using var z = Zip(sub, num);
        File.WriteAllBytes(path, z.ToArray());
        return path;
    }

    public static SecImportResult ImportCompanyFacts(params string[] files)
    {
        var importer = new SecImporter();
        foreach (var f in files)
        {
            using var s = Open(f);
            importer.AddCompanyFacts(s, f);
        }

        return importer.Build();
    }

    public static IssuerSnapshot Single(this SecImportResult result, LocalDate end, string accession) =>
        Assert.Single(result.Snapshots, s => s.AsOf == end && s.Provenance!.Accession == AccessionNumber.Parse(accession));

    /// <summary>The 2024+ num.txt header (with segments), as the SEC documents it.</summary>
    public const string NumHeader = "adsh\ttag\tversion\tddate\tqtrs\tuom\tsegments\tcoreg\tvalue\tfootnote";

    /// <summary>The sub.txt header of the SEC's data sets (36 columns, from the 2023q1 file in Fixtures).</summary>
    public static string SubHeader => File.ReadLines(PathOf("fsds-2023q1-sub.txt")).First();

    /// <summary>A sub.txt row with the header's 36 columns, the given ones filled.</summary>
    public static string SubRow(string adsh, long cik, string name, string form, string period, string filed)
    {
        var cols = SubHeader.Split('\t');
        var f = new string[cols.Length];
        Array.Fill(f, string.Empty);
        void Set(string col, string v) => f[Array.IndexOf(cols, col)] = v;
        Set("adsh", adsh);
        Set("cik", cik.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Set("name", name);
        Set("form", form);
        Set("period", period);
        Set("filed", filed);
        return string.Join('\t', f);
    }
}
