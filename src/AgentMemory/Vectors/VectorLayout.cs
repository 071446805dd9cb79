namespace AgentMemory.Vectors;

/// <summary>How a <see cref="VectorPartition"/> in <see cref="VectorSearchMode.Exact"/> mode lays out its float rows.</summary>
internal enum VectorLayout
{
    /// <summary>
    /// Blocks of 32 rows, dimension-major inside a block (the default): the scan runs at the speed of reading memory,
    /// and reading one vector back gathers it with a stride (≈ 0.5 µs at 384 dimensions from cache, more from memory).
    /// </summary>
    Blocked = 0,

    /// <summary>
    /// One row after another: the scan runs ≈ 10% below the speed of reading memory, and reading a vector back is a
    /// plain copy. For partitions that hand vectors back with most search hits (the SQLite store's cached scopes).
    /// </summary>
    RowMajor = 1,
}
