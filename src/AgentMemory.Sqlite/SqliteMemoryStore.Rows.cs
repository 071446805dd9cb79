namespace AgentMemory.Sqlite;

public sealed partial class SqliteMemoryStore
{
    private const string InsertMemorySql =
        "INSERT INTO memories(id, scope_id, kind, text, embedding, topic, importance, source, speaker, reference, metadata, created_at, updated_at, "
        + "last_accessed_at, access_count, expires_at, occurred_at, version, schema_version, context, valid_from, valid_to) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, "
        + "?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22) ON CONFLICT(id) DO NOTHING";

    /// <summary>The memory <paramref name="id"/> when <paramref name="reader"/> can see it (expired or not), with its scope and row ids.</summary>
    private (MemoryRecord? Record, long ScopeId, long RowId) FindVisible(PooledConnection c, MemoryScope reader, Guid id)
    {
        var count = reader.VisibleScopes().Count;
        var cmd = c.Command("SELECT " + RecordRow.Columns + " FROM memories m WHERE m.id = $id AND m.scope_id IN " + ScopeSql.Visible(count));
        ScopeSql.BindVisible(cmd, reader);
        cmd.Parameters.AddWithValue("$id", SqliteValues.ToBlob(id));
        using var r = cmd.ExecuteReader();
        if (!r.Read())
        {
            return (null, 0, 0);
        }

        var scopeId = r.GetInt64(RecordRow.ScopeId);
        return (RecordRow.Read(r, ScopeOf(c, scopeId), withEmbedding: true), scopeId, r.GetInt64(RecordRow.RowId));
    }

    /// <summary>Deletes a memory row with its index row and writes its removal history (inside the write transaction).</summary>
    private static void RemoveRow(PooledConnection c, MemoryRecord current, long scopeId, long rowId, MemoryChangeKind change, string? reason, DateTimeOffset now)
    {
        var cmd = c.Command("DELETE FROM memories WHERE rowid = $rowid");
        cmd.Parameters.AddWithValue("$rowid", rowId);
        cmd.ExecuteNonQuery();
        DeleteFts(c, rowId);
        InsertHistory(c, current.Id, scopeId, current.Version, change, current.Text, null, now, reason);
    }

    /// <summary>Inserts a new record row through <paramref name="insert"/> (<see cref="InsertMemorySql"/>); its row id, or null when the id exists.</summary>
    private static long? InsertRecord(RawStatement insert, MemoryRecord r, long scopeId, float[]? vector)
    {
        insert.Bind(1, r.Id);
        insert.Bind(2, scopeId);
        insert.Bind(3, (long)r.Kind);
        insert.Bind(4, r.Text);
        if (vector is null)
        {
            insert.BindNull(5);
        }
        else
        {
            insert.Bind(5, SqliteValues.VectorBytes(vector));
        }

        insert.Bind(6, r.Topic);
        insert.Bind(7, r.Importance);
        insert.Bind(8, (long)r.Provenance.Source);
        insert.Bind(9, r.Provenance.Speaker);
        insert.Bind(10, r.Provenance.Reference);
        insert.Bind(11, SqliteValues.MetadataToDb(r.Metadata) as string);
        insert.Bind(12, r.CreatedAt.UtcTicks);
        insert.Bind(13, r.UpdatedAt.UtcTicks);
        insert.Bind(14, r.LastAccessedAt);
        insert.Bind(15, r.AccessCount);
        insert.Bind(16, r.ExpiresAt);
        insert.Bind(17, r.OccurredAt);
        insert.Bind(18, r.Version);
        insert.Bind(19, (long)r.SchemaVersion);
        insert.Bind(20, r.Context);
        insert.Bind(21, r.ValidFrom);
        insert.Bind(22, r.ValidTo);
        return insert.ExecuteInsert();
    }

    private static void InsertFts(PooledConnection c, long rowId, string text, string? context, long scopeId)
        => InsertFts(c, rowId, text, context, FtsQuery.ScopeToken(scopeId));

    private static void InsertFts(PooledConnection c, long rowId, string text, string? context, string scopeToken)
    {
        var insert = c.Statement("INSERT INTO memory_fts(rowid, text, scope, context) VALUES (?1, ?2, ?3, ?4)");
        insert.Bind(1, rowId);
        insert.Bind(2, text);
        insert.Bind(3, scopeToken);
        insert.Bind(4, context);
        insert.Execute();
    }

    /// <summary>
    /// Called at the end of every write transaction that changed the FTS5 index: every
    /// <see cref="SqliteMemoryStoreOptions.LexicalMergeInterval"/>-th one also runs a bounded incremental optimize
    /// (<c>merge</c> with a negative page budget) in the same transaction. Each commit adds an index segment and a query
    /// looks up every term in every segment, so memories written one at a time would otherwise leave a small scope's
    /// index in dozens of segments (a LoCoMo conversation of 700 turns: FTS query ≈ 0.2 ms instead of 0.05 ms merged).
    /// An insert batch adds one segment however many rows it holds, so it counts once (merging after every batch of
    /// 1,000 rewrote the whole index each time: ≈ 7 µs a memory of a 20,000-memory ingest, measured); deletions leave
    /// tombstones in proportion to the rows, so they count per row. Only while FTS5 serves lexical queries
    /// (<see cref="SqliteMemoryStoreOptions.CacheLexicalIndex"/> off): with the cached index, FTS5's own automerge is
    /// enough and formation does not pay for merges that rework an index no query reads.
    /// </summary>
    /// <param name="c">The connection in its write transaction.</param>
    /// <param name="rows">The weight of the change: 1 per insert transaction, the rows for deletions (capped at the interval).</param>
    private void MaintainLexical(PooledConnection c, int rows = 1)
    {
        if (_options.CacheLexicalIndex || _options.LexicalMergeInterval is not { } every)
        {
            return;
        }

        var weight = Math.Min(rows, every);
        var after = Interlocked.Add(ref _lexicalWrites, weight);
        if (after / every == (after - weight) / every)
        {
            return;
        }

        var cmd = c.Command("INSERT INTO memory_fts(memory_fts, rank) VALUES ('merge', $pages)");
        cmd.Parameters.AddWithValue("$pages", -_options.LexicalMergePages);
        cmd.ExecuteNonQuery();
    }

    private static void DeleteFts(PooledConnection c, long rowId)
    {
        var cmd = c.Command("DELETE FROM memory_fts WHERE rowid = $rowid");
        cmd.Parameters.AddWithValue("$rowid", rowId);
        cmd.ExecuteNonQuery();
    }

    private static void InsertHistory(PooledConnection c, Guid id, long scopeId, long version, MemoryChangeKind change, string? previous, string? next, DateTimeOffset at, string? reason)
    {
        var insert = c.Statement("INSERT INTO history(memory_id, scope_id, version, change, previous_text, new_text, at, reason) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
        insert.Bind(1, id);
        insert.Bind(2, scopeId);
        insert.Bind(3, version);
        insert.Bind(4, (long)change);
        insert.Bind(5, previous);
        insert.Bind(6, next);
        insert.Bind(7, at.UtcTicks);
        insert.Bind(8, reason);
        insert.Execute();
    }

    private static void InsertAudit(PooledConnection c, DateTimeOffset at, AuditAction action, long scopeId, IReadOnlyList<Guid> ids, string? queryHash, string? detail, long count)
    {
        var insert = c.Statement("INSERT INTO audit(at, action, scope_id, memory_ids, query_hash, detail, count) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
        insert.Bind(1, at.UtcTicks);
        insert.Bind(2, (long)action);
        insert.Bind(3, scopeId);
        if (ids.Count == 0)
        {
            insert.BindNull(4);
        }
        else
        {
            insert.Bind(4, SqliteValues.IdsToBlob(ids));
        }

        insert.Bind(5, queryHash);
        insert.Bind(6, detail);
        insert.Bind(7, count);
        insert.Execute();
    }
}
