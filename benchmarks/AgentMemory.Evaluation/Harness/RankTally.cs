namespace AgentMemory.Evaluation.Harness;

/// <summary>Accumulates, over questions, where the first correct hit ranked: top-1, top-3, MRR (over the hits returned) and empty results.</summary>
internal sealed class RankTally
{
    private int _top1;
    private int _top3;
    private double _reciprocalRanks;

    public int Questions { get; private set; }

    public int Empty { get; private set; }

    /// <summary>Adds one question: the 0-based rank of the first correct hit (-1 when none) and how many hits came back.</summary>
    public void Add(int rank, int hitCount)
    {
        Questions++;
        if (hitCount == 0)
        {
            Empty++;
        }

        if (rank < 0)
        {
            return;
        }

        _top1 += rank == 0 ? 1 : 0;
        _top3 += rank < 3 ? 1 : 0;
        _reciprocalRanks += 1.0 / (rank + 1);
    }

    public double Top1 => Share(_top1);

    public double Top3 => Share(_top3);

    public double Mrr => Questions == 0 ? 0 : _reciprocalRanks / Questions;

    public double EmptyShare => Share(Empty);

    public Dictionary<string, object> ToJson() => new()
    {
        ["questions"] = Questions,
        ["top1"] = Math.Round(Top1, 4),
        ["top3"] = Math.Round(Top3, 4),
        ["mrr"] = Math.Round(Mrr, 4),
        ["empty"] = Empty,
    };

    private double Share(int count) => Questions == 0 ? 0 : (double)count / Questions;
}
