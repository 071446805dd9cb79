namespace AgentMemory.Docs.Tests.Snippets;

public sealed class MarkdownSnippetReaderTests
{
    [Fact]
    public void Read_CSharpFences_ReturnsCodeWithItsFirstLine()
    {
        const string markdown = "# Title\n\n```csharp\nvar a = 1;\nvar b = 2;\n```\n\ntext\n```cs\nvar c = 3;\n```\n";

        var snippets = MarkdownSnippetReader.Read("docs/a.md", markdown);

        snippets.Should().HaveCount(2);
        snippets[0].Should().Be(new MarkdownSnippet("docs/a.md", 4, "var a = 1;\nvar b = 2;", Ignored: false));
        snippets[1].Line.Should().Be(10);
    }

    [Fact]
    public void Read_IgnoreMarker_MarksTheSnippetIgnored()
    {
        var snippets = MarkdownSnippetReader.Read("a.md", "```csharp ignore\n.UseSqlite(\n```\n");

        snippets.Should().ContainSingle().Which.Ignored.Should().BeTrue();
    }

    [Fact]
    public void Read_OtherLanguages_AreSkippedEvenWhenTheyContainFences()
    {
        const string markdown = "```bash\ndotnet test\n```\n```json\n{ }\n```\n```\nplain\n```\n";

        MarkdownSnippetReader.Read("a.md", markdown).Should().BeEmpty();
    }

    [Fact]
    public void Read_UnclosedFence_ThrowsWithTheLocation()
    {
        var read = () => MarkdownSnippetReader.Read("a.md", "text\n```csharp\nvar a = 1;\n");

        read.Should().Throw<InvalidOperationException>().WithMessage("a.md:2:*");
    }
}
