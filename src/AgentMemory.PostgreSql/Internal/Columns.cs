using System.Runtime.InteropServices;
using NpgsqlTypes;

namespace AgentMemory.PostgreSql.Internal;

/// <summary>Column lists, scope predicates and parameter helpers shared by the store's queries.</summary>
/// <remarks>Unset scope parts are stored as '' (scope ids are never blank), so every key column is NOT NULL and indexable.</remarks>
internal static class Columns
{
    /// <summary>The memory columns <see cref="ReadRecord"/> reads, in order (alias m); the embedding and context come last.</summary>
    public const string Record = "m.tenant_id, m.user_id, m.agent_id, m.session_id, m.id, m.kind, m.text, m.topic, m.importance, m.source, m.speaker, m.reference, m.metadata, m.created_at, m.updated_at, m.last_accessed_at, m.access_count, m.expires_at, m.occurred_at, m.version, m.schema_version, m.embedding, m.context, m.valid_from, m.valid_to";

    /// <summary>How many columns <see cref="Record"/> lists: the ordinal of the first column after them.</summary>
    public const int RecordCount = 25;

    /// <summary>Owner rows a reader at (@t, @u, @a, @s) may see (alias m).</summary>
    public const string Visible = "m.tenant_id = @t AND m.user_id IN ('', @u) AND m.agent_id IN ('', @a) AND m.session_id IN ('', @s)";

    /// <summary>Owner rows within the scope (@t, @u, @a, @s), where '' means any (alias m).</summary>
    public const string Within = "m.tenant_id = @t AND (@u = '' OR m.user_id = @u) AND (@a = '' OR m.agent_id = @a) AND (@s = '' OR m.session_id = @s)";

    /// <summary>Owner rows of exactly the scope (alias m).</summary>
    public const string Exact = "m.tenant_id = @t AND m.user_id = @u AND m.agent_id = @a AND m.session_id = @s";

    public static string Part(string? value) => value ?? string.Empty;

    public static string? Unpart(string value) => value.Length == 0 ? null : value;

    public static string Match(ScopeMatch match) => match switch
    {
        ScopeMatch.Visible => Visible,
        ScopeMatch.Within => Within,
        ScopeMatch.Exact => Exact,
        _ => throw new ArgumentOutOfRangeException(nameof(match), match, "Unknown scope match."),
    };

    /// <summary>Adds @t, @u, @a and @s for <paramref name="scope"/>.</summary>
    public static void AddScope(NpgsqlParameterCollection p, MemoryScope scope)
    {
        p.AddWithValue("t", scope.TenantId);
        p.AddWithValue("u", Part(scope.UserId));
        p.AddWithValue("a", Part(scope.AgentId));
        p.AddWithValue("s", Part(scope.SessionId));
    }

    /// <summary>Adds a timestamptz parameter (UTC, microsecond precision).</summary>
    public static void AddTime(NpgsqlParameterCollection p, string name, DateTimeOffset? value)
        => p.Add(new NpgsqlParameter(name, NpgsqlDbType.TimestampTz) { Value = value is { } v ? Micro(v).UtcDateTime : DBNull.Value });

    public static void AddText(NpgsqlParameterCollection p, string name, string? value)
        => p.Add(new NpgsqlParameter(name, NpgsqlDbType.Text) { Value = (object?)value ?? DBNull.Value });

    /// <summary>PostgreSQL keeps microseconds: every time the store returns is truncated the same way.</summary>
    public static DateTimeOffset Micro(DateTimeOffset value)
    {
        var ticks = value.UtcTicks;
        return new DateTimeOffset(ticks - (ticks % 10), TimeSpan.Zero);
    }

    public static DateTimeOffset? Micro(DateTimeOffset? value) => value is { } v ? Micro(v) : null;

    public static MemoryScope ReadScope(NpgsqlDataReader r, int ordinal)
    {
        var (t, u, a, s) = (r.GetString(ordinal), r.GetString(ordinal + 1), r.GetString(ordinal + 2), r.GetString(ordinal + 3));
        return u.Length == 0 && a.Length == 0 ? MemoryScope.TenantShared(t) : new MemoryScope(t, Unpart(u), Unpart(a), Unpart(s));
    }

    /// <summary>The scope key (<see cref="MemoryScope.Key"/>) of stored parts.</summary>
    public static string Key(string tenant, string user, string agent, string session)
        => string.Join('/', Uri.EscapeDataString(tenant), Esc(user), Esc(agent), Esc(session));

    public static DateTimeOffset ReadTime(NpgsqlDataReader r, int ordinal) => new(r.GetFieldValue<DateTime>(ordinal), TimeSpan.Zero);

    public static DateTimeOffset? ReadNullableTime(NpgsqlDataReader r, int ordinal) => r.IsDBNull(ordinal) ? null : ReadTime(r, ordinal);

    public static string? ReadNullableString(NpgsqlDataReader r, int ordinal) => r.IsDBNull(ordinal) ? null : r.GetString(ordinal);

    /// <summary>Reads the columns of <see cref="Record"/> starting at <paramref name="o"/>.</summary>
    public static MemoryRecord ReadRecord(NpgsqlDataReader r, int o = 0, bool withEmbedding = true)
    {
        var record = ReadRecordColumns(r, o, withEmbedding);
        return ReadNullableTime(r, o + 23) is { } from ? record with { ValidFrom = from } : record;
    }

    private static MemoryRecord ReadRecordColumns(NpgsqlDataReader r, int o, bool withEmbedding) => new()
    {
        Scope = ReadScope(r, o),
        Id = r.GetGuid(o + 4),
        Kind = (MemoryKind)r.GetInt16(o + 5),
        Text = r.GetString(o + 6),
        Topic = ReadNullableString(r, o + 7),
        Importance = r.GetDouble(o + 8),
        Provenance = new MemoryProvenance((MemorySource)r.GetInt16(o + 9), ReadNullableString(r, o + 10), ReadNullableString(r, o + 11)),
        Metadata = MetadataJson.Read(ReadNullableString(r, o + 12)),
        CreatedAt = ReadTime(r, o + 13),
        UpdatedAt = ReadTime(r, o + 14),
        LastAccessedAt = ReadNullableTime(r, o + 15),
        AccessCount = r.GetInt64(o + 16),
        ExpiresAt = ReadNullableTime(r, o + 17),
        OccurredAt = ReadNullableTime(r, o + 18),
        Version = r.GetInt64(o + 19),
        SchemaVersion = r.GetInt32(o + 20),
        Embedding = withEmbedding && !r.IsDBNull(o + 21) ? VectorCodec.Decode(r.GetFieldValue<byte[]>(o + 21)) : ReadOnlyMemory<float>.Empty,
        Context = ReadNullableString(r, o + 22),
        ValidTo = ReadNullableTime(r, o + 24),
    };

    private static string Esc(string part) => part.Length == 0 ? "-" : Uri.EscapeDataString(part);
}

/// <summary>Vectors as little-endian float32 bytes (bytea).</summary>
internal static class VectorCodec
{
    public static byte[] Encode(ReadOnlySpan<float> vector)
    {
        var bytes = MemoryMarshal.AsBytes(vector).ToArray();
        if (!BitConverter.IsLittleEndian)
        {
            for (var i = 0; i < bytes.Length; i += 4)
            {
                Array.Reverse(bytes, i, 4);
            }
        }

        return bytes;
    }

    public static float[] Decode(byte[] bytes)
    {
        var result = new float[bytes.Length / 4];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = BitConverter.ToSingle(BitConverter.IsLittleEndian ? bytes.AsSpan(i * 4, 4) : [bytes[(i * 4) + 3], bytes[(i * 4) + 2], bytes[(i * 4) + 1], bytes[i * 4]]);
        }

        return result;
    }
}
