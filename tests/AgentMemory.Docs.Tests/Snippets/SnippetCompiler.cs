using System.Collections.Immutable;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace AgentMemory.Docs.Tests.Snippets;

/// <summary>
/// Compiles a documentation snippet with Roslyn against the assemblies this test runs with (the trusted platform
/// assemblies: the runtime, every AgentMemory package and their dependencies).
/// </summary>
/// <remarks>
/// The convention, stated in docs/README.md: a snippet is a C# file of its own. Statements are top-level statements
/// (a program); a snippet of type declarations only is compiled as a library. <see cref="GlobalUsings"/> are in
/// scope, and the names in <see cref="Ambient"/> stand for what a host already has (its <c>services</c>, an
/// <c>IAgentMemory memory</c>, a <c>MemoryScope scope</c>…); a snippet may declare its own variable of the same name,
/// which then hides the ambient one. Any other namespace needs its own <c>using</c> in the snippet, as a reader's
/// file would.
/// </remarks>
public sealed class SnippetCompiler
{
    /// <summary>The namespaces every snippet may use without a <c>using</c>.</summary>
    public const string GlobalUsings = """
        global using System;
        global using System.Collections.Generic;
        global using System.IO;
        global using System.Linq;
        global using System.Threading;
        global using System.Threading.Tasks;
        global using Microsoft.Extensions.AI;
        global using Microsoft.Extensions.Configuration;
        global using Microsoft.Extensions.DependencyInjection;
        global using AgentMemory;
        global using static DocsAmbient;
        """;

    /// <summary>What a snippet may take as given. Never run: the snippets are only compiled.</summary>
    public const string Ambient = """
        internal static class DocsAmbient
        {
            public static IServiceCollection services => throw null!;
            public static IServiceProvider provider => throw null!;
            public static IConfiguration configuration => throw null!;
            public static IAgentMemory memory => throw null!;
            public static MemoryScope scope => throw null!;
            public static IChatClient chatClient => throw null!;
            public static IEmbeddingGenerator<string, Embedding<float>> embeddingGenerator => throw null!;
            public static IList<ChatMessage> messages => throw null!;
            public static string userId => throw null!;
            public static string userTurn => throw null!;
            public static string apiKey => throw null!;
            public static CancellationToken cancellationToken => throw null!;
        }
        """;

    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Preview, DocumentationMode.None);

    private readonly ImmutableArray<MetadataReference> references;

    /// <summary>Creates a compiler whose references are the trusted platform assemblies of this process.</summary>
    public SnippetCompiler()
    {
        var paths = ((string?)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Where(path => path.EndsWith(".dll", StringComparison.OrdinalIgnoreCase))
            .Concat(AppDomain.CurrentDomain.GetAssemblies()
                .Where(a => !a.IsDynamic && a.GetName().Name?.StartsWith("AgentMemory", StringComparison.Ordinal) == true)
                .Select(a => a.Location))
            .Where(path => path.Length > 0 && File.Exists(path))
            .Distinct(StringComparer.Ordinal);
        references = [.. paths.Select(path => MetadataReference.CreateFromFile(path))];
    }

    /// <summary>Compiles <paramref name="snippet"/> and returns its errors, each as
    /// <c>file:line: CS0000: message</c> with the line in the Markdown file.</summary>
    public IReadOnlyList<string> Compile(MarkdownSnippet snippet)
    {
        ArgumentNullException.ThrowIfNull(snippet);
        var code = CSharpSyntaxTree.ParseText(snippet.Code, ParseOptions, path: snippet.File);
        var isProgram = code.GetCompilationUnitRoot().Members.OfType<GlobalStatementSyntax>().Any();
        var trees = new[]
        {
            code,
            CSharpSyntaxTree.ParseText(GlobalUsings, ParseOptions, path: "GlobalUsings.cs"),
            CSharpSyntaxTree.ParseText(Ambient, ParseOptions, path: "DocsAmbient.cs"),
        };
        var options = new CSharpCompilationOptions(
            isProgram ? OutputKind.ConsoleApplication : OutputKind.DynamicallyLinkedLibrary,
            nullableContextOptions: NullableContextOptions.Enable,
            allowUnsafe: false);
        var compilation = CSharpCompilation.Create("Snippet", trees, references, options);
        using var output = new MemoryStream();
        var result = compilation.Emit(output);
        return result.Diagnostics
            .Where(d => d.Severity == DiagnosticSeverity.Error)
            .Select(d => Describe(snippet, d))
            .ToList();
    }

    private static string Describe(MarkdownSnippet snippet, Diagnostic diagnostic)
    {
        var span = diagnostic.Location.GetLineSpan();
        var inSnippet = diagnostic.Location.SourceTree?.FilePath == snippet.File;
        var where = inSnippet ? $"{snippet.File}:{snippet.Line + span.StartLinePosition.Line}" : $"{snippet.Location} ({span.Path})";
        return $"{where}: {diagnostic.Id}: {diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}";
    }
}
