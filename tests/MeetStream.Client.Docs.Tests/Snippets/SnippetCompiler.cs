using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace MeetStream.Client.Docs.Tests.Snippets;

/// <summary>
/// Compiles one doc block as its own compilation with Roslyn: top-level statements make a console program, anything
/// else a library; nullable enabled, every warning an error, against the .NET and ASP.NET Core shared frameworks and
/// the packages (the assemblies this test process runs with).
/// </summary>
public static partial class SnippetCompiler
{
    /// <summary>
    /// The global usings a new <c>Microsoft.NET.Sdk</c> project gets (ImplicitUsings). A block shows every other
    /// <c>using</c> it needs, including <c>Microsoft.AspNetCore.*</c> and <c>Microsoft.Extensions.*</c>.
    /// </summary>
    public static readonly ImmutableArray<string> ImplicitUsings =
        ["System", "System.Collections.Generic", "System.IO", "System.Linq", "System.Net.Http", "System.Threading", "System.Threading.Tasks"];

    private static readonly CSharpParseOptions ParseOptions =
        new(LanguageVersion.Latest, DocumentationMode.Parse, SourceCodeKind.Regular);

    private static readonly Lazy<ImmutableArray<MetadataReference>> References = new(LoadReferences);

    /// <summary>Compiles <paramref name="source"/> and emits it in memory.</summary>
    /// <param name="name">The block's name (<c>file:line</c>), used as the syntax tree's path.</param>
    /// <param name="source">The block's C# text.</param>
    /// <returns>The errors (warnings count as errors) and, when there are none, the assembly's bytes.</returns>
    public static SnippetCompilation Compile(string name, string source)
    {
        var tree = CSharpSyntaxTree.ParseText(source, ParseOptions, path: name, encoding: Encoding.UTF8);
        var globals = CSharpSyntaxTree.ParseText(
            string.Concat(ImplicitUsings.Select(u => $"global using global::{u};\n")), ParseOptions, path: "ImplicitUsings.g.cs");
        var isProgram = tree.GetCompilationUnitRoot().Members.Any(m => m is GlobalStatementSyntax);
        var options = new CSharpCompilationOptions(
                isProgram ? OutputKind.ConsoleApplication : OutputKind.DynamicallyLinkedLibrary,
                nullableContextOptions: NullableContextOptions.Enable,
                generalDiagnosticOption: ReportDiagnostic.Error,
                warningLevel: 9999,
                concurrentBuild: false)
            // Assembly unification notes the SDK also silences by default.
            .WithSpecificDiagnosticOptions([new("CS1701", ReportDiagnostic.Suppress), new("CS1702", ReportDiagnostic.Suppress)]);
        var assemblyName = "DocBlock_" + AssemblyNameUnsafe().Replace(name, "_");
        var compilation = CSharpCompilation.Create(assemblyName, [tree, globals], References.Value, options);

        using var pe = new MemoryStream();
        var result = compilation.Emit(pe);
        var errors = result.Diagnostics
            .Where(d => d.Severity == DiagnosticSeverity.Error || d.IsWarningAsError)
            .OrderBy(d => d.Location.SourceSpan.Start)
            .ToList();
        return new SnippetCompilation(name, source, isProgram, errors, result.Success && errors.Count == 0 ? pe.ToArray() : null);
    }

    /// <summary>Puts the <c>using</c> directives of the composed blocks first (C# requires it), keeping their order.</summary>
    /// <param name="parts">The blocks' texts, earliest first.</param>
    /// <returns>One source text.</returns>
    public static string Compose(IEnumerable<string> parts)
    {
        var usings = new List<string>();
        var body = new List<string>();
        foreach (var line in parts.SelectMany(p => p.Split('\n')))
        {
            if (UsingDirective().IsMatch(line))
            {
                if (!usings.Contains(line.Trim()))
                {
                    usings.Add(line.Trim());
                }
            }
            else
            {
                body.Add(line);
            }
        }

        return string.Join('\n', usings.Concat(body));
    }

    private static ImmutableArray<MetadataReference> LoadReferences()
    {
        var paths = (AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") as string ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        var self = typeof(SnippetCompiler).Assembly.Location;
        return [.. paths
            .Where(p => p.EndsWith(".dll", StringComparison.OrdinalIgnoreCase) && !string.Equals(p, self, StringComparison.Ordinal))
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))];
    }

    [GeneratedRegex(@"^\s*(global\s+)?using\s+(static\s+)?([A-Za-z_][\w]*\s*=\s*)?[A-Za-z_][\w.<>, ]*;\s*(//.*)?$")]
    private static partial Regex UsingDirective();

    [GeneratedRegex(@"[^A-Za-z0-9_]")]
    private static partial Regex AssemblyNameUnsafe();
}
