namespace AgentMemory.Vectors;

/// <summary>
/// The exact-mode layout of a <see cref="VectorPartition"/>'s float rows: blocks of <see cref="Rows"/> rows, each block
/// dimension-major (the block's 32 values of dimension 0, then of dimension 1, …). A scan reads one sequential stream
/// and loads each query value once per 32 rows instead of once per row, which is what lets it run at the speed of
/// reading memory (see benchmarks/AgentMemory.Benchmarks/RESULTS.md); a single row is gathered with a stride.
/// </summary>
internal static class BlockedRows
{
    /// <summary>Rows per block: four 256-bit vectors of scores per dimension.</summary>
    public const int Rows = 32;

    /// <summary>The smallest multiple of <see cref="Rows"/> that holds <paramref name="rows"/> rows.</summary>
    public static int RoundUp(int rows) => checked((rows + Rows - 1) / Rows * Rows);

    /// <summary>Writes <paramref name="values"/> as row <paramref name="row"/> of <paramref name="data"/>.</summary>
    public static void Write(Span<float> data, int row, ReadOnlySpan<float> values)
    {
        var at = Start(row, values.Length);
        for (var d = 0; d < values.Length; d++, at += Rows)
        {
            data[at] = values[d];
        }
    }

    /// <summary>Copies row <paramref name="row"/> of <paramref name="data"/> into <paramref name="destination"/>.</summary>
    public static void Read(ReadOnlySpan<float> data, int row, Span<float> destination)
    {
        var at = Start(row, destination.Length);
        for (var d = 0; d < destination.Length; d++, at += Rows)
        {
            destination[d] = data[at];
        }
    }

    /// <summary>Moves row <paramref name="from"/> into row <paramref name="to"/> and zeroes row <paramref name="from"/>.</summary>
    public static void Move(Span<float> data, int from, int to, int dimension)
    {
        var source = Start(from, dimension);
        var target = Start(to, dimension);
        for (var d = 0; d < dimension; d++, source += Rows, target += Rows)
        {
            data[target] = data[source];
            data[source] = 0f;
        }
    }

    /// <summary>Zeroes row <paramref name="row"/>.</summary>
    public static void Clear(Span<float> data, int row, int dimension)
    {
        var at = Start(row, dimension);
        for (var d = 0; d < dimension; d++, at += Rows)
        {
            data[at] = 0f;
        }
    }

    /// <summary>The floats of block <paramref name="block"/>.</summary>
    public static ReadOnlySpan<float> Block(ReadOnlySpan<float> data, int block, int dimension)
        => data.Slice(block * Rows * dimension, Rows * dimension);

    private static int Start(int row, int dimension) => ((row / Rows) * Rows * dimension) + (row % Rows);
}
