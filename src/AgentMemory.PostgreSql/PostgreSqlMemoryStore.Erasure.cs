using System.Runtime.CompilerServices;
using System.Text;

namespace AgentMemory.PostgreSql;

public sealed partial class PostgreSqlMemoryStore
{
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
}
