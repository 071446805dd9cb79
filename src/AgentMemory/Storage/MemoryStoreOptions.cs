using System.ComponentModel.DataAnnotations;

namespace AgentMemory.Storage;

/// <summary>
/// The record limits every store's options share (<see cref="InMemory.InMemoryStoreOptions"/>, the SQLite and
/// PostgreSQL stores' options): the one declaration of each limit, its default and its range.
/// </summary>
public abstract class MemoryStoreOptions
{
    /// <summary>The longest memory text accepted, in characters (default <see cref="MemoryRecordValidator.DefaultMaxTextLength"/>).</summary>
    [Range(1, MemoryRecordValidator.MaxTextLengthLimit)]
    public int MaxTextLength { get; set; } = MemoryRecordValidator.DefaultMaxTextLength;

    /// <summary>
    /// The vector dimension, when known up front; null (default) fixes it from the first vector stored (in a database
    /// shared by several instances, the first any of them stores). Vectors of any other dimension are rejected with
    /// <see cref="MemoryValidationError.DimensionMismatch"/>.
    /// </summary>
    [Range(1, MemoryRecordValidator.MaxDimension)]
    public int? Dimension { get; set; }
}
