namespace AgentMemory.Vectors;

/// <summary>How a <see cref="VectorPartition"/> stores and scans its vectors.</summary>
internal sealed class VectorPartitionOptions
{
    /// <summary>The default <see cref="ParallelThreshold"/>: 32,768 rows (48 MiB of float32 at 384 dimensions).</summary>
    public const int DefaultParallelThreshold = 32_768;

    /// <summary>The default <see cref="RescoreFactor"/>.</summary>
    public const int DefaultRescoreFactor = 10;

    /// <summary>Exact float scan (default) or int8 scan with exact re-scoring.</summary>
    public VectorSearchMode Mode { get; set; } = VectorSearchMode.Exact;

    /// <summary>
    /// How the float rows are laid out in <see cref="VectorSearchMode.Exact"/> mode (blocked by default); int8 mode keeps
    /// its float rows row-major for re-scoring and its codes blocked, whatever this says.
    /// </summary>
    public VectorLayout Layout { get; set; } = VectorLayout.Blocked;

    /// <summary>
    /// At or above this many rows a single-query search is split across cores (per-core top-k, merged by score then
    /// id, so results equal the single-threaded scan). <see cref="int.MaxValue"/> turns it off.
    /// </summary>
    public int ParallelThreshold { get; set; } = DefaultParallelThreshold;

    /// <summary>The most cores one parallel search uses; 0 or less means <see cref="Environment.ProcessorCount"/>.</summary>
    public int MaxDegreeOfParallelism { get; set; }

    /// <summary>In <see cref="VectorSearchMode.Int8"/>, how many candidates per result are re-scored exactly (k × this).</summary>
    public int RescoreFactor { get; set; } = DefaultRescoreFactor;

    /// <summary>Throws when a value is out of range.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A value is out of range.</exception>
    public void Validate()
    {
        if (!Enum.IsDefined(Mode))
        {
            throw new ArgumentOutOfRangeException(nameof(Mode), Mode, "Unknown vector search mode.");
        }

        if (!Enum.IsDefined(Layout))
        {
            throw new ArgumentOutOfRangeException(nameof(Layout), Layout, "Unknown vector layout.");
        }

        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(ParallelThreshold, nameof(ParallelThreshold));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(RescoreFactor, nameof(RescoreFactor));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(RescoreFactor, 1_000, nameof(RescoreFactor));
    }
}
