using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using AgentMemory.Vectors;

namespace AgentMemory.PostgreSql;

public sealed partial class PostgreSqlMemoryStore
{
    private const int ListPageSize = 500;

    /// <inheritdoc />
    /// <remarks>The scope, expiry, filter, order, cursor and limit are all applied in SQL, one keyset page of at most 500 rows per read.</remarks>
    public async IAsyncEnumerable<MemoryRecord> ListAsync(MemoryScope scope, MemoryListOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        options ??= MemoryListOptions.Default;
        var cursor = MemoryCursor.Read(scope, options);
        var filter = options.Filter ?? MemoryFilter.None;
        var predicate = Columns.Match(options.Match);
        var now = _time.GetUtcNow();
        var order = options.Order;
        var column = MemoryCursor.ByUpdate(order) ? "m.updated_at" : "m.created_at";
        var (direction, comparison) = MemoryCursor.IsDescending(order) ? (" DESC", "<") : (string.Empty, ">");
        var remaining = options.Limit ?? int.MaxValue;

        // Keyset pages (sort time, id): each page is one retried read, and PostgreSQL's uuid order equals Guid.CompareTo's.
        while (remaining > 0)
        {
            var pageSize = Math.Min(ListPageSize, remaining);
            var after = cursor;
            var page = await ReadAsync("list", async (c, ct) =>
            {
                var sql = new StringBuilder($"SELECT {Columns.Record} FROM {_s}.memories m WHERE {predicate}");
                await using var cmd = new NpgsqlCommand { Connection = c };
                Columns.AddScope(cmd.Parameters, scope);
                if (!options.IncludeExpired)
                {
                    sql.Append(" AND (m.expires_at IS NULL OR m.expires_at > @now)");
                    Columns.AddTime(cmd.Parameters, "now", now);
                }

                AppendFilter(sql, cmd.Parameters, filter);
                if (after is { } position)
                {
                    sql.Append(CultureInfo.InvariantCulture, $" AND ({column}, m.id) {comparison} (@lc, @lid)");
                    Columns.AddTime(cmd.Parameters, "lc", position.At);
                    cmd.Parameters.AddWithValue("lid", position.Id);
                }

                sql.Append(CultureInfo.InvariantCulture, $" ORDER BY {column}{direction}, m.id{direction} LIMIT ").Append(pageSize);
                cmd.CommandText = sql.ToString();
                var rows = new List<MemoryRecord>();
                await using var reader = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false);
                while (await reader.ReadAsync(ct).ConfigureAwait(false))
                {
                    rows.Add(Columns.ReadRecord(reader));
                }

                return rows;
            }, cancellationToken).ConfigureAwait(false);

            foreach (var r in page)
            {
                cancellationToken.ThrowIfCancellationRequested();
                yield return r;
            }

            if (page.Count < pageSize)
            {
                yield break;
            }

            remaining -= page.Count;
            cursor = new MemoryCursor(MemoryCursor.KeyOf(page[^1], order), page[^1].Id);
        }
    }

    /// <inheritdoc />
    public Task<long> CountAsync(MemoryScope scope, ScopeMatch match = ScopeMatch.Exact, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        ArgumentNullException.ThrowIfNull(scope);
        var predicate = Columns.Match(match);
        var now = _time.GetUtcNow();
        return ReadAsync("count", async (c, ct) =>
        {
            await using var cmd = new NpgsqlCommand($"SELECT count(*) FROM {_s}.memories m WHERE {predicate} AND (m.expires_at IS NULL OR m.expires_at > @now)", c);
            Columns.AddScope(cmd.Parameters, scope);
            Columns.AddTime(cmd.Parameters, "now", now);
            return (long)(await cmd.ExecuteScalarAsync(ct).ConfigureAwait(false))!;
        }, cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<MemoryHistoryEntry>> GetHistoryAsync(MemoryScope scope, Guid id, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        ArgumentNullException.ThrowIfNull(scope);
        return ReadAsync<IReadOnlyList<MemoryHistoryEntry>>("history", async (c, ct) =>
        {
            await using var cmd = new NpgsqlCommand($"""
                SELECT m.tenant_id, m.user_id, m.agent_id, m.session_id, m.version, m.change, m.previous_text, m.new_text, m.at, m.reason
                FROM {_s}.memory_history m WHERE m.memory_id = @id AND {Columns.Visible} ORDER BY m.at, m.version, m.seq
                """, c);
            cmd.Parameters.AddWithValue("id", id);
            Columns.AddScope(cmd.Parameters, scope);
            var result = new List<MemoryHistoryEntry>();
            await using var reader = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false);
            while (await reader.ReadAsync(ct).ConfigureAwait(false))
            {
                result.Add(new MemoryHistoryEntry(
                    id,
                    Columns.ReadScope(reader, 0),
                    reader.GetInt64(4),
                    (MemoryChangeKind)reader.GetInt16(5),
                    Columns.ReadNullableString(reader, 6),
                    Columns.ReadNullableString(reader, 7),
                    Columns.ReadTime(reader, 8),
                    Columns.ReadNullableString(reader, 9)));
            }

            return result;
        }, cancellationToken);
    }

    /// <summary>Appends SQL conditions (alias m) for <paramref name="filter"/>, with parameters only.</summary>
    private static void AppendFilter(StringBuilder sql, NpgsqlParameterCollection p, MemoryFilter filter)
    {
        if (filter.Kinds is { } kinds)
        {
            sql.Append(" AND m.kind = ANY(@kinds)");
            p.AddWithValue("kinds", kinds.Select(k => (short)k).ToArray());
        }

        if (filter.Topic is { } topic)
        {
            sql.Append(" AND lower(m.topic) = lower(@topic)");
            p.AddWithValue("topic", TextGuard.Clean(topic)!);
        }

        if (filter.Metadata is { Count: > 0 } metadata)
        {
            sql.Append(" AND m.metadata @> @meta::jsonb");
            p.AddWithValue("meta", MetadataJson.Write(TextGuard.Clean(metadata))!);
        }

        if (filter.MetadataAnyOf is { Count: > 0 } anyOf)
        {
            var i = 0;
            foreach (var (key, values) in anyOf)
            {
                sql.Append(CultureInfo.InvariantCulture, $" AND m.metadata ->> @mk{i} = ANY(@mv{i})");
                p.AddWithValue($"mk{i}", TextGuard.Clean(key)!);
                p.AddWithValue($"mv{i}", values is null ? [] : values.Select(v => TextGuard.Clean(v)!).ToArray());
                i++;
            }
        }

        AppendRange(sql, p, "m.created_at", "created", filter.CreatedAfter, filter.CreatedBefore);
        AppendRange(sql, p, "m.updated_at", "updated", filter.UpdatedAfter, filter.UpdatedBefore);
        if (filter.OccurredAfter is { } after)
        {
            sql.Append(" AND coalesce(m.occurred_at, m.created_at) >= @after");
            Columns.AddTime(p, "after", after);
        }

        if (filter.OccurredBefore is { } before)
        {
            sql.Append(" AND coalesce(m.occurred_at, m.created_at) < @before");
            Columns.AddTime(p, "before", before);
        }

        if (filter.ValidAt is { } validAt)
        {
            sql.Append(" AND coalesce(m.valid_from, m.occurred_at, m.created_at) <= @valid_at AND (m.valid_to IS NULL OR m.valid_to > @valid_at)");
            Columns.AddTime(p, "valid_at", validAt);
        }
        else if (!filter.IncludeSuperseded)
        {
            sql.Append(" AND m.valid_to IS NULL");
        }
    }

    /// <summary>Appends <c>from &lt;= column &lt; before</c> for the bounds that are set.</summary>
    private static void AppendRange(StringBuilder sql, NpgsqlParameterCollection p, string column, string name, DateTimeOffset? from, DateTimeOffset? before)
    {
        if (from is { } f)
        {
            sql.Append(CultureInfo.InvariantCulture, $" AND {column} >= @{name}_from");
            Columns.AddTime(p, name + "_from", f);
        }

        if (before is { } b)
        {
            sql.Append(CultureInfo.InvariantCulture, $" AND {column} < @{name}_before");
            Columns.AddTime(p, name + "_before", b);
        }
    }

    /// <inheritdoc />
    public async Task<MemoryRecord> AddAsync(MemoryRecord record, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        ArgumentNullException.ThrowIfNull(record);
        await EnsureInitializedAsync(cancellationToken).ConfigureAwait(false);
        MemoryRecordValidator.Validate(record, _options.MaxTextLength, Dimension);
        TextGuard.Check(record);
        var vector = record.Embedding.IsEmpty ? null : VectorMath.Normalize(record.Embedding.Span);
        var now = Columns.Micro(_time.GetUtcNow());
        var created = record.CreatedAt == default ? now : Columns.Micro(record.CreatedAt);
        var stored = record with
        {
            Embedding = vector ?? ReadOnlyMemory<float>.Empty,
            Metadata = MemoryRecordVersioning.CopyMetadata(record.Metadata),
            Version = 1,
            CreatedAt = created,
            UpdatedAt = record.UpdatedAt == default ? created : Columns.Micro(record.UpdatedAt),
            LastAccessedAt = Columns.Micro(record.LastAccessedAt),
            ExpiresAt = Columns.Micro(record.ExpiresAt),
            OccurredAt = Columns.Micro(record.OccurredAt),
        };
        stored = stored with { ValidFrom = Columns.Micro(stored.ValidFrom), ValidTo = Columns.Micro(record.ValidTo) };

        // Idempotent by id, so a retry after an unknown outcome simply runs again and finds the stored record.
        return await WriteAsync("add", Guid.NewGuid(), async (c, tx, ct) =>
        {
            await ExecAsync(c, tx, "SELECT pg_advisory_xact_lock(@k)", p => p.AddWithValue("k", IdLockKey(record.Id)), ct).ConfigureAwait(false);
            var existing = await ReadRecordAsync(c, tx, $"SELECT {Columns.Record} FROM {_s}.memories m WHERE m.id = @id", p => p.AddWithValue("id", record.Id), ct).ConfigureAwait(false);
            if (existing is not null)
            {
                return existing.Scope == record.Scope
                    ? existing
                    : throw new MemoryConcurrencyException($"Memory {record.Id} already exists in another scope.") { Component = Name, Operation = "add" };
            }

            if (vector is not null)
            {
                await EnsureDimensionAsync(c, tx, vector.Length, ct).ConfigureAwait(false);
            }

            await ExecAsync(c, tx, $"""
                INSERT INTO {_s}.memories (tenant_id, user_id, agent_id, session_id, id, kind, text, topic, importance, source, speaker, reference, metadata,
                    created_at, updated_at, last_accessed_at, access_count, expires_at, occurred_at, version, schema_version, embedding, context,
                    valid_from, valid_to)
                VALUES (@t, @u, @a, @s, @id, @kind, @text, @topic, @importance, @source, @speaker, @reference, @metadata::jsonb,
                    @created, @updated, @accessed, @access_count, @expires, @occurred, @version, @schema_version, @embedding, @context,
                    @valid_from, @valid_to)
                """, p => AddRecordParameters(p, stored, vector), ct).ConfigureAwait(false);
            await RecordChangeAsync(c, tx, stored.Scope, new MemoryHistoryEntry(stored.Id, stored.Scope, 1, MemoryChangeKind.Created, null, stored.Text, now), AuditAction.Created, Guid.NewGuid(), ct).ConfigureAwait(false);
            return stored;
        }, applied: null, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<MemoryRecord> UpdateAsync(MemoryRecord record, MemoryChangeKind change = MemoryChangeKind.Updated, string? reason = null, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        ArgumentNullException.ThrowIfNull(record);
        if (change is not (MemoryChangeKind.Updated or MemoryChangeKind.Superseded))
        {
            throw new ArgumentOutOfRangeException(nameof(change), change, "An update is Updated or Superseded.");
        }

        reason = TextGuard.Clean(reason);
        await EnsureInitializedAsync(cancellationToken).ConfigureAwait(false);
        MemoryRecordValidator.Validate(record, _options.MaxTextLength, Dimension);
        TextGuard.Check(record);
        var vector = record.Embedding.IsEmpty ? null : VectorMath.Normalize(record.Embedding.Span);
        var now = Columns.Micro(_time.GetUtcNow());
        var writeId = Guid.NewGuid();
        MemoryRecord? result = null;

        // Not idempotent (a second run would fail the version check): a retry first asks whether this write committed.
        return await WriteAsync("update", writeId, async (c, tx, ct) =>
        {
            var current = await ReadRecordAsync(c, tx, $"SELECT {Columns.Record} FROM {_s}.memories m WHERE m.id = @id AND {Columns.Visible} FOR UPDATE", p =>
            {
                p.AddWithValue("id", record.Id);
                Columns.AddScope(p, record.Scope);
            }, ct).ConfigureAwait(false);
            if (current is null || current.IsExpired(now))
            {
                throw new MemoryNotFoundException(record.Id);
            }

            if (current.Version != record.Version)
            {
                throw new MemoryConcurrencyException($"Memory {record.Id} is at version {current.Version}, not {record.Version}.") { Component = Name, Operation = "update" };
            }

            if (vector is not null)
            {
                await EnsureDimensionAsync(c, tx, vector.Length, ct).ConfigureAwait(false);
            }

            var stored = MemoryRecordVersioning.NextVersion(current, record, vector ?? ReadOnlyMemory<float>.Empty, now) with
            {
                ExpiresAt = Columns.Micro(record.ExpiresAt),
                OccurredAt = Columns.Micro(record.OccurredAt),
            };
            stored = stored with { ValidFrom = Columns.Micro(stored.ValidFrom), ValidTo = Columns.Micro(record.ValidTo) };
            await ExecAsync(c, tx, $"""
                UPDATE {_s}.memories SET kind = @kind, text = @text, topic = @topic, importance = @importance, source = @source, speaker = @speaker,
                    reference = @reference, metadata = @metadata::jsonb, updated_at = @updated, expires_at = @expires, occurred_at = @occurred,
                    version = @version, schema_version = @schema_version, embedding = @embedding, context = @context,
                    valid_from = @valid_from, valid_to = @valid_to
                WHERE tenant_id = @t AND id = @id
                """, p => AddRecordParameters(p, stored, vector), ct).ConfigureAwait(false);
            var action = change == MemoryChangeKind.Superseded ? AuditAction.Superseded : AuditAction.Updated;
            await RecordChangeAsync(c, tx, stored.Scope, new MemoryHistoryEntry(stored.Id, stored.Scope, stored.Version, change, current.Text, stored.Text, now, reason), action, writeId, ct).ConfigureAwait(false);
            result = stored;
            return stored;
        }, applied: (_, _) => Task.FromResult(result ?? throw new MemoryStoreException($"The {Name} store lost track of update {writeId}.")), cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<bool> DeleteAsync(MemoryScope scope, Guid id, MemoryChangeKind change = MemoryChangeKind.Deleted, string? reason = null, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        ArgumentNullException.ThrowIfNull(scope);
        reason = TextGuard.Clean(reason);
        var action = MemoryRecordVersioning.RemovalAuditAction(change);
        var now = Columns.Micro(_time.GetUtcNow());
        var writeId = Guid.NewGuid();
        return await WriteAsync("delete", writeId, async (c, tx, ct) =>
        {
            var removed = await ReadRecordAsync(c, tx, $"DELETE FROM {_s}.memories m WHERE m.id = @id AND {Columns.Visible} RETURNING {Columns.Record}", p =>
            {
                p.AddWithValue("id", id);
                Columns.AddScope(p, scope);
            }, ct, withEmbedding: false).ConfigureAwait(false);
            if (removed is null)
            {
                return false;
            }

            await RecordChangeAsync(c, tx, removed.Scope, new MemoryHistoryEntry(id, removed.Scope, removed.Version, change, removed.Text, null, now, reason), action, writeId, ct).ConfigureAwait(false);
            return true;
        }, applied: (_, _) => Task.FromResult(true), cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public Task<MemoryRecord?> GetAsync(MemoryScope scope, Guid id, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        ArgumentNullException.ThrowIfNull(scope);
        var now = _time.GetUtcNow();
        return ReadAsync("get", (c, ct) => ReadRecordAsync(c, null, $"SELECT {Columns.Record} FROM {_s}.memories m WHERE m.id = @id AND {Columns.Visible} AND (m.expires_at IS NULL OR m.expires_at > @now)", p =>
        {
            p.AddWithValue("id", id);
            Columns.AddScope(p, scope);
            Columns.AddTime(p, "now", now);
        }, ct), cancellationToken);
    }

    private static long IdLockKey(Guid id)
    {
        Span<byte> bytes = stackalloc byte[16];
        id.TryWriteBytes(bytes);
        return BitConverter.ToInt64(bytes[..8]) ^ BitConverter.ToInt64(bytes[8..]);
    }
}
