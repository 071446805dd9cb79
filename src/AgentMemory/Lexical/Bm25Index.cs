namespace AgentMemory.Lexical;

/// <summary>
/// An in-memory BM25 inverted index over one partition's documents. A document is a text plus an optional context
/// whose words count at <see cref="LexicalFields.ContextWeight"/> (BM25F: weighted term frequency and length). Not
/// thread-safe: readers may run concurrently with each other, writers need exclusive access.
/// </summary>
public sealed class Bm25Index
{
    private readonly TextAnalyzer _analyzer;
    private readonly Dictionary<string, Dictionary<Guid, double>> _postings = new(StringComparer.Ordinal);
    private readonly Dictionary<Guid, Document> _documents = [];
    private double _totalLength;

    /// <summary>Creates an index using <paramref name="analyzer"/> (default: <see cref="TextAnalyzer.Default"/>).</summary>
    public Bm25Index(TextAnalyzer? analyzer = null, double k1 = 1.2, double b = 0.75)
        : this(analyzer, k1, b, DefaultPhraseWeight)
    {
    }

    /// <summary>Creates an index that also scores adjacent-term phrases ("support group") at <paramref name="phraseWeight"/> of a word's weight (0: no phrases).</summary>
    public Bm25Index(TextAnalyzer? analyzer, double k1, double b, double phraseWeight)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(phraseWeight);
        _analyzer = analyzer ?? TextAnalyzer.Default;
        K1 = k1;
        B = b;
        PhraseWeight = phraseWeight;
    }

    /// <summary>The default weight of a phrase match relative to a word match.</summary>
    public const double DefaultPhraseWeight = 0.5;

    /// <summary>How much a matching adjacent-term phrase counts relative to a word (0: phrases are not indexed).</summary>
    public double PhraseWeight { get; }

    /// <summary>BM25's term-frequency saturation.</summary>
    public double K1 { get; }

    /// <summary>BM25's length normalisation.</summary>
    public double B { get; }

    /// <summary>How many documents are indexed.</summary>
    public int Count => _documents.Count;

    /// <summary>Adds or replaces a document.</summary>
    public void Upsert(Guid id, string text) => Upsert(id, text, null);

    /// <summary>Adds or replaces a document whose <paramref name="context"/> words count at <see cref="LexicalFields.ContextWeight"/>.</summary>
    public void Upsert(Guid id, string text, string? context)
    {
        Remove(id);
        var frequencies = new Dictionary<string, double>(StringComparer.Ordinal);
        var length = Add(text, 1.0) + (string.IsNullOrEmpty(context) ? 0 : Add(context, LexicalFields.ContextWeight));
        _documents[id] = new Document([.. frequencies.Keys], length);
        _totalLength += length;
        foreach (var (term, tf) in frequencies)
        {
            if (!_postings.TryGetValue(term, out var docs))
            {
                docs = [];
                _postings[term] = docs;
            }

            docs[id] = tf;
        }

        double Add(string field, double weight)
        {
            var (terms, phrases) = _analyzer.AnalyzeWithPhrases(field);
            foreach (var term in PhraseWeight > 0 ? terms.Concat(phrases) : terms)
            {
                frequencies[term] = frequencies.GetValueOrDefault(term) + weight;
            }

            return terms.Count * weight;
        }
    }

    /// <summary>Removes a document.</summary>
    public bool Remove(Guid id)
    {
        if (!_documents.Remove(id, out var document))
        {
            return false;
        }

        _totalLength -= document.Length;
        foreach (var term in document.Terms)
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

        var (words, phrases) = _analyzer.AnalyzeWithPhrases(query);
        var queryTerms = words.Distinct().Select(t => (Term: t, Weight: 1.0))
            .Concat(PhraseWeight > 0 ? phrases.Distinct().Select(p => (Term: p, Weight: PhraseWeight)) : [])
            .ToArray();
        if (queryTerms.Length == 0)
        {
            return [];
        }

        var n = _documents.Count;
        var avgLength = Math.Max(1.0, (double)_totalLength / n);
        var scores = new Dictionary<Guid, double>();
        foreach (var (term, weight) in queryTerms)
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
                var score = weight * idf * (tf * (K1 + 1)) / (tf + (K1 * (1 - B + (B * length / avgLength))));
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

    private readonly record struct Document(string[] Terms, double Length);
}
