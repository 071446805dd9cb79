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
    public void Add(MemorySearchResult result, double weight, string? label)
    {
        AddList(result.VectorMatches, weight * _vectorWeight, label is null ? "vector" : label + ".vector", cosine: true);
        AddList(result.LexicalMatches, weight * _options.LexicalWeight, label is null ? "lexical" : label + ".lexical", cosine: false);
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

    private void AddList(IReadOnlyList<ScoredMemory> matches, double weight, string name, bool cosine)
    {
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
                // Cosine keeps its absolute scale (clamped to [0, 1]); lexical scores are divided by the list's best.
                var normalised = cosine ? Math.Clamp(m.Score, 0, 1) : (max > 0 ? Math.Max(0, m.Score) / max : 0);
                contribution = weight * normalised;
            }

            if (!_candidates.TryGetValue(m.Record.Id, out var c))
            {
                c = new FusedCandidate(m.Record);
                _candidates[m.Record.Id] = c;
            }

            c.Add(name, m.Score, contribution);
        }
    }
}
