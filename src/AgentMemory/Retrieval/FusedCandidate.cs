namespace AgentMemory.Retrieval;

/// <summary>A memory and the contributions the candidate lists made to its relevance.</summary>
internal sealed class FusedCandidate
{
    private readonly List<ScoreComponent> _parts = new(4);

    public FusedCandidate(MemoryRecord record) => Record = record;

    public MemoryRecord Record { get; }

    /// <summary>The fused relevance (after <see cref="Scale"/>, 1 = first in every list of the query itself).</summary>
    public double Relevance { get; private set; }

    /// <summary>Each list's part: the raw score from the store and the share of relevance it gave.</summary>
    public IReadOnlyList<ScoreComponent> Parts => _parts;

    public void Add(string name, double rawScore, double contribution)
    {
        // A memory found by several expansions keeps its best contribution per list name.
        for (var i = 0; i < _parts.Count; i++)
        {
            if (_parts[i].Name == name)
            {
                if (contribution > _parts[i].Weight)
                {
                    Relevance += contribution - _parts[i].Weight;
                    _parts[i] = new ScoreComponent(name, rawScore, contribution);
                }

                return;
            }
        }

        _parts.Add(new ScoreComponent(name, rawScore, contribution));
        Relevance += contribution;
    }

    public void Scale(double factor)
    {
        Relevance *= factor;
        for (var i = 0; i < _parts.Count; i++)
        {
            _parts[i] = _parts[i] with { Weight = _parts[i].Weight * factor };
        }
    }
}
