namespace AgentMemory.Vectors;

/// <summary>
/// A bounded min-heap over caller-provided storage that keeps the <c>k</c> best matches seen so far. Allocation-free.
/// Ties are broken by id so results are deterministic.
/// </summary>
public ref struct TopKCollector
{
    private readonly Span<VectorMatch> _heap;
    private int _count;

    /// <summary>Creates a collector that keeps at most <paramref name="storage"/>.Length matches.</summary>
    public TopKCollector(Span<VectorMatch> storage)
    {
        _heap = storage;
        _count = 0;
    }

    /// <summary>How many matches are held.</summary>
    public readonly int Count => _count;

    /// <summary>The lowest score held once full; below it a candidate cannot enter.</summary>
    public readonly float Threshold => _count < _heap.Length ? float.NegativeInfinity : _heap[0].Score;

    /// <summary>Offers a candidate.</summary>
    public void Add(Guid id, float score) => Add(_heap, ref _count, id, score);

    /// <summary>Sorts the held matches best first in place and returns how many there are.</summary>
    public int Complete() => Complete(_heap, _count);

    /// <summary>Whether <paramref name="a"/> ranks before <paramref name="b"/>: higher score, then lower id.</summary>
    public static bool IsBetter(in VectorMatch a, in VectorMatch b)
        => a.Score > b.Score || (a.Score == b.Score && a.Id.CompareTo(b.Id) < 0);

    /// <summary>The lowest score held in a heap of <paramref name="count"/> items, or -∞ while it is not full.</summary>
    internal static float ThresholdOf(ReadOnlySpan<VectorMatch> heap, int count)
        => count < heap.Length ? float.NegativeInfinity : heap[0].Score;

    /// <summary>Offers a candidate to the heap held in <paramref name="heap"/>[..<paramref name="count"/>].</summary>
    internal static void Add(Span<VectorMatch> heap, ref int count, Guid id, float score)
    {
        if (heap.Length == 0)
        {
            return;
        }

        var item = new VectorMatch(id, score);
        if (count < heap.Length)
        {
            heap[count] = item;
            SiftUp(heap, count++);
        }
        else if (IsBetter(item, heap[0]))
        {
            heap[0] = item;
            SiftDown(heap, 0, count);
        }
    }

    /// <summary>Sorts the heap best first in place and returns <paramref name="count"/>.</summary>
    internal static int Complete(Span<VectorMatch> heap, int count)
    {
        heap[..count].Sort(static (a, b) => IsBetter(a, b) ? -1 : IsBetter(b, a) ? 1 : 0);
        return count;
    }

    private static void SiftUp(Span<VectorMatch> heap, int i)
    {
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

    private static void SiftDown(Span<VectorMatch> heap, int i, int count)
    {
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
