namespace AgentMemory.Sqlite;

public sealed partial class SqliteMemoryStore
{
    /// <inheritdoc />
    /// <remarks>
    /// With <see cref="SqliteMemoryStoreOptions.AccessRecording"/> <see cref="AccessRecordingMode.Deferred"/> (the
    /// default) the access is queued and written in a later batch (see <see cref="FlushAccessesAsync"/>); reads that
    /// show access statistics or audit entries write the queue first.
    /// </remarks>
    public Task RecordAccessAsync(MemoryScope scope, IReadOnlyList<Guid> ids, string? queryHash, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(ids);
        if (_accesses is { } recorder)
        {
            recorder.Record(scope, ids, queryHash);
            return Task.CompletedTask;
        }

        return WriteAccessesAsync([new PendingAccess(scope, ids, queryHash, _time.GetUtcNow())], cancellationToken);
    }

    /// <summary>Writes the queued (deferred) accesses now; returns at once when none are queued or recording is immediate.</summary>
    /// <exception cref="MemoryStoreException">The write failed; the accesses stay queued.</exception>
    public Task FlushAccessesAsync(CancellationToken cancellationToken = default)
        => _accesses?.FlushAsync(cancellationToken) ?? Task.CompletedTask;

    /// <summary>The deferred accesses queued and not yet written (0 when recording is immediate).</summary>
    public int PendingAccesses => _accesses?.PendingCount ?? 0;

    /// <summary>Writes accesses in one transaction: counts, last-accessed times and one Retrieved audit entry per access.</summary>
    private async Task WriteAccessesAsync(IReadOnlyList<PendingAccess> batch, CancellationToken cancellationToken)
    {
        var deferred = _accesses is not null;
        var touched = await RunAsync("record-access", Transaction.Write, c =>
        {
            var result = new List<(Guid Id, long ScopeId, DateTimeOffset At)>();
            foreach (var access in batch)
            {
                var sql = "UPDATE memories SET access_count = access_count + 1, last_accessed_at = $now WHERE id = $id AND scope_id IN "
                    + ScopeSql.Visible(access.Scope.VisibleScopes().Count) + " AND (expires_at IS NULL OR expires_at > $now) RETURNING scope_id";
                var found = new List<Guid>(access.Ids.Count);
                foreach (var id in access.Ids.Distinct())
                {
                    var cmd = c.Command(sql);
                    ScopeSql.BindVisible(cmd, access.Scope);
                    cmd.Parameters.AddWithValue("$id", SqliteValues.ToBlob(id));
                    cmd.Parameters.AddWithValue("$now", access.At.UtcTicks);
                    if (cmd.ExecuteScalar() is long scopeId)
                    {
                        result.Add((id, scopeId, access.At));
                        found.Add(id);
                    }
                }

                // A deferred access that no longer finds its memories (erased or deleted since) leaves no trace: it
                // must not create a scope row or audit entry after an erasure.
                if (found.Count > 0 || !deferred)
                {
                    InsertAudit(c, access.At, AuditAction.Retrieved, EnsureScope(c, access.Scope), found, access.QueryHash, null, found.Count);
                }
            }

            return result;
        }, cancellationToken).ConfigureAwait(false);

        // Access statistics do not bump the generation (that would make every recall reload other processes' caches);
        // this process's caches are updated in place.
        foreach (var (id, scopeId, at) in touched)
        {
            if (_indexes.TryGet(scopeId, out var index))
            {
                index.Lock.EnterWriteLock();
                try
                {
                    if (index.Records.TryGetValue(id, out var r))
                    {
                        index.Replace(r with { AccessCount = r.AccessCount + 1, LastAccessedAt = at });
                    }
                }
                finally
                {
                    index.Lock.ExitWriteLock();
                }
            }
        }
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

        var changes = await RunAsync("remove-expired", Transaction.Write, c =>
        {
            var cmd = c.Command("SELECT " + RecordRow.Columns + " FROM memories m WHERE m.expires_at IS NOT NULL AND m.expires_at <= $now ORDER BY m.expires_at, m.id LIMIT $max");
            cmd.Parameters.AddWithValue("$now", now.UtcTicks);
            cmd.Parameters.AddWithValue("$max", maxCount);
            var expired = new List<(MemoryRecord Record, long ScopeId, long RowId)>();
            using (var r = cmd.ExecuteReader())
            {
                while (r.Read())
                {
                    var scopeId = r.GetInt64(RecordRow.ScopeId);
                    expired.Add((RecordRow.Read(r, ScopeOf(c, scopeId), withEmbedding: false), scopeId, r.GetInt64(RecordRow.RowId)));
                }
            }

            var result = new List<(long ScopeId, long Generation, List<Guid> Ids)>();
            foreach (var group in expired.GroupBy(e => e.ScopeId))
            {
                var groupIds = new List<Guid>();
                foreach (var (record, scopeId, rowId) in group)
                {
                    RemoveRow(c, record, scopeId, rowId, MemoryChangeKind.Expired, "expired", now);
                    groupIds.Add(record.Id);
                }

                InsertAudit(c, now, AuditAction.Expired, group.Key, groupIds, null, "expired", groupIds.Count);
                result.Add((group.Key, BumpGeneration(c, group.Key), groupIds));
            }

            if (result.Count > 0)
            {
                MaintainLexical(c, expired.Count);
            }

            return result;
        }, cancellationToken).ConfigureAwait(false);
        var removed = 0;
        foreach (var (scopeId, generation, ids) in changes)
        {
            removed += ids.Count;
            ApplyToCache(scopeId, generation, cache => ids.ForEach(id => cache.Remove(id, out _)));
        }

        return removed;
    }
}
