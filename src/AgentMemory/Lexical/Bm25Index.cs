using System.Buffers;

namespace AgentMemory.Lexical;

/// <summary>
/// An in-memory BM25 inverted index over one partition's documents. A document is a text plus an optional context
/// whose words count at <see cref="LexicalFields.ContextWeight"/> (BM25F: weighted term frequency and length). Not
/// thread-safe: readers may run concurrently with each other, writers need exclusive access.
/// </summary>
/// <remarks>
/// Documents live in dense slots (a freed slot is reused), postings are parallel arrays of slot and weighted term
/// frequency, and a search accumulates into a pooled per-slot score array and keeps the best <c>limit</c> in a bounded
/// heap, so a query costs a few array reads per posting and allocates only its result.
/// </remarks>
internal sealed class Bm25Index
{
    /// <summary>Orders matches worst first: lower score, then (ties) higher id, so the best come out ordered by score, then id.</summary>
    private static readonly Comparer<LexicalMatch> WorstFirst = Comparer<LexicalMatch>.Create(
        static (a, b) => a.Score != b.Score ? a.Score.CompareTo(b.Score) : b.Id.CompareTo(a.Id));

    private readonly TextAnalyzer _analyzer;
    private readonly Dictionary<string, Postings> _postings = new(StringComparer.Ordinal);
    private readonly Dictionary<Guid, int> _slots = [];
    private readonly Stack<int> _free = new();
    private Guid[] _ids = new Guid[16];
    private double[] _lengths = new double[16];
    private string[]?[] _terms = new string[16][];
    private int _slotCount;
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
    public int Count => _slots.Count;

    /// <summary>Adds or replaces a document.</summary>
    public void Upsert(Guid id, string text) => Upsert(id, text, null);

    /// <summary>Adds or replaces a document whose <paramref name="context"/> words count at <see cref="LexicalFields.ContextWeight"/>.</summary>
    public void Upsert(Guid id, string text, string? context)
    {
        Remove(id);
        var frequencies = new Dictionary<string, double>(StringComparer.Ordinal);
        var length = Add(text, 1.0) + (string.IsNullOrEmpty(context) ? 0 : Add(context, LexicalFields.ContextWeight));
        var slot = NewSlot();
        _slots[id] = slot;
        _ids[slot] = id;
        _lengths[slot] = length;
        _terms[slot] = [.. frequencies.Keys];
        _totalLength += length;
        foreach (var (term, tf) in frequencies)
        {
            if (!_postings.TryGetValue(term, out var postings))
            {
                postings = new Postings();
                _postings[term] = postings;
            }

            postings.Add(slot, tf);
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
        if (!_slots.Remove(id, out var slot))
        {
            return false;
        }

        _totalLength -= _lengths[slot];
        foreach (var term in _terms[slot]!)
        {
            if (_postings.TryGetValue(term, out var postings) && postings.Remove(slot) && postings.Count == 0)
            {
                _postings.Remove(term);
            }
        }

        _terms[slot] = null;
        _ids[slot] = Guid.Empty;
        _free.Push(slot);
        return true;
    }

    /// <summary>Removes every document.</summary>
    public void Clear()
    {
        _postings.Clear();
        _slots.Clear();
        _free.Clear();
        Array.Clear(_terms);
        Array.Clear(_ids);
        _slotCount = 0;
        _totalLength = 0;
    }

    /// <summary>The best <paramref name="limit"/> documents for <paramref name="query"/>, best first (ties by id). Any text is a valid query.</summary>
    /// <param name="query">The query text.</param>
    /// <param name="limit">How many results at most.</param>
    /// <param name="include">Which documents may be returned (checked only for those good enough to be); null: all.</param>
    public IReadOnlyList<LexicalMatch> Search(string? query, int limit, Func<Guid, bool>? include = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        if (limit == 0 || _slots.Count == 0)
        {
            return [];
        }

        var (words, phrases) = _analyzer.AnalyzeWithPhrases(query);
        if (words.Count == 0)
        {
            return [];
        }

        var n = _slots.Count;
        var avgLength = Math.Max(1.0, _totalLength / n);
        var scores = ArrayPool<double>.Shared.Rent(_slotCount);
        var touched = ArrayPool<int>.Shared.Rent(_slotCount);
        try
        {
            Array.Clear(scores, 0, _slotCount);
            var touchedCount = 0;
            Accumulate(words, 1.0);
            if (PhraseWeight > 0)
            {
                Accumulate(phrases, PhraseWeight);
            }

            // A min-heap whose root is the worst kept match: a candidate enters only if it beats the root.
            var top = new PriorityQueue<LexicalMatch, LexicalMatch>(Math.Min(limit, touchedCount) + 1, WorstFirst);
            for (var i = 0; i < touchedCount; i++)
            {
                var match = new LexicalMatch(_ids[touched[i]], scores[touched[i]]);
                if ((top.Count < limit || WorstFirst.Compare(top.Peek(), match) < 0) && (include is null || include(match.Id)))
                {
                    if (top.Count < limit)
                    {
                        top.Enqueue(match, match);
                    }
                    else
                    {
                        top.EnqueueDequeue(match, match);
                    }
                }
            }

            var result = new LexicalMatch[top.Count];
            for (var i = result.Length - 1; i >= 0; i--)
            {
                result[i] = top.Dequeue();
            }

            return result;

            void Accumulate(List<string> terms, double weight)
            {
                foreach (var term in terms.Distinct(StringComparer.Ordinal))
                {
                    if (!_postings.TryGetValue(term, out var postings))
                    {
                        continue;
                    }

                    var idf = weight * Math.Log(1 + ((n - postings.Count + 0.5) / (postings.Count + 0.5)));
                    var slots = postings.Slots;
                    var tfs = postings.Frequencies;
                    for (var p = 0; p < postings.Count; p++)
                    {
                        var slot = slots[p];
                        var tf = tfs[p];
                        var norm = K1 * (1 - B + (B * _lengths[slot] / avgLength));
                        var s = idf * (tf * (K1 + 1)) / (tf + norm);
                        if (scores[slot] == 0)
                        {
                            touched[touchedCount++] = slot;
                        }

                        scores[slot] += s;
                    }
                }
            }
        }
        finally
        {
            ArrayPool<int>.Shared.Return(touched);
            ArrayPool<double>.Shared.Return(scores);
        }
    }

    private int NewSlot()
    {
        if (_free.TryPop(out var slot))
        {
            return slot;
        }

        if (_slotCount == _ids.Length)
        {
            var size = _ids.Length * 2;
            Array.Resize(ref _ids, size);
            Array.Resize(ref _lengths, size);
            Array.Resize(ref _terms, size);
        }

        return _slotCount++;
    }

    /// <summary>One term's postings: parallel arrays of document slot and weighted term frequency, unordered.</summary>
    private sealed class Postings
    {
        public int[] Slots { get; private set; } = new int[2];

        public double[] Frequencies { get; private set; } = new double[2];

        public int Count { get; private set; }

        public void Add(int slot, double tf)
        {
            if (Count == Slots.Length)
            {
                var slots = Slots;
                var frequencies = Frequencies;
                Array.Resize(ref slots, Count * 2);
                Array.Resize(ref frequencies, Count * 2);
                Slots = slots;
                Frequencies = frequencies;
            }

            Slots[Count] = slot;
            Frequencies[Count] = tf;
            Count++;
        }

        /// <summary>Removes <paramref name="slot"/> by moving the last posting into its place.</summary>
        public bool Remove(int slot)
        {
            var i = Array.IndexOf(Slots, slot, 0, Count);
            if (i < 0)
            {
                return false;
            }

            Count--;
            Slots[i] = Slots[Count];
            Frequencies[i] = Frequencies[Count];
            return true;
        }
    }
}
