namespace AgentMemory.Sqlite.Internal;

/// <summary>
/// The store's schema as a list of migrations. The file records each applied version in <c>agentmemory_schema</c>;
/// opening a file applies the missing ones in one <c>BEGIN IMMEDIATE</c> transaction (safe when several processes open
/// the same file at once). Migrations are append-only: a shipped version is never edited.
/// </summary>
internal static class SqliteSchema
{
    /// <summary>The version this build writes.</summary>
    public const int CurrentVersion = 6;

    /// <summary>Version 1: records, FTS5 index, history, audit, quarantine, outbox.</summary>
    public static readonly string[] V1 =
    [
        "CREATE TABLE agentmemory_schema (version INTEGER PRIMARY KEY, applied_at INTEGER NOT NULL)",
        "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID",
        """
        CREATE TABLE scopes (
            id INTEGER PRIMARY KEY,
            key TEXT NOT NULL UNIQUE,
            tenant TEXT NOT NULL,
            user_id TEXT,
            agent_id TEXT,
            session_id TEXT)
        """,
        "CREATE INDEX ix_scopes_tenant_user ON scopes(tenant, user_id)",
        """
        CREATE TABLE memories (
            rowid INTEGER PRIMARY KEY,
            id BLOB NOT NULL UNIQUE,
            scope_id INTEGER NOT NULL REFERENCES scopes(id),
            kind INTEGER NOT NULL,
            text TEXT NOT NULL,
            embedding BLOB,
            topic TEXT,
            importance REAL NOT NULL,
            source INTEGER NOT NULL,
            speaker TEXT,
            reference TEXT,
            metadata TEXT,
            created_at INTEGER NOT NULL,
            updated_at INTEGER NOT NULL,
            last_accessed_at INTEGER,
            access_count INTEGER NOT NULL DEFAULT 0,
            expires_at INTEGER,
            occurred_at INTEGER,
            version INTEGER NOT NULL,
            schema_version INTEGER NOT NULL)
        """,
        "CREATE INDEX ix_memories_scope_created ON memories(scope_id, created_at, id)",
        "CREATE VIRTUAL TABLE memory_fts USING fts5(text, scope, content='', contentless_delete=1, tokenize='porter unicode61 remove_diacritics 2')",
        """
        CREATE TABLE history (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            memory_id BLOB NOT NULL,
            scope_id INTEGER NOT NULL,
            version INTEGER NOT NULL,
            change INTEGER NOT NULL,
            previous_text TEXT,
            new_text TEXT,
            at INTEGER NOT NULL,
            reason TEXT)
        """,
        "CREATE INDEX ix_history_memory ON history(memory_id)",
        "CREATE INDEX ix_history_scope ON history(scope_id)",
        """
        CREATE TABLE audit (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            at INTEGER NOT NULL,
            action INTEGER NOT NULL,
            scope_id INTEGER NOT NULL,
            memory_ids BLOB,
            query_hash TEXT,
            detail TEXT,
            count INTEGER NOT NULL)
        """,
        "CREATE INDEX ix_audit_scope ON audit(scope_id, seq)",
        """
        CREATE TABLE quarantine (
            id BLOB PRIMARY KEY,
            scope_id INTEGER NOT NULL,
            text TEXT NOT NULL,
            source INTEGER NOT NULL,
            speaker TEXT,
            reference TEXT,
            reason TEXT NOT NULL,
            score REAL NOT NULL,
            at INTEGER NOT NULL)
        """,
        "CREATE INDEX ix_quarantine_scope ON quarantine(scope_id, at)",
        """
        CREATE TABLE jobs (
            id BLOB PRIMARY KEY,
            scope_id INTEGER NOT NULL,
            payload TEXT NOT NULL,
            enqueued_at INTEGER NOT NULL,
            attempts INTEGER NOT NULL,
            not_before INTEGER,
            last_error TEXT,
            worker TEXT,
            lease_until INTEGER)
        """,
        "CREATE INDEX ix_jobs_enqueued ON jobs(enqueued_at, id)",
        "CREATE INDEX ix_jobs_scope ON jobs(scope_id)",
    ];

    /// <summary>
    /// Version 2: a per-scope generation, bumped in the same transaction as every content change, so each process can
    /// tell with one indexed read whether its cached vectors of a scope are current; and an index for the expiry sweep.
    /// </summary>
    public static readonly string[] V2 =
    [
        "ALTER TABLE scopes ADD COLUMN generation INTEGER NOT NULL DEFAULT 0",
        "CREATE INDEX ix_memories_expires ON memories(expires_at) WHERE expires_at IS NOT NULL",
    ];

    /// <summary>
    /// Version 3: a memory's conversation context (<see cref="MemoryRecord.Context"/>), stored with the record and indexed
    /// as a third FTS5 column. A contentless table cannot gain a column, so the index is rebuilt from the records (whose
    /// context is empty at this point).
    /// </summary>
    public static readonly string[] V3 =
    [
        "ALTER TABLE memories ADD COLUMN context TEXT",
        "DROP TABLE memory_fts",
        "CREATE VIRTUAL TABLE memory_fts USING fts5(text, scope, context, content='', contentless_delete=1, tokenize='porter unicode61 remove_diacritics 2')",
        "INSERT INTO memory_fts(rowid, text, scope, context) SELECT rowid, text, 'sc' || scope_id, NULL FROM memories",
    ];

    /// <summary>
    /// Version 4: scope keys of ids that are exactly <c>-</c>. Keys once wrote such an id as <c>-</c>, the same as an unset
    /// part; <see cref="MemoryScope.Key"/> now writes it <c>%2D</c>. A row whose columns name the id <c>-</c> gets the key
    /// the library now computes for it, so readers of the broader scope no longer reach it. (Memories written to a row
    /// whose columns were unset stay where they are: the file cannot tell which writer they came from.)
    /// </summary>
    public static readonly string[] V4 =
    [
        "UPDATE scopes SET key = substr(key, 1, instr(key, '/')) || '%2D' || substr(key, instr(key, '/') + 2) WHERE user_id = '-' AND substr(key, instr(key, '/') + 1, 2) = '-/'",
        "UPDATE scopes SET key = substr(key, 1, instr(key, '/') + instr(substr(key, instr(key, '/') + 1), '/')) || '%2D' || substr(key, instr(key, '/') + instr(substr(key, instr(key, '/') + 1), '/') + 2) "
            + "WHERE agent_id = '-' AND substr(key, instr(key, '/') + instr(substr(key, instr(key, '/') + 1), '/') + 1, 2) = '-/'",
        "UPDATE scopes SET key = substr(key, 1, length(key) - 1) || '%2D' WHERE session_id = '-' AND substr(key, -2) = '/-'",
    ];

    /// <summary>
    /// Version 5: formation jobs parked as failed after their last attempt (<see cref="FormationJob.FailedAt"/>); a parked
    /// job is kept but never claimed.
    /// </summary>
    public static readonly string[] V5 =
    [
        "ALTER TABLE jobs ADD COLUMN failed_at INTEGER",
    ];

    /// <summary>
    /// Version 6: facts valid in time. <c>valid_from</c> is when a memory became true (existing rows: when it happened,
    /// else when it was stored); <c>valid_to</c> is set when a newer memory superseded it (null while current).
    /// </summary>
    public static readonly string[] V6 =
    [
        "ALTER TABLE memories ADD COLUMN valid_from INTEGER",
        "ALTER TABLE memories ADD COLUMN valid_to INTEGER",
        "UPDATE memories SET valid_from = coalesce(occurred_at, created_at)",
    ];

    private static readonly string[][] Migrations = [V1, V2, V3, V4, V5, V6];

    /// <summary>The schema version of the open file (0 when empty).</summary>
    public static int ReadVersion(SqliteConnection connection, SqliteTransaction? transaction = null)
    {
        using var exists = connection.CreateCommand();
        exists.Transaction = transaction;
        exists.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'agentmemory_schema'";
        if (Convert.ToInt64(exists.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) == 0)
        {
            return 0;
        }

        using var cmd = connection.CreateCommand();
        cmd.Transaction = transaction;
        cmd.CommandText = "SELECT coalesce(max(version), 0) FROM agentmemory_schema";
        return Convert.ToInt32(cmd.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Applies the migrations up to <paramref name="targetVersion"/> that the file lacks.</summary>
    /// <exception cref="MemoryStoreException">The file was written by a newer version of the library.</exception>
    public static void Migrate(SqliteConnection connection, long nowTicks, int targetVersion = CurrentVersion)
    {
        if (ReadVersion(connection) >= targetVersion)
        {
            CheckNotNewer(ReadVersion(connection));
            return;
        }

        using var tx = connection.BeginTransaction(deferred: false);
        var version = ReadVersion(connection, tx);
        CheckNotNewer(version);
        for (var v = version + 1; v <= targetVersion; v++)
        {
            foreach (var sql in Migrations[v - 1])
            {
                using var cmd = connection.CreateCommand();
                cmd.Transaction = tx;
                cmd.CommandText = sql;
                cmd.ExecuteNonQuery();
            }

            using var mark = connection.CreateCommand();
            mark.Transaction = tx;
            mark.CommandText = "INSERT INTO agentmemory_schema(version, applied_at) VALUES ($v, $at)";
            mark.Parameters.AddWithValue("$v", v);
            mark.Parameters.AddWithValue("$at", nowTicks);
            mark.ExecuteNonQuery();
        }

        tx.Commit();
    }

    private static void CheckNotNewer(int version)
    {
        if (version > CurrentVersion)
        {
            throw new MemoryStoreException($"The SQLite file has schema version {version}; this library understands up to {CurrentVersion}. Upgrade AgentMemory.Sqlite.")
            {
                Component = "sqlite",
                Operation = "open",
            };
        }
    }
}
