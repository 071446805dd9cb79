namespace AgentMemory.Vectors;

/// <summary>
/// A bounded min-heap over caller storage that keeps the best items seen: the root is the worst item kept, so a new
/// item enters only if it beats the root. Allocation-free; the order is a struct type parameter, so each use is
/// compiled for its own comparison.
/// </summary>
internal static class BoundedHeap
{
    /// <summary>Offers <paramref name="item"/> to the heap held in <paramref name="heap"/>[..<paramref name="count"/>].</summary>
    public static void Add<T, TOrder>(Span<T> heap, ref int count, in T item)
        where TOrder : struct, IHeapOrder<T>
    {
        if (heap.Length == 0)
        {
            return;
        }

        if (count < heap.Length)
        {
            heap[count] = item;
            SiftUp<T, TOrder>(heap, count++);
        }
        else if (TOrder.IsBetter(item, heap[0]))
        {
            heap[0] = item;
            SiftDown<T, TOrder>(heap, count);
        }
    }

    private static void SiftUp<T, TOrder>(Span<T> heap, int i)
        where TOrder : struct, IHeapOrder<T>
    {
        while (i > 0)
        {
            var parent = (i - 1) >> 1;
            if (!TOrder.IsBetter(heap[parent], heap[i]))
            {
                break;
            }

            (heap[parent], heap[i]) = (heap[i], heap[parent]);
            i = parent;
        }
    }

    private static void SiftDown<T, TOrder>(Span<T> heap, int count)
        where TOrder : struct, IHeapOrder<T>
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
            if (right < count && TOrder.IsBetter(heap[left], heap[right]))
            {
                worst = right;
            }

            if (!TOrder.IsBetter(heap[i], heap[worst]))
            {
                return;
            }

            (heap[i], heap[worst]) = (heap[worst], heap[i]);
            i = worst;
        }
    }
}
