using AgentMemory.Lexical;

namespace AgentMemory.Retrieval;

internal sealed partial class HybridRetriever
{
    /// <summary>
    /// The query of the pseudo-relevance feedback search: the query followed by the words that the first search's best
    /// memories (the top <see cref="RetrievalOptions.FeedbackDocuments"/> of each list) share and its other candidates lack,
    /// at most <see cref="RetrievalOptions.FeedbackTerms"/>; null when no word qualifies. A word qualifies when at least two
    /// of the best memories contain it, the query does not, and it is more common among the best than among all candidates
    /// (so a name every memory of the scope carries, such as a speaker's, is not one).
    /// </summary>
    internal static string? FeedbackQuery(MemorySearchResult result, string query, RetrievalOptions options)
    {
        var best = new List<MemoryRecord>(options.FeedbackDocuments * 2);
        var seen = new HashSet<Guid>();
        for (var rank = 0; rank < options.FeedbackDocuments; rank++)
        {
            Take(result.LexicalMatches, rank);
            Take(result.VectorMatches, rank);
        }

        if (best.Count < 2)
        {
            return null;
        }

        var analyzer = TextAnalyzer.Default;
        var queryTerms = new HashSet<string>(analyzer.Analyze(query), StringComparer.Ordinal);

        // Each term's count among the best memories and its first surface word there, so the second search analyzes what
        // a user would have typed.
        var inBest = new Dictionary<string, (int Count, string Word)>(StringComparer.Ordinal);
        var counted = new HashSet<string>(StringComparer.Ordinal);
        foreach (var record in best)
        {
            counted.Clear();
            foreach (var word in TextAnalyzer.Words(record.Text))
            {
                if (TermOf(analyzer, word) is not { } term || queryTerms.Contains(term) || !counted.Add(term) || !word.Any(char.IsLetter))
                {
                    continue;
                }

                inBest[term] = inBest.TryGetValue(term, out var entry) ? (entry.Count + 1, entry.Word) : (1, word);
            }
        }

        var shared = inBest.Where(t => t.Value.Count >= 2).ToDictionary(t => t.Key, t => t.Value, StringComparer.Ordinal);
        if (shared.Count == 0)
        {
            return null;
        }

        // Stemming changes only a word's ending, so a word can yield a shared term only if it starts as one does: the
        // other words of the candidates are never stemmed.
        var starts = shared.Keys.Select(Start).Distinct(StringComparer.Ordinal).ToArray();
        var inPool = new Dictionary<string, int>(StringComparer.Ordinal);
        var pool = 0;
        foreach (var match in result.LexicalMatches.Concat(result.VectorMatches).DistinctBy(m => m.Record.Id))
        {
            pool++;
            counted.Clear();
            foreach (var word in TextAnalyzer.Words(match.Record.Text))
            {
                if (StartsLikeOneOf(word, starts) && TermOf(analyzer, word) is { } term && shared.ContainsKey(term) && counted.Add(term))
                {
                    inPool[term] = inPool.GetValueOrDefault(term) + 1;
                }
            }
        }

        var chosen = shared
            .Select(t => (t.Value.Word, Lift: ((double)t.Value.Count / best.Count) - ((double)inPool.GetValueOrDefault(t.Key) / pool)))
            .Where(t => t.Lift > 0)
            .OrderByDescending(t => t.Lift)
            .ThenBy(t => t.Word, StringComparer.Ordinal)
            .Take(options.FeedbackTerms)
            .Select(t => t.Word)
            .ToList();
        return chosen.Count == 0 ? null : query + " " + string.Join(' ', chosen);

        void Take(IReadOnlyList<ScoredMemory> list, int rank)
        {
            if (rank < list.Count && seen.Add(list[rank].Record.Id))
            {
                best.Add(list[rank].Record);
            }
        }
    }

    private const int StartLength = 3;

    private static string Start(string term) => term.Length <= StartLength ? term : term[..StartLength];

    private static bool StartsLikeOneOf(string word, string[] starts)
    {
        var head = word.AsSpan(0, Math.Min(word.Length, StartLength));
        foreach (var start in starts)
        {
            if (head.SequenceEqual(start))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The term of one of <see cref="TextAnalyzer.Words"/>' words (already folded): its stem, or null for a stop word.</summary>
    private static string? TermOf(TextAnalyzer analyzer, string word) => analyzer.IsStopWord(word) ? null : TextAnalyzer.Stem(word);
}
