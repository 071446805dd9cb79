using System.ComponentModel.DataAnnotations;

namespace AgentMemory.Storage.InMemory;

/// <summary>Options of the in-memory store (<see cref="AgentMemoryBuilder.UseInMemoryStore"/>).</summary>
public sealed class InMemoryStoreOptions
{
    /// <summary>The longest memory text accepted, in characters (default <see cref="MemoryRecordValidator.DefaultMaxTextLength"/>).</summary>
    [Range(1, MemoryRecordValidator.MaxTextLengthLimit)]
    public int MaxTextLength { get; set; } = MemoryRecordValidator.DefaultMaxTextLength;

    /// <summary>
    /// The vector dimension, when known up front; null (default) fixes it from the first vector stored.
    /// Vectors of any other dimension are rejected with <see cref="MemoryValidationError.DimensionMismatch"/>.
    /// </summary>
    [Range(1, MemoryRecordValidator.MaxDimension)]
    public int? Dimension { get; set; }

    /// <summary>
    /// The number of vectors in one scope at which its vector search switches from the exact float32 scan to the int8
    /// scan with exact re-scoring of the best k × 10 (4× fewer bytes read; recall@10 1.000 against the exact scan in the
    /// vector-core benchmark). Null (default) keeps every scope exact; the SQLite store's default is 4,096.
    /// </summary>
    [Range(1, int.MaxValue)]
    public int? QuantizeAtRows { get; set; }

    /// <summary>The vector scan's internal settings (layout, parallel threshold, re-score factor): benchmarks and tests tune them.</summary>
    internal Vectors.VectorPartitionOptions Vectors { get; set; } = new();
}
