using AgentMemory.Lexical;

namespace AgentMemory.Retrieval;

/// <summary>Fuses ranked candidate lists into one relevance per memory, remembering each list's contribution.</summary>
internal sealed class FusionAccumulator
{
    private readonly RetrievalOptions _options;
    private readonly Dictionary<Guid, FusedCandidate> _candidates = [];
    private readonly double _vectorWeight;

    public FusionAccumulator(RetrievalOptions options, bool hashingEmbeddings)
    {
        _options = options;
        _vectorWeight = hashingEmbeddings ? options.HashingVectorWeight : options.VectorWeight;
    }

    /// <summary>Adds a search result's two lists with a weight (1 for the query itself), labelled for explanations.</summary>
    /// <param name="result">The store's vector and lexical lists for <paramref name="query"/>.</param>
    /// <param name="query">The text searched; its analyzed terms measure how much of it each lexical match contains.</param>
    /// <param name="weight">The weight of this query's lists (1 for the request's own query).</param>
    /// <param name="label">The prefix of the explanation's component names; null for the query itself.</param>
    public void Add(MemorySearchResult result, string? query, double weight, string? label)
    {
        AddList(result.VectorMatches, weight * _vectorWeight, label is null ? "vector" : label + ".vector", null);
        AddList(result.LexicalMatches, weight * _options.LexicalWeight, label is null ? "lexical" : label + ".lexical", QueryTerms(query));
    }

    /// <summary>
    /// The share of the query's distinct analyzed terms that <paramref name="record"/> contains: 1 for a term in its text,
    /// <see cref="LexicalFields.ContextWeight"/> for a term only in its context. A memory that matches one word of a
    /// five-word question covers 0.2 of it, whatever its rank in the lexical list.
    /// </summary>
    internal static double Coverage(MemoryRecord record, HashSet<string> queryTerms)
    {
        if (queryTerms.Count == 0)
        {
            return 1;
        }

        var text = Terms(record.Text);
        var context = string.IsNullOrEmpty(record.Context) ? null : Terms(record.Context);
        var matched = 0.0;
        foreach (var term in queryTerms)
        {
            if (text.Contains(term))
            {
                matched += 1;
            }
            else if (context is not null && context.Contains(term))
            {
                matched += LexicalFields.ContextWeight;
            }
        }

        return matched / queryTerms.Count;

        static HashSet<string> Terms(string text) => new(TextAnalyzer.Default.Analyze(text), StringComparer.Ordinal);
    }

    private static HashSet<string>? QueryTerms(string? query)
    {
        if (string.IsNullOrWhiteSpace(query))
        {
            return null;
        }

        return new HashSet<string>(TextAnalyzer.Default.Analyze(query), StringComparer.Ordinal);
    }

    /// <summary>The fused candidates; relevance is scaled so a memory ranked first by every list of the query itself scores 1.</summary>
    public List<FusedCandidate> Build(bool vectorSearched)
    {
        var best = (vectorSearched ? _vectorWeight : 0) + _options.LexicalWeight;
        var scale = _options.Fusion == FusionMode.ReciprocalRank ? best / (_options.RrfK + 1) : best;
        var list = new List<FusedCandidate>(_candidates.Count);
        foreach (var c in _candidates.Values)
        {
            c.Scale(scale <= 0 ? 1 : 1 / scale);
            list.Add(c);
        }

        return list;
    }

    /// <summary>Adds one ranked list; <paramref name="queryTerms"/> is null for the vector list (cosine) and the query's analyzed terms for the lexical list.</summary>
    private void AddList(IReadOnlyList<ScoredMemory> matches, double weight, string name, HashSet<string>? queryTerms)
    {
        var cosine = queryTerms is null;
        if (weight <= 0 || matches.Count == 0)
        {
            return;
        }

        double max = double.MinValue, min = double.MaxValue;
        foreach (var m in matches)
        {
            max = Math.Max(max, m.Score);
            min = Math.Min(min, m.Score);
        }

        for (var i = 0; i < matches.Count; i++)
        {
            var m = matches[i];
            if (cosine && m.Score <= _options.MinVectorSimilarity)
            {
                break; // lists are ranked best first
            }

            double contribution;
            if (_options.Fusion == FusionMode.ReciprocalRank)
            {
                contribution = weight / (_options.RrfK + i + 1);
            }
            else
            {
                // Cosine keeps its absolute scale (clamped to [0, 1]). A lexical score is divided by the list's best and
                // then scaled by how much of the query the memory contains, so a one-word match of a long question is not
                // scored as a perfect hit (BM25 rank alone says nothing about that) and the vector list carries recall
                // when lexical evidence is thin.
                contribution = weight * (cosine ? Math.Clamp(m.Score, 0, 1) : LexicalScore(m, max, queryTerms!));
            }

            if (!_candidates.TryGetValue(m.Record.Id, out var c))
            {
                c = new FusedCandidate(m.Record);
                _candidates[m.Record.Id] = c;
            }

            c.Add(name, m.Score, contribution);
        }
    }

    private double LexicalScore(ScoredMemory m, double max, HashSet<string> queryTerms)
    {
        var relative = max > 0 ? Math.Max(0, m.Score) / max : 0;
        var share = _options.LexicalCoverageWeight;
        return share <= 0 || relative == 0 ? relative : relative * ((1 - share) + (share * Coverage(m.Record, queryTerms)));
    }
}
