using System.Runtime.CompilerServices;

namespace AgentMemory.Sqlite;

public sealed partial class SqliteMemoryStore
{
    /// <inheritdoc />
    public async Task<MemoryRecord?> GetAsync(MemoryScope scope, Guid id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        await FlushAccessesAsync(cancellationToken).ConfigureAwait(false);
        var now = _time.GetUtcNow();
        return await RunAsync("get", Transaction.None, c =>
        {
            var (record, _, _) = FindVisible(c, scope, id);
            return record is null || record.IsExpired(now) ? null : record;
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    /// <remarks>
    /// The scope, expiry, order and cursor are applied in SQL (the order by creation time of one exact scope reads the
    /// <c>(scope_id, created_at, id)</c> index); the filter is <see cref="MemoryFilter.Matches"/> on each row read, the
    /// same predicate the search index uses, and reading stops once <see cref="MemoryListOptions.Limit"/> rows matched.
    /// </remarks>
    public async IAsyncEnumerable<MemoryRecord> ListAsync(MemoryScope scope, MemoryListOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        options ??= MemoryListOptions.Default;
        var cursor = MemoryCursor.Read(scope, options);
        await FlushAccessesAsync(cancellationToken).ConfigureAwait(false);
        var filter = options.Filter ?? MemoryFilter.None;
        var limit = options.Limit ?? int.MaxValue;
        var now = _time.GetUtcNow();
        var column = MemoryCursor.ByUpdate(options.Order) ? "m.updated_at" : "m.created_at";
        var (direction, comparison) = MemoryCursor.IsDescending(options.Order) ? (" DESC", "<") : (string.Empty, ">");
        var sql = "SELECT " + RecordRow.Columns + " FROM memories m WHERE m.scope_id IN " + ScopeSql.Fragment(scope, options.Match)
            + " AND ($all = 1 OR m.expires_at IS NULL OR m.expires_at > $now)"
            + (cursor is null ? string.Empty : $" AND ({column}, m.id) {comparison} ($at, $id)")
            + $" ORDER BY {column}{direction}, m.id{direction}";
        var records = await RunAsync("list", Transaction.Read, c =>
        {
            var cmd = c.Command(sql);
            ScopeSql.Bind(cmd, scope, options.Match);
            cmd.Parameters.AddWithValue("$all", options.IncludeExpired ? 1 : 0);
            cmd.Parameters.AddWithValue("$now", now.UtcTicks);
            if (cursor is { } position)
            {
                cmd.Parameters.AddWithValue("$at", position.At.UtcTicks);
                cmd.Parameters.AddWithValue("$id", SqliteValues.ToBlob(position.Id));
            }

            var result = new List<MemoryRecord>();
            using var r = cmd.ExecuteReader();
            while (result.Count < limit && r.Read())
            {
                var record = RecordRow.Read(r, ScopeOf(c, r.GetInt64(RecordRow.ScopeId)), withEmbedding: true);
                if (filter.Matches(record))
                {
                    result.Add(record);
                }
            }

            return result;
        }, cancellationToken).ConfigureAwait(false);
        foreach (var record in records)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return record;
        }
    }

    /// <inheritdoc />
    public Task<long> CountAsync(MemoryScope scope, ScopeMatch match = ScopeMatch.Exact, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var now = _time.GetUtcNow();
        var sql = "SELECT count(*) FROM memories m WHERE m.scope_id IN " + ScopeSql.Fragment(scope, match) + " AND (m.expires_at IS NULL OR m.expires_at > $now)";
        return RunAsync("count", Transaction.None, c =>
        {
            if (match == ScopeMatch.Exact && TryCountCached(c, scope, now) is { } cached)
            {
                return cached;
            }

            var cmd = c.Command(sql);
            ScopeSql.Bind(cmd, scope, match);
            cmd.Parameters.AddWithValue("$now", now.UtcTicks);
            return (long)cmd.ExecuteScalar()!;
        }, cancellationToken);
    }

    /// <summary>
    /// The number of memories of one scope from its cache when the cache is current (one indexed read of the scope's
    /// generation) and nothing in it has expired yet; otherwise null. Counting in SQL visits every row of the scope (the
    /// expiry test needs the table, not just the index), which made each save of a 50,000-memory scope cost tens of
    /// milliseconds through the memory-budget check.
    /// </summary>
    private long? TryCountCached(PooledConnection c, MemoryScope scope, DateTimeOffset now)
    {
        if (!_scopeIds.TryGetValue(scope.Key, out var scopeId) || !_indexes.TryGet(scopeId, out var cache))
        {
            return null;
        }

        var generation = c.Statement("SELECT generation FROM scopes WHERE id = ?1");
        generation.Bind(1, scopeId);
        var current = generation.ExecuteScalarInt64();
        cache.Lock.EnterReadLock();
        try
        {
            return cache.Generation == current && (cache.EarliestExpiry is not { } e || e > now) ? cache.Records.Count : null;
        }
        finally
        {
            cache.Lock.ExitReadLock();
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<MemoryHistoryEntry>> GetHistoryAsync(MemoryScope scope, Guid id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var sql = "SELECT scope_id, version, change, previous_text, new_text, at, reason FROM history WHERE memory_id = $id AND scope_id IN "
            + ScopeSql.Visible(scope.VisibleScopes().Count) + " ORDER BY at, version, seq";
        return RunAsync<IReadOnlyList<MemoryHistoryEntry>>("history", Transaction.Read, c =>
        {
            var cmd = c.Command(sql);
            ScopeSql.BindVisible(cmd, scope);
            cmd.Parameters.AddWithValue("$id", SqliteValues.ToBlob(id));
            var result = new List<MemoryHistoryEntry>();
            using var r = cmd.ExecuteReader();
            while (r.Read())
            {
                result.Add(new MemoryHistoryEntry(
                    id,
                    ScopeOf(c, r.GetInt64(0)),
                    r.GetInt64(1),
                    (MemoryChangeKind)r.GetInt32(2),
                    SqliteValues.ReadNullableString(r, 3),
                    SqliteValues.ReadNullableString(r, 4),
                    SqliteValues.ReadTime(r, 5),
                    SqliteValues.ReadNullableString(r, 6)));
            }

            return result;
        }, cancellationToken);
    }
}
