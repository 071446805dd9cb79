namespace AgentMemory.Vectors;

/// <summary>A bounded min-heap of <see cref="RowScore"/> over caller storage: keeps the best approximate scores, ties by lower row.</summary>
internal static class CandidateHeap
{
    public static float ThresholdOf(ReadOnlySpan<RowScore> heap, int count)
        => count < heap.Length ? float.NegativeInfinity : heap[0].Score;

    public static void Add(Span<RowScore> heap, ref int count, int row, float score)
        => BoundedHeap.Add<RowScore, Order>(heap, ref count, new RowScore(row, score));

    /// <summary>Higher score first, then lower row.</summary>
    private readonly struct Order : IHeapOrder<RowScore>
    {
        public static bool IsBetter(in RowScore a, in RowScore b)
            => a.Score > b.Score || (a.Score == b.Score && a.Row < b.Row);
    }
}
