namespace AgentMemory.Docs.Tests.Snippets;

/// <summary>Every C# snippet in README.md, docs/*.md and src/*/README.md compiles against the current API.</summary>
public sealed class DocumentationSnippetTests
{
    private static readonly SnippetCompiler Compiler = new();

    public static TheoryData<string> SnippetLocations()
    {
        var data = new TheoryData<string>();
        foreach (var snippet in DocumentationFiles.Snippets.Where(s => !s.Ignored))
        {
            data.Add(snippet.Location);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(SnippetLocations))]
    public void Snippet_Compiles(string location)
    {
        var snippet = DocumentationFiles.Snippets.Single(s => s.Location == location);

        var errors = Compiler.Compile(snippet);

        if (errors.Count > 0)
        {
            Assert.Fail($"The snippet at {location} does not compile:{Environment.NewLine}{string.Join(Environment.NewLine, errors)}");
        }
    }

    [Fact]
    public void Documentation_HasSnippetsInTheReadmeAndTheDocs()
    {
        var files = DocumentationFiles.Snippets.Where(s => !s.Ignored).Select(s => s.File).Distinct().ToList();

        files.Should().Contain("README.md");
        files.Count(f => f.StartsWith("docs/", StringComparison.Ordinal)).Should().BeGreaterThanOrEqualTo(5,
            "the docs pages show their API in compiled snippets");
    }

    [Fact]
    public void Documentation_IgnoresFewSnippets()
    {
        // "```csharp ignore" is for a fragment that cannot be a program on its own; most snippets must compile.
        var ignored = DocumentationFiles.Snippets.Where(s => s.Ignored).Select(s => s.Location).ToList();

        ignored.Count.Should().BeLessThanOrEqualTo(DocumentationFiles.Snippets.Count / 10,
            "ignored snippets are not checked: {0}", string.Join(", ", ignored));
    }
}
