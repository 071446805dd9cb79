namespace AgentMemory.Vectors;

/// <summary>A bounded min-heap of <see cref="RowScore"/> over caller storage: keeps the best approximate scores, ties by lower row.</summary>
internal static class CandidateHeap
{
    public static float ThresholdOf(ReadOnlySpan<RowScore> heap, int count)
        => count < heap.Length ? float.NegativeInfinity : heap[0].Score;

    public static void Add(Span<RowScore> heap, ref int count, int row, float score)
    {
        var item = new RowScore(row, score);
        if (count < heap.Length)
        {
            heap[count] = item;
            var i = count++;
            while (i > 0)
            {
                var parent = (i - 1) >> 1;
                if (!IsBetter(heap[parent], heap[i]))
                {
                    break;
                }

                (heap[parent], heap[i]) = (heap[i], heap[parent]);
                i = parent;
            }
        }
        else if (heap.Length > 0 && IsBetter(item, heap[0]))
        {
            heap[0] = item;
            SiftDown(heap, count);
        }
    }

    private static bool IsBetter(in RowScore a, in RowScore b)
        => a.Score > b.Score || (a.Score == b.Score && a.Row < b.Row);

    private static void SiftDown(Span<RowScore> heap, int count)
    {
        var i = 0;
        while (true)
        {
            var left = (2 * i) + 1;
            if (left >= count)
            {
                return;
            }

            var worst = left;
            var right = left + 1;
            if (right < count && IsBetter(heap[left], heap[right]))
            {
                worst = right;
            }

            if (!IsBetter(heap[i], heap[worst]))
            {
                return;
            }

            (heap[i], heap[worst]) = (heap[worst], heap[i]);
            i = worst;
        }
    }
}
