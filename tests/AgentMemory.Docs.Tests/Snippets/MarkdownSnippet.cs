namespace AgentMemory.Docs.Tests.Snippets;

/// <summary>One fenced <c>```csharp</c> block of a Markdown file.</summary>
/// <param name="File">The file's path relative to the repository root, with forward slashes.</param>
/// <param name="Line">The 1-based line of the block's first code line.</param>
/// <param name="Code">The code between the fences.</param>
/// <param name="Ignored">True when the fence says <c>```csharp ignore</c>: the block is not compiled.</param>
public sealed record MarkdownSnippet(string File, int Line, string Code, bool Ignored)
{
    /// <summary>Where the block is, as <c>file:line</c>.</summary>
    public string Location => $"{File}:{Line}";
}
