namespace AgentMemory.Docs.Tests.Snippets;

/// <summary>The Markdown files whose C# snippets must compile: README.md, docs/*.md and src/*/README.md.</summary>
public static class DocumentationFiles
{
    /// <summary>The repository root: the first directory above the test's output that holds AgentMemory.sln.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>Every snippet of every documentation file, in file order.</summary>
    public static IReadOnlyList<MarkdownSnippet> Snippets { get; } = ReadAll();

    /// <summary>The documentation files, relative to <see cref="Root"/>, with forward slashes.</summary>
    public static IEnumerable<string> Files()
    {
        yield return "README.md";
        foreach (var path in Directory.EnumerateFiles(Path.Combine(Root, "docs"), "*.md").Order(StringComparer.Ordinal))
        {
            yield return Relative(path);
        }

        foreach (var project in Directory.EnumerateDirectories(Path.Combine(Root, "src")).Order(StringComparer.Ordinal))
        {
            var readme = Path.Combine(project, "README.md");
            if (File.Exists(readme))
            {
                yield return Relative(readme);
            }
        }
    }

    private static IReadOnlyList<MarkdownSnippet> ReadAll() =>
        Files().SelectMany(file => MarkdownSnippetReader.Read(file, File.ReadAllText(Path.Combine(Root, file)))).ToList();

    private static string Relative(string path) => Path.GetRelativePath(Root, path).Replace('\\', '/');

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "AgentMemory.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"AgentMemory.sln was not found above {AppContext.BaseDirectory}.");
    }
}
