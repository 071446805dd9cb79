using AgentMemory.Sqlite.Internal;

namespace AgentMemory.Sqlite;

public sealed partial class SqliteMemoryStore
{
    /// <inheritdoc />
    /// <remarks>
    /// One transaction removes the records, their FTS5 rows, history, quarantined items and queued jobs of every scope
    /// within <paramref name="scope"/>, bumps those scopes' generations (so every process drops its cached vectors) and
    /// writes the audit entry; the FTS5 index is then merged into one segment (<c>optimize</c>) so no old segment keeps
    /// the erased words. With <c>secure_delete</c> on every connection, freed pages are zeroed; a final
    /// <c>wal_checkpoint(TRUNCATE)</c> copies the zeroed pages into the file and empties the WAL. Merging rewrites the
    /// whole lexical index, so an erasure costs time proportional to the file's index size.
    /// </remarks>
    public async Task<ErasureReceipt> EraseAsync(MemoryScope scope, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        ArgumentNullException.ThrowIfNull(scope);
        if (_accesses is { } recorder)
        {
            // Queued accesses of the erased scopes are dropped (after any batch in flight), never written afterwards.
            await recorder.DiscardAsync(scope.Contains, cancellationToken).ConfigureAwait(false);
        }

        var now = _time.GetUtcNow();
        var (receipt, scopes) = await RunAsync("erase", Transaction.Write, c =>
        {
            var scopeIds = new List<long>();
            var list = c.Command("SELECT id FROM scopes WHERE id IN " + ScopeSql.Within);
            ScopeSql.BindWithin(list, scope);
            using (var r = list.ExecuteReader())
            {
                while (r.Read())
                {
                    scopeIds.Add(r.GetInt64(0));
                }
            }

            long records = 0, history = 0, quarantined = 0, jobs = 0;
            var bumped = new List<(long ScopeId, long Generation)>();
            foreach (var id in scopeIds)
            {
                Exec(c, "DELETE FROM memory_fts WHERE rowid IN (SELECT rowid FROM memories WHERE scope_id = $s)", id);
                var removed = Exec(c, "DELETE FROM memories WHERE scope_id = $s", id);
                records += removed;
                history += Exec(c, "DELETE FROM history WHERE scope_id = $s", id);
                quarantined += Exec(c, "DELETE FROM quarantine WHERE scope_id = $s", id);
                jobs += Exec(c, "DELETE FROM jobs WHERE scope_id = $s", id);
                bumped.Add((id, BumpGeneration(c, id)));
            }

            InsertAudit(c, now, AuditAction.Erased, EnsureScope(c, scope), [], null, null, records);
            c.Command("INSERT INTO memory_fts(memory_fts) VALUES ('optimize')").ExecuteNonQuery();
            return (new ErasureReceipt(scope, records, history, jobs, quarantined, now), bumped);
        }, cancellationToken).ConfigureAwait(false);
        foreach (var (scopeId, generation) in scopes)
        {
            ApplyToCache(scopeId, generation, cache => cache.Clear());
            _caches.TryRemove(scopeId, out _);
        }

        await CheckpointAsync(cancellationToken).ConfigureAwait(false);
        return receipt;
    }

    /// <summary>
    /// Copies the WAL into the database file and truncates the WAL (<c>PRAGMA wal_checkpoint(TRUNCATE)</c>), retrying
    /// while other connections are reading. Returns whether the checkpoint completed.
    /// </summary>
    public async Task<bool> CheckpointAsync(CancellationToken cancellationToken = default)
    {
        for (var attempt = 0; attempt <= _options.BusyRetries; attempt++)
        {
            var complete = await RunAsync("checkpoint", Transaction.None, c =>
            {
                using var r = c.Command("PRAGMA wal_checkpoint(TRUNCATE)").ExecuteReader();
                return r.Read() && r.GetInt64(0) == 0;
            }, cancellationToken).ConfigureAwait(false);
            if (complete)
            {
                return true;
            }

            await Task.Delay(Backoff(attempt), cancellationToken).ConfigureAwait(false);
        }

        return false;
    }

    private static int Exec(PooledConnection c, string sql, long scopeId)
    {
        var cmd = c.Command(sql);
        cmd.Parameters.AddWithValue("$s", scopeId);
        return cmd.ExecuteNonQuery();
    }
}
