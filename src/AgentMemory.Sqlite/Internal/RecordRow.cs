namespace AgentMemory.Sqlite.Internal;

/// <summary>The column list of a memory row and its mapping to <see cref="MemoryRecord"/>.</summary>
internal static class RecordRow
{
    /// <summary>The columns read for a record, in the order <see cref="Read"/> expects (table alias <c>m</c>).</summary>
    public const string Columns =
        "m.rowid, m.id, m.scope_id, m.kind, m.text, m.embedding, m.topic, m.importance, m.source, m.speaker, m.reference, m.metadata, "
        + "m.created_at, m.updated_at, m.last_accessed_at, m.access_count, m.expires_at, m.occurred_at, m.version, m.schema_version, m.context, m.valid_from, m.valid_to";

    public const int RowId = 0;
    public const int ScopeId = 2;
    public const int Embedding = 5;

    /// <summary>Reads a record; the embedding only when <paramref name="withEmbedding"/>.</summary>
    public static MemoryRecord Read(SqliteDataReader r, MemoryScope scope, bool withEmbedding)
    {
        float[]? vector = null;
        if (withEmbedding && !r.IsDBNull(Embedding))
        {
            vector = SqliteValues.BlobToVector(r.GetFieldValue<byte[]>(Embedding));
        }

        return Read(new ReaderColumns(r), scope, vector);
    }

    /// <summary>Reads a record of the current row of <paramref name="r"/>, with <paramref name="vector"/> as its embedding (null: none).</summary>
    public static MemoryRecord Read<TColumns>(TColumns r, MemoryScope scope, float[]? vector)
        where TColumns : IRecordColumns
    {
        var createdAt = Time(r, 12);
        var occurredAt = NullableTime(r, 17);
        return new MemoryRecord
        {
            Id = r.GetGuid(1),
            Scope = scope,
            Kind = (MemoryKind)r.GetInt64(3),
            Text = r.GetString(4),
            Embedding = vector ?? ReadOnlyMemory<float>.Empty,
            Topic = NullableString(r, 6),
            Importance = r.GetDouble(7),
            Provenance = new MemoryProvenance((MemorySource)r.GetInt64(8), NullableString(r, 9), NullableString(r, 10)),
            Metadata = r.IsNull(11) ? MemoryRecord.EmptyMetadata : MetadataJson.Read(r.GetString(11)),
            CreatedAt = createdAt,
            UpdatedAt = Time(r, 13),
            LastAccessedAt = NullableTime(r, 14),
            AccessCount = r.GetInt64(15),
            ExpiresAt = NullableTime(r, 16),
            OccurredAt = occurredAt,
            Version = r.GetInt64(18),
            SchemaVersion = (int)r.GetInt64(19),
            Context = NullableString(r, 20),
            // Every row has valid_from (schema v6 filled it in); the fallback is the property's own default, in one allocation.
            ValidFrom = NullableTime(r, 21) ?? occurredAt ?? createdAt,
            ValidTo = NullableTime(r, 22),
        };
    }

    private static string? NullableString<TColumns>(TColumns r, int ordinal)
        where TColumns : IRecordColumns
        => r.IsNull(ordinal) ? null : r.GetString(ordinal);

    private static DateTimeOffset Time<TColumns>(TColumns r, int ordinal)
        where TColumns : IRecordColumns
        => new(r.GetInt64(ordinal), TimeSpan.Zero);

    private static DateTimeOffset? NullableTime<TColumns>(TColumns r, int ordinal)
        where TColumns : IRecordColumns
        => r.IsNull(ordinal) ? null : Time(r, ordinal);
}
