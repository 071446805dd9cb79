using System.Runtime.CompilerServices;
using System.Text;

namespace AgentMemory.PostgreSql;

public sealed partial class PostgreSqlMemoryStore
{
    /// <inheritdoc />
    public async Task RecordAccessAsync(MemoryScope scope, IReadOnlyList<Guid> ids, string? queryHash, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(ids);
        queryHash = TextGuard.Clean(queryHash);
        var now = Columns.Micro(_time.GetUtcNow());
        var writeId = Guid.NewGuid();

        // Access counts are not part of the cached snapshots, so this write leaves the scope's version alone.
        await WriteAsync("access", writeId, async (c, tx, ct) =>
        {
            var touched = new HashSet<Guid>();
            if (ids.Count > 0)
            {
                await using var cmd = new NpgsqlCommand($"UPDATE {_s}.memories m SET access_count = m.access_count + 1, last_accessed_at = @now WHERE m.id = ANY(@ids) AND {Columns.Visible} AND (m.expires_at IS NULL OR m.expires_at > @now) RETURNING m.id", c, tx);
                cmd.Parameters.AddWithValue("ids", ids.Distinct().ToArray());
                Columns.AddScope(cmd.Parameters, scope);
                Columns.AddTime(cmd.Parameters, "now", now);
                await using var reader = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false);
                while (await reader.ReadAsync(ct).ConfigureAwait(false))
                {
                    touched.Add(reader.GetGuid(0));
                }
            }

            var list = ids.Where(touched.Contains).Distinct().ToList();
            await ExecuteBatchAsync(c, tx, [AuditCommand(new AuditEntry { At = now, Action = AuditAction.Retrieved, Scope = scope, MemoryIds = list, QueryHash = queryHash, Count = list.Count }, writeId)], ct).ConfigureAwait(false);
            return 0;
        }, applied: (_, _) => Task.FromResult(0), cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    /// <remarks>
    /// <para>
    /// One transaction deletes the scope's records (with their full-text entries and vectors), history, quarantined items,
    /// queued jobs and version rows, and rewrites the scope's audit trail to a random pseudonym scope
    /// (<see cref="MemoryErasure.CreateAuditScope"/>, returned as <see cref="ErasureReceipt.AuditScope"/>) with every query
    /// hash dropped, so no audit row names the erased ids. This instance drops its cached vectors, and every other
    /// instance drops its own on its next recall (the version rows are gone).
    /// </para>
    /// <para>
    /// Deleted rows stay readable in the relation files (heap, TOAST and index pages, and the planner's statistics) until
    /// the tables are rewritten: the receipt says so with <see cref="ErasureReceipt.ScrubPending"/> = true, and
    /// <see cref="ScrubAsync"/> (which takes an exclusive lock per table) removes them. With
    /// <see cref="PostgreSqlMemoryStoreOptions.ScrubAfterErasure"/> this method runs that scrub itself after the erasure
    /// commits and returns <see cref="ErasureReceipt.ScrubPending"/> = false when it succeeded; when the scrub fails or is
    /// cancelled, the committed erasure's receipt is still returned, with <see cref="ErasureReceipt.ScrubPending"/> = true.
    /// </para>
    /// </remarks>
    public async Task<ErasureReceipt> EraseAsync(MemoryScope scope, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        ArgumentNullException.ThrowIfNull(scope);
        var now = Columns.Micro(_time.GetUtcNow());
        var writeId = Guid.NewGuid();
        var auditScope = MemoryErasure.CreateAuditScope(scope);
        var receipt = await WriteAsync("erase", writeId, async (c, tx, ct) =>
        {
            var counts = new long[4];
            string[] tables = ["memories", "memory_history", "formation_jobs", "quarantine"];
            for (var i = 0; i < tables.Length; i++)
            {
                counts[i] = await ExecAsync(c, tx, $"DELETE FROM {_s}.{tables[i]} m WHERE {Columns.Within}", p => Columns.AddScope(p, scope), ct).ConfigureAwait(false);
            }

            await ExecAsync(c, tx, $"DELETE FROM {_s}.scope_versions m WHERE {Columns.Within}", p => Columns.AddScope(p, scope), ct).ConfigureAwait(false);
            await ExecAsync(c, tx, $"""
                UPDATE {_s}.audit m SET tenant_id = @pt, user_id = @pu, agent_id = @pa, session_id = @ps, query_hash = NULL WHERE {Columns.Within}
                """, p =>
            {
                Columns.AddScope(p, scope);
                p.AddWithValue("pt", auditScope.TenantId);
                p.AddWithValue("pu", Columns.Part(auditScope.UserId));
                p.AddWithValue("pa", Columns.Part(auditScope.AgentId));
                p.AddWithValue("ps", Columns.Part(auditScope.SessionId));
            }, ct).ConfigureAwait(false);

            // A new value on every erasure: a scrub clears the flag only when no erasure committed while it ran.
            await ExecAsync(c, tx, $"""
                INSERT INTO {_s}.settings (key, value) VALUES ('{ScrubPendingKey}', @w) ON CONFLICT (key) DO UPDATE SET value = excluded.value
                """, p => p.AddWithValue("w", writeId.ToString("N")), ct).ConfigureAwait(false);
            await ExecuteBatchAsync(c, tx, [AuditCommand(new AuditEntry { At = now, Action = AuditAction.Erased, Scope = auditScope, Count = counts[0] }, writeId, counts)], ct).ConfigureAwait(false);
            return new ErasureReceipt(scope, counts[0], counts[1], counts[2], counts[3], now) { AuditScope = auditScope, ScrubPending = true };
        }, applied: async (c, ct) =>
        {
            await using var cmd = new NpgsqlCommand($"SELECT receipt, tenant_id, user_id, agent_id, session_id FROM {_s}.audit WHERE write_id = @w", c);
            cmd.Parameters.AddWithValue("w", writeId);
            await using var reader = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false);
            await reader.ReadAsync(ct).ConfigureAwait(false);
            var counts = reader.GetFieldValue<long[]>(0);
            return new ErasureReceipt(scope, counts[0], counts[1], counts[2], counts[3], now) { AuditScope = Columns.ReadScope(reader, 1), ScrubPending = true };
        }, cancellationToken).ConfigureAwait(false);
        _cache.RemoveWhere(index => scope.Contains(index.Scope));
        if (_options.ScrubAfterErasure && await TryScrubAfterErasureAsync(cancellationToken).ConfigureAwait(false))
        {
            receipt = receipt with { ScrubPending = false };
        }

        return receipt;
    }

    /// <inheritdoc />
    public async Task<int> RemoveExpiredAsync(DateTimeOffset now, int maxCount = 1000, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        ArgumentOutOfRangeException.ThrowIfNegative(maxCount);
        if (maxCount == 0)
        {
            return 0;
        }

        var at = Columns.Micro(now);
        var writeId = Guid.NewGuid();
        return await WriteAsync("expire", writeId, async (c, tx, ct) =>
        {
            var removed = new List<(MemoryScope Scope, Guid Id, long Version, string Text)>();
            await using (var cmd = new NpgsqlCommand($"""
                DELETE FROM {_s}.memories m USING (
                    SELECT tenant_id, id FROM {_s}.memories WHERE expires_at <= @now ORDER BY expires_at, id LIMIT @max FOR UPDATE SKIP LOCKED) d
                WHERE m.tenant_id = d.tenant_id AND m.id = d.id
                RETURNING m.tenant_id, m.user_id, m.agent_id, m.session_id, m.id, m.version, m.text, m.expires_at
                """, c, tx))
            {
                Columns.AddTime(cmd.Parameters, "now", at);
                cmd.Parameters.AddWithValue("max", maxCount);
                await using var reader = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false);
                while (await reader.ReadAsync(ct).ConfigureAwait(false))
                {
                    removed.Add((Columns.ReadScope(reader, 0), reader.GetGuid(4), reader.GetInt64(5), reader.GetString(6)));
                }
            }

            var commands = new List<NpgsqlBatchCommand>();
            foreach (var group in removed.GroupBy(r => r.Scope))
            {
                foreach (var r in group)
                {
                    commands.Add(HistoryCommand(new MemoryHistoryEntry(r.Id, r.Scope, r.Version, MemoryChangeKind.Expired, r.Text, null, at, "expired")));
                }

                commands.Add(BumpCommand(group.Key));
                var groupIds = group.Select(r => r.Id).ToList();
                commands.Add(AuditCommand(new AuditEntry { At = at, Action = AuditAction.Expired, Scope = group.Key, MemoryIds = groupIds, Detail = "expired", Count = groupIds.Count }, writeId));
            }

            await ExecuteBatchAsync(c, tx, commands, ct).ConfigureAwait(false);
            return removed.Count;
        }, applied: async (c, ct) =>
        {
            await using var cmd = new NpgsqlCommand($"SELECT coalesce(sum(count), 0)::int FROM {_s}.audit WHERE write_id = @w", c);
            cmd.Parameters.AddWithValue("w", writeId);
            return (int)(await cmd.ExecuteScalarAsync(ct).ConfigureAwait(false))!;
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task QuarantineAsync(QuarantinedMemory item, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(item.Scope, nameof(item));
        item = item with { Reason = TextGuard.Clean(item.Reason)!, Provenance = TextGuard.Clean(item.Provenance)! };
        MemoryRecordValidator.ValidateText(item.Text, _options.MaxTextLength);
        TextGuard.Check(item.Text, nameof(item));
        TextGuard.Check(item.Reason, nameof(item));

        // Idempotent by id: the audit entry is written only with the row, so a retry never duplicates either.
        await WriteAsync("quarantine", Guid.NewGuid(), async (c, tx, ct) =>
        {
            var inserted = await ExecAsync(c, tx, $"""
                INSERT INTO {_s}.quarantine (tenant_id, user_id, agent_id, session_id, id, text, source, speaker, reference, reason, score, at)
                VALUES (@t, @u, @a, @s, @id, @text, @source, @speaker, @reference, @reason, @score, @at) ON CONFLICT (tenant_id, id) DO NOTHING
                """, p =>
            {
                Columns.AddScope(p, item.Scope);
                p.AddWithValue("id", item.Id);
                p.AddWithValue("text", item.Text);
                p.AddWithValue("source", (short)item.Provenance.Source);
                Columns.AddText(p, "speaker", item.Provenance.Speaker);
                Columns.AddText(p, "reference", item.Provenance.Reference);
                p.AddWithValue("reason", item.Reason);
                p.AddWithValue("score", item.Score);
                Columns.AddTime(p, "at", item.At);
            }, ct).ConfigureAwait(false);
            if (inserted > 0)
            {
                await ExecuteBatchAsync(c, tx, [AuditCommand(new AuditEntry { At = Columns.Micro(item.At), Action = AuditAction.Blocked, Scope = item.Scope, MemoryIds = [item.Id], Detail = item.Reason, Count = 1 }, null)], ct).ConfigureAwait(false);
            }

            return 0;
        }, applied: null, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<QuarantinedMemory> ListQuarantineAsync(MemoryScope scope, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var items = await ReadAsync("quarantine-list", async (c, ct) =>
        {
            await using var cmd = new NpgsqlCommand($"SELECT m.tenant_id, m.user_id, m.agent_id, m.session_id, m.id, m.text, m.source, m.speaker, m.reference, m.reason, m.score, m.at FROM {_s}.quarantine m WHERE {Columns.Within} ORDER BY m.at, m.id", c);
            Columns.AddScope(cmd.Parameters, scope);
            var result = new List<QuarantinedMemory>();
            await using var reader = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false);
            while (await reader.ReadAsync(ct).ConfigureAwait(false))
            {
                result.Add(new QuarantinedMemory
                {
                    Scope = Columns.ReadScope(reader, 0),
                    Id = reader.GetGuid(4),
                    Text = reader.GetString(5),
                    Provenance = new MemoryProvenance((MemorySource)reader.GetInt16(6), Columns.ReadNullableString(reader, 7), Columns.ReadNullableString(reader, 8)),
                    Reason = reader.GetString(9),
                    Score = reader.GetDouble(10),
                    At = Columns.ReadTime(reader, 11),
                });
            }

            return result;
        }, cancellationToken).ConfigureAwait(false);
        foreach (var item in items)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return item;
        }
    }

    /// <inheritdoc />
    public async Task AppendAuditAsync(AuditEntry entry, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(entry.Scope, nameof(entry));
        entry = entry with { Detail = TextGuard.Clean(entry.Detail), QueryHash = TextGuard.Clean(entry.QueryHash) };
        TextGuard.Check(entry.Detail, nameof(entry));
        TextGuard.Check(entry.QueryHash, nameof(entry));
        var writeId = Guid.NewGuid();
        await WriteAsync("audit", writeId, async (c, tx, ct) =>
        {
            await ExecuteBatchAsync(c, tx, [AuditCommand(entry with { At = Columns.Micro(entry.At) }, writeId)], ct).ConfigureAwait(false);
            return 0;
        }, applied: (_, _) => Task.FromResult(0), cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<AuditEntry> QueryAuditAsync(AuditQuery query, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(query.Scope, nameof(query));
        var entries = await ReadAsync("audit-query", async (c, ct) =>
        {
            var sql = new StringBuilder($"SELECT m.seq, m.tenant_id, m.user_id, m.agent_id, m.session_id, m.at, m.action, m.memory_ids, m.query_hash, m.detail, m.count FROM {_s}.audit m WHERE {Columns.Within}");
            await using var cmd = new NpgsqlCommand { Connection = c };
            Columns.AddScope(cmd.Parameters, query.Scope);
            if (query.From is { } from)
            {
                sql.Append(" AND m.at >= @from");
                Columns.AddTime(cmd.Parameters, "from", from);
            }

            if (query.To is { } to)
            {
                sql.Append(" AND m.at < @to");
                Columns.AddTime(cmd.Parameters, "to", to);
            }

            if (query.Actions is { } actions)
            {
                sql.Append(" AND m.action = ANY(@actions)");
                cmd.Parameters.AddWithValue("actions", actions.Select(a => (short)a).ToArray());
            }

            sql.Append(" ORDER BY m.seq LIMIT @limit");
            cmd.Parameters.AddWithValue("limit", Math.Max(0, query.Limit));
            cmd.CommandText = sql.ToString();
            var result = new List<AuditEntry>();
            await using var reader = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false);
            while (await reader.ReadAsync(ct).ConfigureAwait(false))
            {
                result.Add(new AuditEntry
                {
                    Sequence = reader.GetInt64(0),
                    Scope = Columns.ReadScope(reader, 1),
                    At = Columns.ReadTime(reader, 5),
                    Action = (AuditAction)reader.GetInt16(6),
                    MemoryIds = reader.GetFieldValue<Guid[]>(7),
                    QueryHash = Columns.ReadNullableString(reader, 8),
                    Detail = Columns.ReadNullableString(reader, 9),
                    Count = reader.GetInt64(10),
                });
            }

            return result;
        }, cancellationToken).ConfigureAwait(false);
        foreach (var entry in entries)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return entry;
        }
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
