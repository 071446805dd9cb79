namespace AgentMemory.Vectors;

/// <summary>The ranking a <see cref="BoundedHeap"/> keeps: whether one item ranks before another.</summary>
/// <typeparam name="T">The item type.</typeparam>
internal interface IHeapOrder<T>
{
    /// <summary>Whether <paramref name="a"/> ranks before <paramref name="b"/>.</summary>
    static abstract bool IsBetter(in T a, in T b);
}
