using System.Numerics.Tensors;

namespace AgentMemory.Retrieval;

internal sealed partial class HybridRetriever
{
    /// <summary>Applies the diversity mode, then <paramref name="minScore"/> and <paramref name="topK"/>, to hits sorted best first.</summary>
    private List<ScoredCandidate> Diversify(List<ScoredCandidate> sorted, RetrievalOptions o, int topK, double minScore)
    {
        var pool = sorted.Where(s => s.Score >= minScore).ToList();
        if (o.Diversity == DiversityMode.None)
        {
            return pool.Take(topK).ToList();
        }

        var terms = new Dictionary<Guid, HashSet<string>>();
        var selected = new List<ScoredCandidate>(Math.Min(topK, pool.Count));
        if (o.Diversity == DiversityMode.DuplicateThreshold)
        {
            foreach (var candidate in pool)
            {
                if (selected.Count >= topK)
                {
                    break;
                }

                if (!IsDuplicate(candidate, selected, o.DuplicateThreshold, terms))
                {
                    selected.Add(candidate);
                }
            }

            return selected;
        }

        // MMR over a window of the best candidates: relevance normalised by the best score, similarity by cosine/Jaccard.
        var window = pool.Take(Math.Max(topK * 4, 20)).ToList();
        var best = window.Count > 0 ? Math.Max(window[0].Score, double.Epsilon) : 1;
        while (selected.Count < topK && window.Count > 0)
        {
            var pick = -1;
            var pickValue = double.NegativeInfinity;
            for (var i = 0; i < window.Count; i++)
            {
                var maxSim = 0.0;
                foreach (var s in selected)
                {
                    maxSim = Math.Max(maxSim, Similarity(window[i], s, terms));
                }

                var value = (o.MmrLambda * window[i].Score / best) - ((1 - o.MmrLambda) * maxSim);
                if (value > pickValue)
                {
                    pickValue = value;
                    pick = i;
                }
            }

            var chosen = window[pick];
            window.RemoveAt(pick);
            if (!IsDuplicate(chosen, selected, o.DuplicateThreshold, terms))
            {
                selected.Add(chosen);
            }
        }

        return selected;
    }

    private bool IsDuplicate(ScoredCandidate candidate, List<ScoredCandidate> selected, double threshold, Dictionary<Guid, HashSet<string>> terms)
    {
        foreach (var s in selected)
        {
            if (Similarity(candidate, s, terms) >= threshold)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Cosine of the embeddings when both have one of the same length, else Jaccard of the analysed term sets.</summary>
    private double Similarity(ScoredCandidate a, ScoredCandidate b, Dictionary<Guid, HashSet<string>> terms)
    {
        var ea = a.Record.Embedding.Span;
        var eb = b.Record.Embedding.Span;
        if (!ea.IsEmpty && ea.Length == eb.Length)
        {
            return TensorPrimitives.Dot(ea, eb);
        }

        var ta = Terms(a.Record, terms);
        var tb = Terms(b.Record, terms);
        if (ta.Count == 0 || tb.Count == 0)
        {
            return string.Equals(a.Record.Text, b.Record.Text, StringComparison.OrdinalIgnoreCase) ? 1 : 0;
        }

        var common = 0;
        foreach (var t in ta)
        {
            if (tb.Contains(t))
            {
                common++;
            }
        }

        return (double)common / (ta.Count + tb.Count - common);
    }

    private HashSet<string> Terms(MemoryRecord r, Dictionary<Guid, HashSet<string>> cache)
    {
        if (!cache.TryGetValue(r.Id, out var set))
        {
            set = new HashSet<string>(_analyzer.Analyze(r.Text), StringComparer.Ordinal);
            cache[r.Id] = set;
        }

        return set;
    }
}
