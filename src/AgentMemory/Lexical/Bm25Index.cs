namespace AgentMemory.Lexical;

/// <summary>
/// An in-memory BM25 inverted index over one partition's documents. Not thread-safe: readers may run concurrently
/// with each other, writers need exclusive access.
/// </summary>
public sealed class Bm25Index
{
    private readonly TextAnalyzer _analyzer;
    private readonly Dictionary<string, Dictionary<Guid, int>> _postings = new(StringComparer.Ordinal);
    private readonly Dictionary<Guid, string[]> _documents = [];
    private long _totalLength;

    /// <summary>Creates an index using <paramref name="analyzer"/> (default: <see cref="TextAnalyzer.Default"/>).</summary>
    public Bm25Index(TextAnalyzer? analyzer = null, double k1 = 1.2, double b = 0.75)
    {
        _analyzer = analyzer ?? TextAnalyzer.Default;
        K1 = k1;
        B = b;
    }

    /// <summary>BM25's term-frequency saturation.</summary>
    public double K1 { get; }

    /// <summary>BM25's length normalisation.</summary>
    public double B { get; }

    /// <summary>How many documents are indexed.</summary>
    public int Count => _documents.Count;

    /// <summary>Adds or replaces a document.</summary>
    public void Upsert(Guid id, string text)
    {
        Remove(id);
        var terms = _analyzer.Analyze(text).ToArray();
        _documents[id] = terms;
        _totalLength += terms.Length;
        foreach (var term in terms)
        {
            if (!_postings.TryGetValue(term, out var docs))
            {
                docs = [];
                _postings[term] = docs;
            }

            docs[id] = docs.TryGetValue(id, out var tf) ? tf + 1 : 1;
        }
    }

    /// <summary>Removes a document.</summary>
    public bool Remove(Guid id)
    {
        if (!_documents.Remove(id, out var terms))
        {
            return false;
        }

        _totalLength -= terms.Length;
        foreach (var term in terms.Distinct())
        {
            if (_postings.TryGetValue(term, out var docs))
            {
                docs.Remove(id);
                if (docs.Count == 0)
                {
                    _postings.Remove(term);
                }
            }
        }

        return true;
    }

    /// <summary>Removes every document.</summary>
    public void Clear()
    {
        _postings.Clear();
        _documents.Clear();
        _totalLength = 0;
    }

    /// <summary>The best <paramref name="limit"/> documents for <paramref name="query"/>, best first. Any text is a valid query.</summary>
    public IReadOnlyList<LexicalMatch> Search(string? query, int limit, Func<Guid, bool>? include = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        if (limit == 0 || _documents.Count == 0)
        {
            return [];
        }

        var queryTerms = _analyzer.Analyze(query).Distinct().ToArray();
        if (queryTerms.Length == 0)
        {
            return [];
        }

        var n = _documents.Count;
        var avgLength = Math.Max(1.0, (double)_totalLength / n);
        var scores = new Dictionary<Guid, double>();
        foreach (var term in queryTerms)
        {
            if (!_postings.TryGetValue(term, out var docs))
            {
                continue;
            }

            var idf = Math.Log(1 + ((n - docs.Count + 0.5) / (docs.Count + 0.5)));
            foreach (var (id, tf) in docs)
            {
                if (include is not null && !include(id))
                {
                    continue;
                }

                var length = _documents[id].Length;
                var score = idf * (tf * (K1 + 1)) / (tf + (K1 * (1 - B + (B * length / avgLength))));
                scores[id] = scores.TryGetValue(id, out var s) ? s + score : score;
            }
        }

        return scores
            .OrderByDescending(p => p.Value)
            .ThenBy(p => p.Key)
            .Take(limit)
            .Select(p => new LexicalMatch(p.Key, p.Value))
            .ToList();
    }
}
