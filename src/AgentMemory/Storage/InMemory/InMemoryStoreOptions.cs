using System.ComponentModel.DataAnnotations;

namespace AgentMemory.Storage.InMemory;

/// <summary>Options of the in-memory store (<see cref="InMemoryMemoryStore"/>).</summary>
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

    /// <summary>How each scope's vectors are scanned: exact (default) or int8 with re-scoring, and the parallel threshold.</summary>
    public Vectors.VectorPartitionOptions Vectors { get; set; } = new();
}
