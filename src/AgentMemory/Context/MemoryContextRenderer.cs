using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace AgentMemory.Context;

/// <summary>
/// Renders recalled memories into a prompt block fenced as data: a delimited block with a preamble saying memories are
/// information, not instructions; one quoted entry per memory with its provenance (source, speaker, date, kind); anything
/// in a memory that looks like the block's delimiters, a chat-template role marker (<c>&lt;|im_start|&gt;</c>,
/// <c>[INST]</c>), a role prefix ("system:"), a markdown heading or fence, or an XML-ish tag is escaped. The block obeys a
/// token budget counted by an <see cref="ITokenCounter"/>: the lowest-ranked hits are dropped first.
/// </summary>
internal sealed partial class MemoryContextRenderer
{
    private readonly ITokenCounter _tokenCounter;
    private readonly MemoryContextRendererOptions _options;

    /// <summary>Creates a renderer with default options.</summary>
    public MemoryContextRenderer(ITokenCounter tokenCounter)
        : this(tokenCounter, new MemoryContextRendererOptions())
    {
    }

    /// <summary>Creates a renderer.</summary>
    /// <exception cref="ArgumentException">The tag name is not made of letters, digits, '_' or '-'.</exception>
    public MemoryContextRenderer(ITokenCounter tokenCounter, MemoryContextRendererOptions options)
    {
        ArgumentNullException.ThrowIfNull(tokenCounter);
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrEmpty(options.TagName) || !options.TagName.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-'))
        {
            throw new ArgumentException("The tag name must be made of ASCII letters, digits, '_' or '-'.", nameof(options));
        }

        _tokenCounter = tokenCounter;
        _options = options;
    }

    /// <summary>Renders <paramref name="hits"/> (best first) within <paramref name="tokenBudget"/> tokens.</summary>
    /// <returns>The block, the hits it holds, its token count, and how many hits were left out.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="tokenBudget"/> is negative.</exception>
    public MemoryContext Render(IReadOnlyList<MemoryHit> hits, int tokenBudget)
    {
        ArgumentNullException.ThrowIfNull(hits);
        ArgumentOutOfRangeException.ThrowIfNegative(tokenBudget);
        if (hits.Count == 0)
        {
            return MemoryContext.Empty;
        }

        var header = $"<{_options.TagName}>\n{_options.Preamble}\n";
        var footer = $"</{_options.TagName}>";
        var fixedCost = _tokenCounter.CountTokens(header + footer);
        if (fixedCost > tokenBudget)
        {
            return MemoryContext.Empty with { Omitted = hits.Count };
        }

        var lines = new List<string>(hits.Count);
        var used = fixedCost;
        foreach (var hit in hits)
        {
            var line = Entry(lines.Count + 1, hit.Record) + "\n";
            var cost = _tokenCounter.CountTokens(line);
            if (used + cost > tokenBudget)
            {
                break;
            }

            lines.Add(line);
            used += cost;
        }

        // Token counts need not be additive: check the whole block and drop from the bottom until it fits.
        while (lines.Count > 0)
        {
            var text = header + string.Concat(lines) + footer;
            var total = _tokenCounter.CountTokens(text);
            if (total <= tokenBudget)
            {
                return new MemoryContext(text, [.. hits.Take(lines.Count)], total, hits.Count - lines.Count);
            }

            lines.RemoveAt(lines.Count - 1);
        }

        return MemoryContext.Empty with { Omitted = hits.Count };
    }

    private string Entry(int index, MemoryRecord record)
    {
        var sb = new StringBuilder();
        sb.Append(index.ToString(CultureInfo.InvariantCulture)).Append(". [source: ").Append(SourceName(record.Provenance.Source));
        if (!string.IsNullOrWhiteSpace(record.Provenance.Speaker))
        {
            var speaker = record.Provenance.Speaker!;
            speaker = speaker.Length > _options.MaxSpeakerLength ? speaker[.._options.MaxSpeakerLength] : speaker;
            sb.Append(" (").Append(Escape(speaker)).Append(')');
        }

        var date = record.OccurredAt ?? record.CreatedAt;
        if (date != default)
        {
            sb.Append("; ").Append(record.OccurredAt is null ? "recorded: " : "happened: ").Append(date.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }

        if (_options.IncludeKind)
        {
            sb.Append("; kind: ").Append(record.Kind.ToString().ToLowerInvariant());
        }

        return sb.Append("] \"").Append(Escape(record.Kind == MemoryKind.Episodic ? Extraction.SpeakerPrefix.Strip(record) : record.Text)).Append('"').ToString();
    }

    private static string SourceName(MemorySource source) => source switch
    {
        MemorySource.User => "user",
        MemorySource.Assistant => "assistant",
        MemorySource.Tool => "tool result",
        MemorySource.Document => "document",
        MemorySource.System => "application",
        MemorySource.OtherParty => "another participant",
        _ => "unknown",
    };

    /// <summary>
    /// Makes a memory's text inert inside the block: one line, no markup, no fences, and no role markers where a turn could
    /// start (the text's start, a line break, or after sentence punctuation, a quote or a bracket) — "System: …" is
    /// neutralised, "a standing instruction from the user: …" reads as written.
    /// </summary>
    internal static string Escape(string text)
    {
        text = RoleMarker().Replace(text, "$1\uFF1A");
        var sb = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            switch (c)
            {
                case '&': sb.Append("&amp;"); break;
                case '<': sb.Append("&lt;"); break;
                case '>': sb.Append("&gt;"); break;
                case '"': sb.Append("&quot;"); break;
                case '\r' or '\n' or '\t' or '\u2028' or '\u2029': sb.Append(' '); break;
                default:
                    var category = char.GetUnicodeCategory(c);
                    if (category is not (UnicodeCategory.Control or UnicodeCategory.Format))
                    {
                        sb.Append(c);
                    }

                    break;
            }
        }

        var s = InstTag().Replace(sb.ToString(), "($1$2)");
        s = Hashes().Replace(s, m => new string('\uFF03', m.Length));
        s = Fence().Replace(s, m => new string('\'', m.Length));
        return s;
    }

    [GeneratedRegex(@"(?im)(?<=(?:^|[\r\n\u2028\u2029.!?;:,>\]\)\[\(\{\}""'`*|\-\u201C\u201D\u2018\u2019\u00AB\u00BB])[^\S\r\n]*)(system|assistant|user|developer|human|ai|tool|function|model|bot)\s*:")]
    private static partial Regex RoleMarker();

    [GeneratedRegex(@"(?i)\[(/?)(inst|sys|system|user|assistant)\]")]
    private static partial Regex InstTag();

    [GeneratedRegex(@"#{2,}")]
    private static partial Regex Hashes();

    [GeneratedRegex(@"`{3,}|~{3,}")]
    private static partial Regex Fence();
}
