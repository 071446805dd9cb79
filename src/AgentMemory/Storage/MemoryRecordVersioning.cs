namespace AgentMemory.Storage;

/// <summary>The bookkeeping every store applies the same way when it stores a record or its next version.</summary>
internal static class MemoryRecordVersioning
{
    /// <summary>A private, read-only copy of <paramref name="metadata"/>, so later changes by the caller do not reach the store.</summary>
    public static IReadOnlyDictionary<string, string> CopyMetadata(IReadOnlyDictionary<string, string> metadata)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        return metadata.Count == 0
            ? MemoryRecord.EmptyMetadata
            : new Dictionary<string, string>(metadata, StringComparer.Ordinal).AsReadOnly();
    }

    /// <summary>
    /// The stored form of a new record: version 1, a private copy of its metadata, the normalised embedding, and the
    /// caller's creation time (imports) or <paramref name="now"/>; the update time defaults to the creation time.
    /// </summary>
    /// <param name="record">The caller's record.</param>
    /// <param name="scope">The scope it is stored in.</param>
    /// <param name="embedding">The normalised embedding to store (empty for none).</param>
    /// <param name="now">The time of the add (a store may pass its own clock's precision).</param>
    public static MemoryRecord FirstVersion(MemoryRecord record, MemoryScope scope, ReadOnlyMemory<float> embedding, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(record);
        var created = record.CreatedAt == default ? now : record.CreatedAt;
        return record with
        {
            Scope = scope,
            Embedding = embedding,
            Metadata = CopyMetadata(record.Metadata),
            Version = 1,
            CreatedAt = created,
            UpdatedAt = record.UpdatedAt == default ? created : record.UpdatedAt,
        };
    }

    /// <summary>
    /// The stored form of an update: the new content of <paramref name="update"/> with <paramref name="current"/>'s
    /// scope, creation time and access statistics, the version incremented and the update time set to <paramref name="now"/>.
    /// </summary>
    /// <param name="current">The stored record being replaced.</param>
    /// <param name="update">The caller's new content.</param>
    /// <param name="embedding">The normalised embedding to store (empty for none).</param>
    /// <param name="now">The time of the update.</param>
    public static MemoryRecord NextVersion(MemoryRecord current, MemoryRecord update, ReadOnlyMemory<float> embedding, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(update);
        return update with
        {
            Scope = current.Scope,
            Embedding = embedding,
            Metadata = CopyMetadata(update.Metadata),
            Version = current.Version + 1,
            CreatedAt = current.CreatedAt,
            UpdatedAt = now,
            AccessCount = current.AccessCount,
            LastAccessedAt = current.LastAccessedAt,
        };
    }

    /// <summary>The audit action of a removal (<see cref="MemoryChangeKind.Deleted"/>, <see cref="MemoryChangeKind.Expired"/> or <see cref="MemoryChangeKind.Evicted"/>).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="change"/> is not a removal.</exception>
    public static AuditAction RemovalAuditAction(MemoryChangeKind change) => change switch
    {
        MemoryChangeKind.Deleted => AuditAction.Deleted,
        MemoryChangeKind.Expired => AuditAction.Expired,
        MemoryChangeKind.Evicted => AuditAction.Evicted,
        _ => throw new ArgumentOutOfRangeException(nameof(change), change, "A removal is Deleted, Expired or Evicted."),
    };
}
