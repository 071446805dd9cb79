using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace AgentMemory.Vectors;

/// <summary>
/// The layout a <see cref="VectorPartition"/> scans: blocks of <see cref="Rows"/> rows, each block element-major (the
/// block's 32 values of element 0, then of element 1, …). Exact mode keeps its float rows this way (an element is one
/// dimension); int8 mode keeps its codes this way (an element is an <see cref="int"/> holding four consecutive codes).
/// A scan reads one sequential stream, loads each query element once per 32 rows instead of once per row and needs no
/// horizontal sums, which is what lets it run at the speed of reading memory (see
/// benchmarks/AgentMemory.Benchmarks/RESULTS.md); a single row is gathered with a stride.
/// </summary>
internal static class BlockedRows
{
    /// <summary>Rows per block: four 256-bit vectors of scores per dimension.</summary>
    public const int Rows = 32;

    /// <summary>The smallest multiple of <see cref="Rows"/> that holds <paramref name="rows"/> rows.</summary>
    public static int RoundUp(int rows) => checked((rows + Rows - 1) / Rows * Rows);

    /// <summary>Writes <paramref name="values"/> as row <paramref name="row"/> of <paramref name="data"/>.</summary>
    public static void Write<T>(Span<T> data, int row, ReadOnlySpan<T> values)
        where T : unmanaged
    {
        var at = Start(row, values.Length);
        for (var d = 0; d < values.Length; d++, at += Rows)
        {
            data[at] = values[d];
        }
    }

    /// <summary>Copies row <paramref name="row"/> of <paramref name="data"/> into <paramref name="destination"/>.</summary>
    public static void Read<T>(ReadOnlySpan<T> data, int row, Span<T> destination)
        where T : unmanaged
    {
        if (destination.IsEmpty)
        {
            return;
        }

        var start = Start(row, destination.Length);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(start + ((destination.Length - 1) * Rows), data.Length, nameof(row));

        // Bounds checked once above; the gather itself is one strided read per element.
        ref var source = ref Unsafe.Add(ref MemoryMarshal.GetReference(data), start);
        ref var target = ref MemoryMarshal.GetReference(destination);
        for (var d = 0; d < destination.Length; d++)
        {
            Unsafe.Add(ref target, d) = Unsafe.Add(ref source, d * Rows);
        }
    }

    /// <summary>Moves row <paramref name="from"/> into row <paramref name="to"/> and zeroes row <paramref name="from"/>.</summary>
    public static void Move<T>(Span<T> data, int from, int to, int dimension)
        where T : unmanaged
    {
        var source = Start(from, dimension);
        var target = Start(to, dimension);
        for (var d = 0; d < dimension; d++, source += Rows, target += Rows)
        {
            data[target] = data[source];
            data[source] = default;
        }
    }

    /// <summary>Zeroes row <paramref name="row"/>.</summary>
    public static void Clear<T>(Span<T> data, int row, int dimension)
        where T : unmanaged
    {
        var at = Start(row, dimension);
        for (var d = 0; d < dimension; d++, at += Rows)
        {
            data[at] = default;
        }
    }

    /// <summary>The floats of block <paramref name="block"/>.</summary>
    public static ReadOnlySpan<T> Block<T>(ReadOnlySpan<T> data, int block, int dimension)
        where T : unmanaged
        => data.Slice(block * Rows * dimension, Rows * dimension);

    private static int Start(int row, int dimension) => ((row / Rows) * Rows * dimension) + (row % Rows);
}
