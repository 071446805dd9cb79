using System.Globalization;
using AgentMemory.PostgreSql.Schema;
using NpgsqlTypes;

namespace AgentMemory.PostgreSql;

public sealed partial class PostgreSqlMemoryStore
{
    private ValueTask EnsureInitializedAsync(CancellationToken cancellationToken)
        => _initialized ? ValueTask.CompletedTask : new ValueTask(InitializeAsync(cancellationToken));

    private async Task InitializeOnceAsync(CancellationToken cancellationToken)
    {
        var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            if (_options.AutoMigrate)
            {
                var from = await PostgreSqlSchema.MigrateAsync(connection, _options, cancellationToken).ConfigureAwait(false);
                if (from < PostgreSqlSchema.CurrentVersion)
                {
                    Log.Migrated(_logger, Name, _s, from, PostgreSqlSchema.CurrentVersion);
                }
            }

            if (_options.Dimension is { } configured)
            {
                await ExecAsync(connection, null, $"INSERT INTO {_s}.settings (key, value) VALUES ('dimension', @d) ON CONFLICT (key) DO NOTHING", p => p.AddWithValue("d", configured.ToString(CultureInfo.InvariantCulture)), cancellationToken).ConfigureAwait(false);
            }

            await RefreshDimensionAsync(connection, null, cancellationToken).ConfigureAwait(false);
            if (_options.Dimension is { } expected && Dimension != expected)
            {
                throw new MemoryStoreException($"The PostgreSQL schema '{_s}' holds {Dimension}-dimensional vectors, not the configured {expected}.");
            }
        }
    }

    private async Task<int?> RefreshDimensionAsync(NpgsqlConnection connection, NpgsqlTransaction? tx, CancellationToken cancellationToken)
    {
        await using var cmd = new NpgsqlCommand($"SELECT value FROM {_s}.settings WHERE key = 'dimension'", connection, tx);
        if (await cmd.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is string text)
        {
            Volatile.Write(ref _dimension, int.Parse(text, CultureInfo.InvariantCulture));
        }

        return Dimension;
    }

    /// <summary>Fixes the store's dimension on the first vector (for every instance) and rejects any other.</summary>
    private async Task EnsureDimensionAsync(NpgsqlConnection connection, NpgsqlTransaction tx, int length, CancellationToken cancellationToken)
    {
        if (Dimension is null)
        {
            await ExecAsync(connection, tx, $"INSERT INTO {_s}.settings (key, value) VALUES ('dimension', @d) ON CONFLICT (key) DO NOTHING", p => p.AddWithValue("d", length.ToString(CultureInfo.InvariantCulture)), cancellationToken).ConfigureAwait(false);
            await using var cmd = new NpgsqlCommand($"SELECT value FROM {_s}.settings WHERE key = 'dimension'", connection, tx);
            var stored = int.Parse((string)(await cmd.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!, CultureInfo.InvariantCulture);
            if (stored != length)
            {
                Volatile.Write(ref _dimension, stored);
            }
            else
            {
                return; // cached after commit by the next read; the insert may still roll back
            }
        }

        if (Dimension is { } d && d != length)
        {
            throw new InvalidMemoryException(MemoryValidationError.DimensionMismatch, $"The store holds {d}-dimensional vectors; this one has {length}.", nameof(length));
        }
    }

    private static async Task<int> ExecAsync(NpgsqlConnection connection, NpgsqlTransaction? tx, string sql, Action<NpgsqlParameterCollection>? parameters, CancellationToken cancellationToken)
    {
        await using var cmd = new NpgsqlCommand(sql, connection, tx);
        parameters?.Invoke(cmd.Parameters);
        return await cmd.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task<MemoryRecord?> ReadRecordAsync(NpgsqlConnection connection, NpgsqlTransaction? tx, string sql, Action<NpgsqlParameterCollection> parameters, CancellationToken cancellationToken, bool withEmbedding = true)
    {
        await using var cmd = new NpgsqlCommand(sql, connection, tx);
        parameters(cmd.Parameters);
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? Columns.ReadRecord(reader, 0, withEmbedding) : null;
    }

    private static void AddRecordParameters(NpgsqlParameterCollection p, MemoryRecord r, float[]? vector)
    {
        Columns.AddScope(p, r.Scope);
        p.AddWithValue("id", r.Id);
        p.AddWithValue("kind", (short)r.Kind);
        p.AddWithValue("text", r.Text);
        Columns.AddText(p, "topic", r.Topic);
        p.AddWithValue("importance", r.Importance);
        p.AddWithValue("source", (short)r.Provenance.Source);
        Columns.AddText(p, "speaker", r.Provenance.Speaker);
        Columns.AddText(p, "reference", r.Provenance.Reference);
        Columns.AddText(p, "metadata", MetadataJson.Write(r.Metadata));
        Columns.AddTime(p, "created", r.CreatedAt);
        Columns.AddTime(p, "updated", r.UpdatedAt);
        Columns.AddTime(p, "accessed", r.LastAccessedAt);
        p.AddWithValue("access_count", r.AccessCount);
        Columns.AddTime(p, "expires", r.ExpiresAt);
        Columns.AddTime(p, "occurred", r.OccurredAt);
        p.AddWithValue("version", r.Version);
        p.AddWithValue("schema_version", r.SchemaVersion);
        p.Add(new NpgsqlParameter("embedding", NpgsqlDbType.Bytea) { Value = vector is null ? DBNull.Value : VectorCodec.Encode(vector) });
        Columns.AddText(p, "context", r.Context);
        Columns.AddTime(p, "valid_from", r.ValidFrom);
        Columns.AddTime(p, "valid_to", r.ValidTo);
    }

    /// <summary>In one round trip: the history entry, the owner scope's version bump (cache invalidation for every instance) and the audit entry.</summary>
    private async Task RecordChangeAsync(NpgsqlConnection connection, NpgsqlTransaction tx, MemoryScope scope, MemoryHistoryEntry entry, AuditAction action, Guid writeId, CancellationToken cancellationToken)
    {
        await using var batch = new NpgsqlBatch(connection, tx);
        batch.BatchCommands.Add(HistoryCommand(entry));
        batch.BatchCommands.Add(BumpCommand(scope));
        batch.BatchCommands.Add(AuditCommand(new AuditEntry { At = entry.At, Action = action, Scope = scope, MemoryIds = [entry.MemoryId], Detail = entry.Reason, Count = 1 }, writeId));
        await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private NpgsqlBatchCommand HistoryCommand(MemoryHistoryEntry entry)
    {
        var history = new NpgsqlBatchCommand($"""
            INSERT INTO {_s}.memory_history (tenant_id, user_id, agent_id, session_id, memory_id, version, change, previous_text, new_text, at, reason)
            VALUES (@t, @u, @a, @s, @id, @version, @change, @previous, @new, @at, @reason)
            """);
        Columns.AddScope(history.Parameters, entry.Scope);
        history.Parameters.AddWithValue("id", entry.MemoryId);
        history.Parameters.AddWithValue("version", entry.Version);
        history.Parameters.AddWithValue("change", (short)entry.Change);
        Columns.AddText(history.Parameters, "previous", entry.PreviousText);
        Columns.AddText(history.Parameters, "new", entry.NewText);
        Columns.AddTime(history.Parameters, "at", entry.At);
        Columns.AddText(history.Parameters, "reason", entry.Reason);
        return history;
    }

    /// <summary>Gives the scope a new version (from a sequence, so a version never repeats, even after erasure).</summary>
    private NpgsqlBatchCommand BumpCommand(MemoryScope scope)
    {
        var cmd = new NpgsqlBatchCommand($"""
            INSERT INTO {_s}.scope_versions (tenant_id, user_id, agent_id, session_id, version) VALUES (@t, @u, @a, @s, nextval('{_s}.scope_version_seq'))
            ON CONFLICT (tenant_id, user_id, agent_id, session_id) DO UPDATE SET version = excluded.version
            """);
        Columns.AddScope(cmd.Parameters, scope);
        return cmd;
    }

    private NpgsqlBatchCommand AuditCommand(AuditEntry entry, Guid? writeId, long[]? receipt = null)
    {
        var cmd = new NpgsqlBatchCommand($"""
            INSERT INTO {_s}.audit (tenant_id, user_id, agent_id, session_id, at, action, memory_ids, query_hash, detail, count, write_id, receipt)
            VALUES (@t, @u, @a, @s, @at, @action, @ids, @hash, @detail, @count, @w, @receipt)
            """);
        Columns.AddScope(cmd.Parameters, entry.Scope);
        Columns.AddTime(cmd.Parameters, "at", entry.At);
        cmd.Parameters.AddWithValue("action", (short)entry.Action);
        cmd.Parameters.AddWithValue("ids", entry.MemoryIds.ToArray());
        Columns.AddText(cmd.Parameters, "hash", entry.QueryHash);
        Columns.AddText(cmd.Parameters, "detail", entry.Detail);
        cmd.Parameters.AddWithValue("count", entry.Count);
        cmd.Parameters.Add(new NpgsqlParameter("w", NpgsqlDbType.Uuid) { Value = writeId is { } w ? w : DBNull.Value });
        cmd.Parameters.Add(new NpgsqlParameter("receipt", NpgsqlDbType.Array | NpgsqlDbType.Bigint) { Value = (object?)receipt ?? DBNull.Value });
        return cmd;
    }

    private static async Task ExecuteBatchAsync(NpgsqlConnection connection, NpgsqlTransaction tx, IEnumerable<NpgsqlBatchCommand> commands, CancellationToken cancellationToken)
    {
        await using var batch = new NpgsqlBatch(connection, tx);
        foreach (var command in commands)
        {
            batch.BatchCommands.Add(command);
        }

        if (batch.BatchCommands.Count > 0)
        {
            await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
