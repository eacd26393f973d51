using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace DatRules.Cli.Tests.Readme;

/// <summary>
/// Every <c>```csharp</c> block of README.md and docs/**/*.md compiles as pasted, alone, as the Program.cs of a console
/// program (`dotnet new console`: top-level statements, implicit usings, nullable on) that references the DatRules
/// packages and Microsoft.Extensions.DependencyInjection. Compiled in-process with Roslyn against the runtime's
/// reference assemblies and the packages' assemblies (one temporary project per block would take minutes here). A block
/// whose previous line is <c>&lt;!-- fragment --&gt;</c> is exempt; at most one block in five may be.
/// </summary>
public class DocSnippetCompileTests
{
    public static TheoryData<string, int> CSharpBlocks()
    {
        var data = new TheoryData<string, int>();
        foreach (var block in AllCSharpBlocks().Where(b => !b.IsFragment))
        {
            data.Add(block.Doc, block.Line);
        }

        return data;
    }

    internal static IEnumerable<MarkdownDocs.Block> AllCSharpBlocks() =>
        MarkdownDocs.Files().SelectMany(MarkdownDocs.Blocks).Where(b => b.Language is "csharp" or "cs" or "c#");

    [Fact]
    public void CSharpBlocks_AreFound() => Assert.True(AllCSharpBlocks().Count() >= 10, "the docs' C# blocks were not found");

    [Fact]
    public void Fragments_AreAtMostOneInFive()
    {
        var blocks = AllCSharpBlocks().ToList();
        var fragments = blocks.Where(b => b.IsFragment).Select(b => $"{b.Doc}:{b.Line}").ToList();

        Assert.True(fragments.Count * 5 <= blocks.Count,
            $"{fragments.Count} of {blocks.Count} C# blocks are marked {MarkdownDocs.FragmentMarker} (at most one in five): {string.Join(", ", fragments)}");
    }

    [Theory]
    [MemberData(nameof(CSharpBlocks))]
    public void CSharpBlock_CompilesAsAConsoleProgram(string doc, int line)
    {
        var block = MarkdownDocs.Blocks(doc).Single(b => b.Line == line);

        var problems = Compile(block.Text)
            .Select(d => $"{doc}:{line + d.Location.GetLineSpan().StartLinePosition.Line + 1}: {d.Id}: {d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}")
            .ToList();

        Assert.True(problems.Count == 0,
            $"the C# block at {doc}:{line} does not compile as a console program (mark a deliberate fragment with {MarkdownDocs.FragmentMarker} on the line before it):\n"
            + string.Join('\n', problems));
    }

    [Fact]
    public void Compile_ReportsTheBlocksOwnLine()
    {
        // Line 1 of a block is the doc line after the fence; the error is on the block's second line.
        var errors = Compile("using DatRules.Classification;\nvar x = DatClassifier.NoSuchMember;").ToList();

        Assert.Equal(1, Assert.Single(errors).Location.GetLineSpan().StartLinePosition.Line);
    }

    /// <summary>The errors and warnings of <paramref name="program"/> compiled as a console program's only source file.</summary>
    internal static IEnumerable<Diagnostic> Compile(string program)
    {
        var options = new CSharpParseOptions(LanguageVersion.Latest);
        var tree = CSharpSyntaxTree.ParseText(program, options, path: "Program.cs");
        var compilation = CSharpCompilation.Create(
            "DocSnippet",
            [tree, CSharpSyntaxTree.ParseText(ImplicitUsings, options, path: "GlobalUsings.g.cs")],
            References.Value,
            new CSharpCompilationOptions(OutputKind.ConsoleApplication, nullableContextOptions: NullableContextOptions.Enable));
        using var pe = new MemoryStream();
        var result = compilation.Emit(pe);
        return result.Diagnostics.Where(d => (d.Severity >= DiagnosticSeverity.Warning && d.Location.SourceTree == tree) || d.Severity == DiagnosticSeverity.Error);
    }

    /// <summary>The global usings of a console project with ImplicitUsings enabled (Microsoft.NET.Sdk).</summary>
    private const string ImplicitUsings = """
        global using global::System;
        global using global::System.Collections.Generic;
        global using global::System.IO;
        global using global::System.Linq;
        global using global::System.Net.Http;
        global using global::System.Threading;
        global using global::System.Threading.Tasks;
        """;

    /// <summary>Assemblies of the packages a doc may use, and what they bring (found next to the test assembly).</summary>
    private static readonly string[] PackagePrefixes =
        ["DatRules.", "NodaTime", "Microsoft.Extensions.", "Polly", "DocumentFormat.OpenXml", "Parquet"];

    private static readonly Lazy<ImmutableArray<MetadataReference>> References = new(() =>
    {
        var packages = Directory.GetFiles(AppContext.BaseDirectory, "*.dll")
            .Where(f => Path.GetFileName(f) is var name && (name == "DatRules.dll" || PackagePrefixes.Any(p => name.StartsWith(p, StringComparison.Ordinal))))
            .Where(f => !Path.GetFileName(f).StartsWith("DatRules.Cli", StringComparison.Ordinal));
        return [.. RuntimeReferenceAssemblies().Concat(packages).Select(f => (MetadataReference)MetadataReference.CreateFromFile(f))];
    });

    /// <summary>
    /// The reference assemblies of the running .NET (packs/Microsoft.NETCore.App.Ref/&lt;version&gt;/ref/net10.0 under the
    /// dotnet root), what `dotnet build` compiles against; else the runtime's own framework assemblies.
    /// </summary>
    private static IEnumerable<string> RuntimeReferenceAssemblies()
    {
        string runtimeDir = Path.GetDirectoryName(typeof(object).Assembly.Location)!;       // <root>/shared/Microsoft.NETCore.App/<v>
        string packs = Path.GetFullPath(Path.Combine(runtimeDir, "..", "..", "..", "packs", "Microsoft.NETCore.App.Ref"));
        int major = Environment.Version.Major;
        string? refDir = Directory.Exists(packs)
            ? Directory.GetDirectories(packs, $"{major}.*")
                .Select(d => Path.Combine(d, "ref", $"net{major}.0"))
                .Where(Directory.Exists)
                .OrderByDescending(d => Version.TryParse(Path.GetFileName(Path.GetDirectoryName(Path.GetDirectoryName(d))), out var v) ? v : new Version())
                .FirstOrDefault()
            : null;
        return refDir is not null
            ? Directory.GetFiles(refDir, "*.dll")
            : Directory.GetFiles(runtimeDir, "*.dll").Where(f => Path.GetFileName(f) is var n && (n.StartsWith("System", StringComparison.Ordinal) || n is "netstandard.dll" or "mscorlib.dll"));
    }
}
