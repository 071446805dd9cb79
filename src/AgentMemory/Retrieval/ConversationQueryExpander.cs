using AgentMemory.Lexical;

namespace AgentMemory.Retrieval;

/// <summary>
/// Offline query expansion from the recent conversation: when the query leans on context ("that", "it", "like we
/// discussed", "the same as last time", "again") or is too short to stand alone, the key words of the last few
/// messages become an extra query, so "book the same as last time" also searches for what was just being talked about.
/// </summary>
/// <remarks>
/// Key words are the recent messages' words that are not stop words, longer than two letters, most recent message
/// first, without repeats, at most <see cref="MaxTerms"/>. The extra query is searched with
/// <see cref="RetrievalOptions.ExpansionWeight"/>, so it adds candidates without outranking direct matches.
/// </remarks>
internal sealed class ConversationQueryExpander : IQueryExpander
{
    /// <summary>The most key words an expansion carries.</summary>
    public const int MaxTerms = 16;

    /// <summary>How many recent messages are read.</summary>
    public const int MaxMessages = 4;

    private static readonly string[] CuePhrases =
    [
        "like we discussed", "as we discussed", "we talked about", "we discussed", "you mentioned", "i mentioned", "same as last time",
        "the same as before", "as before", "last time", "like before", "as usual", "the usual", "mentioned earlier", "said earlier",
        "that one", "the one", "do it again", "again",
    ];

    private static readonly HashSet<string> CueWords = new(StringComparer.Ordinal)
    {
        "that", "this", "it", "those", "these", "them", "there", "same", "again", "earlier", "previous", "above",
    };

    private readonly TextAnalyzer _analyzer;

    /// <summary>Creates an expander with the library's text analyzer.</summary>
    public ConversationQueryExpander()
        : this(null)
    {
    }

    /// <summary>Creates an expander with <paramref name="analyzer"/> (default: <see cref="TextAnalyzer.Default"/>).</summary>
    internal ConversationQueryExpander(TextAnalyzer? analyzer) => _analyzer = analyzer ?? TextAnalyzer.Default;

    /// <inheritdoc />
    public Task<IReadOnlyList<string>> ExpandAsync(RecallRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        cancellationToken.ThrowIfCancellationRequested();
        if (request.RecentMessages is not { Count: > 0 } recent || !NeedsContext(request.Query))
        {
            return Task.FromResult<IReadOnlyList<string>>([]);
        }

        var terms = KeyWords(recent, request.Query);
        return Task.FromResult<IReadOnlyList<string>>(terms.Count == 0 ? [] : [string.Join(' ', terms)]);
    }

    /// <summary>Whether <paramref name="query"/> refers to earlier context or is too short to stand alone.</summary>
    public bool NeedsContext(string? query)
    {
        if (string.IsNullOrWhiteSpace(query))
        {
            return true;
        }

        var lower = query.ToLowerInvariant();
        foreach (var cue in CuePhrases)
        {
            if (lower.Contains(cue, StringComparison.Ordinal))
            {
                return true;
            }
        }

        var words = TextAnalyzer.Words(query);
        return words.Exists(CueWords.Contains) || _analyzer.Analyze(query).Count < 3;
    }

    private List<string> KeyWords(IReadOnlyList<ChatMessage> recent, string query)
    {
        var own = new HashSet<string>(_analyzer.Analyze(query), StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var result = new List<string>(MaxTerms);
        for (var i = recent.Count - 1; i >= 0 && i >= recent.Count - MaxMessages && result.Count < MaxTerms; i--)
        {
            var message = recent[i];
            if (message.Role == ChatRole.System || message.Role == ChatRole.Tool || string.IsNullOrWhiteSpace(message.Text))
            {
                continue;
            }

            foreach (var word in TextAnalyzer.Words(message.Text))
            {
                if (word.Length <= 2 || CueWords.Contains(word))
                {
                    continue;
                }

                var terms = _analyzer.Analyze(word);
                if (terms.Count == 0 || own.Contains(terms[0]) || !seen.Add(terms[0]))
                {
                    continue;
                }

                result.Add(word);
                if (result.Count >= MaxTerms)
                {
                    break;
                }
            }
        }

        return result;
    }
}
