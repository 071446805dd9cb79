namespace AgentMemory.Sqlite;

public sealed partial class SqliteMemoryStore
{
    /// <inheritdoc />
    /// <remarks>
    /// <para>
    /// One transaction removes the records, their FTS5 rows, history, quarantined items and queued jobs of every scope
    /// within <paramref name="scope"/>, bumps those scopes' generations (so every process drops its cached vectors), moves
    /// their audit entries to the pseudonymous <see cref="ErasureReceipt.AuditScope"/> (see
    /// <see cref="MemoryErasure.CreateAuditScope"/>) without their query hashes, retires their <c>scopes</c> rows (key and
    /// ids replaced; the row ids are never reused), writes the erasure's audit entry and records the scrub as pending in
    /// the file; the FTS5 index is then merged into one segment (<c>optimize</c>) so no old segment keeps the erased
    /// words. With <c>secure_delete</c> on every connection, freed pages and cells are zeroed. Merging rewrites the whole
    /// lexical index, so an erasure costs time proportional to the file's index size.
    /// </para>
    /// <para>
    /// After the commit a checkpoint copies the zeroed pages into the file and truncates the WAL (see
    /// <see cref="CheckpointAsync"/>; it waits at most <see cref="SqliteMemoryStoreOptions.ScrubBusyTimeout"/>). When
    /// another connection's read transaction keeps it from completing, the receipt says
    /// <see cref="ErasureReceipt.ScrubPending"/> and the store retries after its next write transactions and every
    /// <see cref="SqliteMemoryStoreOptions.ScrubRetryInterval"/>; the records are gone from every read either way.
    /// </para>
    /// </remarks>
    public async Task<ErasureReceipt> EraseAsync(MemoryScope scope, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        ArgumentNullException.ThrowIfNull(scope);
        if (_accesses is { } recorder)
        {
            // Accesses queued before the erasure are written first, so their Retrieved entries join the trail that is
            // pseudonymised below (as with immediate recording); any queued meanwhile for the erased scopes are dropped
            // (after any batch in flight), and one queued later finds no memory and leaves no trace.
            await recorder.FlushAsync(cancellationToken).ConfigureAwait(false);
            await recorder.DiscardAsync(scope.Contains, cancellationToken).ConfigureAwait(false);
        }

        var now = _time.GetUtcNow();
        var auditScope = MemoryErasure.CreateAuditScope(scope);
        var (receipt, retired) = await RunAsync("erase", Transaction.Write, c =>
        {
            var erased = new List<(long Id, string Key)>();
            var list = c.Command("SELECT id, key FROM scopes WHERE id IN " + ScopeSql.Within);
            ScopeSql.BindWithin(list, scope);
            using (var r = list.ExecuteReader())
            {
                while (r.Read())
                {
                    erased.Add((r.GetInt64(0), r.GetString(1)));
                }
            }

            var auditScopeId = EnsureScope(c, auditScope);
            long records = 0, history = 0, quarantined = 0, jobs = 0;
            var bumped = new List<(long ScopeId, string Key, long Generation)>();
            foreach (var (id, key) in erased)
            {
                Exec(c, "DELETE FROM memory_fts WHERE rowid IN (SELECT rowid FROM memories WHERE scope_id = $s)", id);
                records += Exec(c, "DELETE FROM memories WHERE scope_id = $s", id);
                history += Exec(c, "DELETE FROM history WHERE scope_id = $s", id);
                quarantined += Exec(c, "DELETE FROM quarantine WHERE scope_id = $s", id);
                jobs += Exec(c, "DELETE FROM jobs WHERE scope_id = $s", id);
                var audit = c.Command("UPDATE audit SET scope_id = $a, query_hash = NULL WHERE scope_id = $s");
                audit.Parameters.AddWithValue("$a", auditScopeId);
                audit.Parameters.AddWithValue("$s", id);
                audit.ExecuteNonQuery();
                RetireScope(c, id);
                bumped.Add((id, key, BumpGeneration(c, id)));
            }

            InsertAudit(c, now, AuditAction.Erased, auditScopeId, [], null, null, records);
            c.Command("INSERT INTO memory_fts(memory_fts) VALUES ('optimize')").ExecuteNonQuery();
            RecordScrubPending(c);
            var result = new ErasureReceipt(scope, records, history, jobs, quarantined, now) { AuditScope = auditScope };
            return (result, bumped);
        }, cancellationToken).ConfigureAwait(false);
        foreach (var (scopeId, key, generation) in retired)
        {
            ApplyToCache(scopeId, generation, cache => cache.Clear());
            _indexes.Remove(scopeId);
            _scopes.TryRemove(scopeId, out _);
            _scopeIds.TryRemove(KeyValuePair.Create(key, scopeId));
        }

        MarkScrubPending();
        bool scrubbed;
        try
        {
            scrubbed = await RunAsync("erase-scrub", Transaction.None, TryScrub, cancellationToken).ConfigureAwait(false);
        }
        catch (MemoryStoreException ex)
        {
            // The erasure is committed; a failed scrub attempt is reported as pending and retried, not thrown.
            Log.ScrubFailed(_logger, DataSource, ex);
            scrubbed = false;
        }

        if (!scrubbed)
        {
            Log.ScrubPending(_logger, DataSource, _options.ScrubRetryInterval);
        }

        return receipt with { ScrubPending = !scrubbed };
    }

    /// <summary>
    /// Retires an erased scope's row (inside the erasure's transaction): its key becomes a random string no scope key
    /// equals and its tenant and ids are cleared, so the identifiers are gone from the file while the row id stays taken
    /// (another process's cache of that id can never meet a different scope under it).
    /// </summary>
    private static void RetireScope(PooledConnection c, long scopeId)
    {
        var cmd = c.Command("UPDATE scopes SET key = $key, tenant = '', user_id = NULL, agent_id = NULL, session_id = NULL WHERE id = $s");
        cmd.Parameters.AddWithValue("$key", "retired:" + Guid.NewGuid().ToString("N"));
        cmd.Parameters.AddWithValue("$s", scopeId);
        cmd.ExecuteNonQuery();
    }

    private static int Exec(PooledConnection c, string sql, long scopeId)
    {
        var cmd = c.Command(sql);
        cmd.Parameters.AddWithValue("$s", scopeId);
        return cmd.ExecuteNonQuery();
    }
}
