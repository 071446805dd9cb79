namespace AgentMemory.Docs.Tests.Snippets;

public sealed class SnippetCompilerTests
{
    private static readonly SnippetCompiler Compiler = new();

    [Fact]
    public void Compile_CurrentApi_ReportsNothing()
    {
        var snippet = new MarkdownSnippet("docs/x.md", 10, """
            services.AddAgentMemory().UseSqlite("Data Source=memory.db");
            var context = await memory.BuildContextAsync(new RecallRequest { Scope = scope, Query = userTurn });
            Console.WriteLine(context.Text);
            """, Ignored: false);

        Compiler.Compile(snippet).Should().BeEmpty();
    }

    [Fact]
    public void Compile_BrokenSnippet_ReportsFileMarkdownLineAndDiagnostic()
    {
        var snippet = new MarkdownSnippet("docs/x.md", 10, """
            var scope = MemoryScope.ForUser("acme", "alice");
            await memory.RememberEverythingAsync(scope);
            """, Ignored: false);

        var errors = Compiler.Compile(snippet);

        errors.Should().ContainSingle().Which.Should().StartWith("docs/x.md:11: CS1061:")
            .And.Contain("RememberEverythingAsync");
    }

    [Fact]
    public void Compile_SyntaxError_IsReported()
    {
        var snippet = new MarkdownSnippet("README.md", 3, "services.AddAgentMemory(", Ignored: false);

        Compiler.Compile(snippet).Should().NotBeEmpty().And.OnlyContain(e => e.StartsWith("README.md:3: CS", StringComparison.Ordinal));
    }

    [Fact]
    public void Compile_TypeDeclarationsOnly_CompilesAsLibrary()
    {
        var snippet = new MarkdownSnippet("docs/x.md", 1, """
            public sealed record UserProfile(string Name, string City);
            """, Ignored: false);

        Compiler.Compile(snippet).Should().BeEmpty();
    }

    [Fact]
    public void Compile_LocalNamedLikeAnAmbient_HidesIt()
    {
        var snippet = new MarkdownSnippet("docs/x.md", 1, """
            var memory = provider.GetRequiredService<IAgentMemory>();
            var scope = MemoryScope.ForUser("acme", "alice");
            await memory.FlushAsync();
            """, Ignored: false);

        Compiler.Compile(snippet).Should().BeEmpty();
    }

    [Fact]
    public void Compile_NamespaceWithoutUsing_IsAnError()
    {
        var snippet = new MarkdownSnippet("docs/x.md", 1, "var options = new VectorPartitionOptions();", Ignored: false);

        Compiler.Compile(snippet).Should().ContainSingle().Which.Should().Contain("CS0246");
    }
}
