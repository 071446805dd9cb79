using System.Runtime.CompilerServices;

namespace AgentMemory.Vectors;

/// <summary>
/// Allocates a partition's large arrays with every page written once, in order, at allocation time (as a C++
/// <c>std::vector</c> does by zero-filling). The runtime's large arrays otherwise receive their physical pages on first
/// write, and a partition writes its float rows, codes and ids interleaved row by row, so each array would end up on
/// pages scattered among the others': a sequential scan of such an array measured about 8% slower than of one
/// written in order (see benchmarks/AgentMemory.Benchmarks/RESULTS.md).
/// </summary>
internal static class PrefaultedArray
{
    private const int PageBytes = 4_096;

    /// <summary>A zeroed array of <paramref name="length"/> elements whose pages are all present.</summary>
    public static T[] Allocate<T>(long length)
        where T : unmanaged
    {
        var array = new T[length];
        Touch(array, 0);
        return array;
    }

    /// <summary>Replaces <paramref name="array"/> by a longer copy whose pages are all present.</summary>
    public static void Grow<T>(ref T[] array, long length)
        where T : unmanaged
    {
        var grown = new T[length];
        array.AsSpan().CopyTo(grown);
        Touch(grown, array.LongLength);
        array = grown;
    }

    private static void Touch<T>(T[] array, long from)
        where T : unmanaged
    {
        var step = Math.Max(1, PageBytes / Unsafe.SizeOf<T>());
        for (var i = from; i < array.LongLength; i += step)
        {
            array[i] = default;
        }
    }
}
