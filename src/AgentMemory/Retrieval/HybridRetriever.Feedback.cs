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
        var inPool = new Dictionary<string, int>(StringComparer.Ordinal);
        var pool = 0;
        foreach (var match in result.LexicalMatches.Concat(result.VectorMatches).DistinctBy(m => m.Record.Id))
        {
            pool++;
            foreach (var term in analyzer.Analyze(match.Record.Text).Distinct(StringComparer.Ordinal))
            {
                inPool[term] = inPool.GetValueOrDefault(term) + 1;
            }
        }

        // Each term's first surface word in the best memories, so the second search analyzes what a user would have typed.
        var inBest = new Dictionary<string, (int Count, string Word)>(StringComparer.Ordinal);
        foreach (var record in best)
        {
            var counted = new HashSet<string>(StringComparer.Ordinal);
            foreach (var word in TextAnalyzer.Words(record.Text))
            {
                var terms = analyzer.Analyze(word);
                if (terms.Count != 1 || queryTerms.Contains(terms[0]) || !counted.Add(terms[0]) || !word.Any(char.IsLetter))
                {
                    continue;
                }

                var count = inBest.TryGetValue(terms[0], out var entry) ? entry.Count + 1 : 1;
                inBest[terms[0]] = (count, entry.Word ?? word);
            }
        }

        var chosen = inBest
            .Where(t => t.Value.Count >= 2)
            .Select(t => (t.Value.Word, Lift: (double)t.Value.Count / best.Count - (double)inPool.GetValueOrDefault(t.Key) / pool))
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
}
