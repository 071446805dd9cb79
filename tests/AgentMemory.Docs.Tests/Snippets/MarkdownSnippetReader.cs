namespace AgentMemory.Docs.Tests.Snippets;

/// <summary>
/// Finds the <c>```csharp</c> blocks of Markdown text. A block whose fence reads <c>```csharp ignore</c> is returned
/// with <see cref="MarkdownSnippet.Ignored"/> set: the convention for a fragment that is intentionally not a program
/// (use sparingly; say next to it why).
/// </summary>
public static class MarkdownSnippetReader
{
    /// <summary>Reads the C# blocks of <paramref name="markdown"/>, which came from <paramref name="file"/>.</summary>
    public static IReadOnlyList<MarkdownSnippet> Read(string file, string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        var lines = markdown.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var snippets = new List<MarkdownSnippet>();
        for (var i = 0; i < lines.Length; i++)
        {
            var fence = lines[i].Trim();
            if (!fence.StartsWith("```", StringComparison.Ordinal))
            {
                continue;
            }

            var info = fence[3..].Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var isCSharp = info.Length > 0 && info[0] is "csharp" or "cs" or "c#";
            var start = i + 1;
            var end = start;
            while (end < lines.Length && !lines[end].Trim().StartsWith("```", StringComparison.Ordinal))
            {
                end++;
            }

            if (end == lines.Length)
            {
                throw new InvalidOperationException($"{file}:{i + 1}: a code fence is never closed.");
            }

            if (isCSharp)
            {
                var code = string.Join('\n', lines[start..end]);
                snippets.Add(new MarkdownSnippet(file, start + 1, code, info.Contains("ignore")));
            }

            i = end;
        }

        return snippets;
    }
}
