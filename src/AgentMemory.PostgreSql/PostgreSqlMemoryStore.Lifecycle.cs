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
}
