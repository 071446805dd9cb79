namespace AgentMemory.Evaluation;

/// <summary>Accumulates evidence recall@k and MRR over questions.</summary>
internal sealed class RecallMetrics
{
    public static readonly int[] Ks = [1, 5, 10, 25];

    private readonly double[] _recallSums = new double[Ks.Length];
    private double _mrrSum;

    public int Questions { get; private set; }

    /// <summary>Adds one question: the dia_ids of the ranked hits (best first) and the evidence ids.</summary>
    public void Add(IReadOnlyList<string?> ranked, IReadOnlyList<string> evidence)
    {
        Questions++;
        for (var i = 0; i < Ks.Length; i++)
        {
            var top = ranked.Take(Ks[i]).ToHashSet(StringComparer.Ordinal);
            _recallSums[i] += (double)evidence.Count(top.Contains) / evidence.Count;
        }

        // Reciprocal rank of the first evidence turn found (0 when none is in the list).
        for (var r = 0; r < ranked.Count; r++)
        {
            if (ranked[r] is { } id && evidence.Contains(id))
            {
                _mrrSum += 1.0 / (r + 1);
                break;
            }
        }
    }

    public double Recall(int k) => Questions == 0 ? 0 : _recallSums[Array.IndexOf(Ks, k)] / Questions;

    public double Mrr => Questions == 0 ? 0 : _mrrSum / Questions;

    public Dictionary<string, object> ToJson() => new()
    {
        ["questions"] = Questions,
        ["recall@1"] = Math.Round(Recall(1), 4),
        ["recall@5"] = Math.Round(Recall(5), 4),
        ["recall@10"] = Math.Round(Recall(10), 4),
        ["recall@25"] = Math.Round(Recall(25), 4),
        ["mrr"] = Math.Round(Mrr, 4),
    };
}
