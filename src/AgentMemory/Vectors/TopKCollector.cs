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
    public void Add(Guid id, float score)
    {
        if (_heap.Length == 0)
        {
            return;
        }

        var item = new VectorMatch(id, score);
        if (_count < _heap.Length)
        {
            _heap[_count] = item;
            SiftUp(_count++);
        }
        else if (IsBetter(item, _heap[0]))
        {
            _heap[0] = item;
            SiftDown(0);
        }
    }

    /// <summary>Sorts the held matches best first in place and returns how many there are.</summary>
    public int Complete()
    {
        var span = _heap[.._count];
        span.Sort(static (a, b) => IsBetter(a, b) ? -1 : IsBetter(b, a) ? 1 : 0);
        return _count;
    }

    /// <summary>Whether <paramref name="a"/> ranks before <paramref name="b"/>: higher score, then lower id.</summary>
    public static bool IsBetter(in VectorMatch a, in VectorMatch b)
        => a.Score > b.Score || (a.Score == b.Score && a.Id.CompareTo(b.Id) < 0);

    private void SiftUp(int i)
    {
        while (i > 0)
        {
            var parent = (i - 1) >> 1;
            if (!IsBetter(_heap[parent], _heap[i]))
            {
                break;
            }

            (_heap[parent], _heap[i]) = (_heap[i], _heap[parent]);
            i = parent;
        }
    }

    private void SiftDown(int i)
    {
        while (true)
        {
            var left = (2 * i) + 1;
            if (left >= _count)
            {
                return;
            }

            var worst = left;
            var right = left + 1;
            if (right < _count && IsBetter(_heap[left], _heap[right]))
            {
                worst = right;
            }

            if (!IsBetter(_heap[i], _heap[worst]))
            {
                return;
            }

            (_heap[i], _heap[worst]) = (_heap[worst], _heap[i]);
            i = worst;
        }
    }
}
