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

        var record = new MemoryRecord
        {
            Id = SqliteValues.ReadGuid(r, 1),
            Scope = scope,
            Kind = (MemoryKind)r.GetInt32(3),
            Text = r.GetString(4),
            Embedding = vector ?? ReadOnlyMemory<float>.Empty,
            Topic = SqliteValues.ReadNullableString(r, 6),
            Importance = r.GetDouble(7),
            Provenance = new MemoryProvenance((MemorySource)r.GetInt32(8), SqliteValues.ReadNullableString(r, 9), SqliteValues.ReadNullableString(r, 10)),
            Metadata = SqliteValues.ReadMetadata(r, 11),
            CreatedAt = SqliteValues.ReadTime(r, 12),
            UpdatedAt = SqliteValues.ReadTime(r, 13),
            LastAccessedAt = SqliteValues.ReadNullableTime(r, 14),
            AccessCount = r.GetInt64(15),
            ExpiresAt = SqliteValues.ReadNullableTime(r, 16),
            OccurredAt = SqliteValues.ReadNullableTime(r, 17),
            Version = r.GetInt64(18),
            SchemaVersion = r.GetInt32(19),
            Context = SqliteValues.ReadNullableString(r, 20),
            ValidTo = SqliteValues.ReadNullableTime(r, 22),
        };
        return SqliteValues.ReadNullableTime(r, 21) is { } from ? record with { ValidFrom = from } : record;
    }
}
