namespace AgentMemory.Vectors;

/// <summary>
/// A bounded min-heap over caller-provided storage that keeps the <c>k</c> best matches seen so far. Allocation-free.
/// Ties are broken by id so results are deterministic.
/// </summary>
internal ref struct TopKCollector
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
        => BoundedHeap.Add<VectorMatch, Order>(heap, ref count, new VectorMatch(id, score));

    /// <summary>Sorts the heap best first in place and returns <paramref name="count"/>.</summary>
    internal static int Complete(Span<VectorMatch> heap, int count)
    {
        heap[..count].Sort(static (a, b) => IsBetter(a, b) ? -1 : IsBetter(b, a) ? 1 : 0);
        return count;
    }

    /// <summary>The collector's ranking, <see cref="IsBetter"/>, as a heap order.</summary>
    private readonly struct Order : IHeapOrder<VectorMatch>
    {
        public static bool IsBetter(in VectorMatch a, in VectorMatch b) => TopKCollector.IsBetter(a, b);
    }
}
