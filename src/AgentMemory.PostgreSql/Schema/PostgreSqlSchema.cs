using System.Globalization;
using System.Text;

namespace AgentMemory.PostgreSql.Schema;

/// <summary>
/// Creates and migrates the store's schema. Versions are recorded in <c>schema_version</c>; a transaction-scoped
/// advisory lock makes concurrent instances migrate one at a time, and each migration runs in that transaction.
/// </summary>
internal static class PostgreSqlSchema
{
    /// <summary>The schema version this library writes.</summary>
    public const int CurrentVersion = 5;

    /// <summary>The SQL that brings the schema from version n to n + 1, at index n (one a version, in order).</summary>
    private static readonly Func<PostgreSqlMemoryStoreOptions, string>[] Migrations = [Version1, Version2, Version3, Version4, Version5];

    /// <summary>Brings the schema to <see cref="CurrentVersion"/>; returns the version found before.</summary>
    public static async Task<int> MigrateAsync(NpgsqlConnection connection, PostgreSqlMemoryStoreOptions options, CancellationToken cancellationToken)
    {
        var s = options.Schema;
        await using var tx = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await ExecAsync(connection, tx, $"SELECT pg_advisory_xact_lock(hashtextextended('agentmemory.migrate.{s}', 0))", cancellationToken).ConfigureAwait(false);
        await ExecAsync(connection, tx, $"""
            CREATE SCHEMA IF NOT EXISTS {s};
            CREATE TABLE IF NOT EXISTS {s}.schema_version (version int PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now());
            """, cancellationToken).ConfigureAwait(false);
        int found;
        await using (var cmd = new NpgsqlCommand($"SELECT coalesce(max(version), 0) FROM {s}.schema_version", connection, tx))
        {
            found = Convert.ToInt32(await cmd.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
        }

        if (found > CurrentVersion)
        {
            throw new MemoryStoreException($"The PostgreSQL schema '{s}' is at version {found}, newer than this library's {CurrentVersion}.");
        }

        for (var version = Math.Max(found, 0) + 1; version <= CurrentVersion; version++)
        {
            await ExecAsync(connection, tx, Migrations[version - 1](options), cancellationToken).ConfigureAwait(false);
            await ExecAsync(connection, tx, $"INSERT INTO {s}.schema_version (version) VALUES ({version.ToString(CultureInfo.InvariantCulture)})", cancellationToken).ConfigureAwait(false);
        }

        await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
        return found;
    }

    /// <summary>Version 1: every table keyed by tenant first, so rows of one tenant (and user) stay together.</summary>
    internal static string Version1(PostgreSqlMemoryStoreOptions options)
    {
        var s = options.Schema;
        var cfg = options.TextSearchConfiguration;
        var n = options.TenantPartitions;
        var partitioned = n > 0 ? " PARTITION BY HASH (tenant_id)" : string.Empty;
        var sql = new StringBuilder();
        sql.Append(CultureInfo.InvariantCulture, $"""
            CREATE TABLE {s}.memories (
                tenant_id text NOT NULL, user_id text NOT NULL, agent_id text NOT NULL, session_id text NOT NULL,
                id uuid NOT NULL, kind smallint NOT NULL, text text NOT NULL, topic text, importance double precision NOT NULL,
                source smallint NOT NULL, speaker text, reference text, metadata jsonb,
                created_at timestamptz NOT NULL, updated_at timestamptz NOT NULL, last_accessed_at timestamptz,
                access_count bigint NOT NULL DEFAULT 0, expires_at timestamptz, occurred_at timestamptz,
                version bigint NOT NULL, schema_version int NOT NULL, embedding bytea,
                tsv tsvector GENERATED ALWAYS AS (to_tsvector('{cfg}'::regconfig, text)) STORED,
                PRIMARY KEY (tenant_id, id)){partitioned};
            CREATE INDEX memories_scope_ix ON {s}.memories (tenant_id, user_id, agent_id, session_id, created_at);
            CREATE INDEX memories_id_ix ON {s}.memories (id);
            CREATE INDEX memories_expiry_ix ON {s}.memories (expires_at) WHERE expires_at IS NOT NULL;
            CREATE INDEX memories_tsv_ix ON {s}.memories USING gin (tsv);
            CREATE TABLE {s}.memory_history (
                tenant_id text NOT NULL, user_id text NOT NULL, agent_id text NOT NULL, session_id text NOT NULL,
                memory_id uuid NOT NULL, seq bigint GENERATED ALWAYS AS IDENTITY, version bigint NOT NULL, change smallint NOT NULL,
                previous_text text, new_text text, at timestamptz NOT NULL, reason text,
                PRIMARY KEY (tenant_id, memory_id, seq)){partitioned};
            CREATE TABLE {s}.quarantine (
                tenant_id text NOT NULL, user_id text NOT NULL, agent_id text NOT NULL, session_id text NOT NULL,
                id uuid NOT NULL, text text NOT NULL, source smallint NOT NULL, speaker text, reference text,
                reason text NOT NULL, score double precision NOT NULL, at timestamptz NOT NULL,
                PRIMARY KEY (tenant_id, id)){partitioned};
            CREATE TABLE {s}.scope_versions (
                tenant_id text NOT NULL, user_id text NOT NULL, agent_id text NOT NULL, session_id text NOT NULL,
                version bigint NOT NULL,
                PRIMARY KEY (tenant_id, user_id, agent_id, session_id));
            CREATE SEQUENCE {s}.scope_version_seq;
            CREATE TABLE {s}.audit (
                seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                tenant_id text NOT NULL, user_id text NOT NULL, agent_id text NOT NULL, session_id text NOT NULL,
                at timestamptz NOT NULL, action smallint NOT NULL, memory_ids uuid[] NOT NULL, query_hash text, detail text,
                count bigint NOT NULL, write_id uuid, receipt bigint[]);
            CREATE INDEX audit_tenant_ix ON {s}.audit (tenant_id, seq);
            CREATE INDEX audit_write_ix ON {s}.audit (write_id) WHERE write_id IS NOT NULL;
            CREATE TABLE {s}.formation_jobs (
                id uuid PRIMARY KEY,
                tenant_id text NOT NULL, user_id text NOT NULL, agent_id text NOT NULL, session_id text NOT NULL,
                scope_key text NOT NULL, payload text NOT NULL, enqueued_at timestamptz NOT NULL, attempts int NOT NULL,
                not_before timestamptz, last_error text, worker text, lease_until timestamptz);
            CREATE INDEX formation_jobs_scope_ix ON {s}.formation_jobs (scope_key, enqueued_at, id);
            CREATE INDEX formation_jobs_tenant_ix ON {s}.formation_jobs (tenant_id, user_id);
            CREATE TABLE {s}.settings (key text PRIMARY KEY, value text NOT NULL);

            """);
        for (var i = 0; i < n; i++)
        {
            foreach (var table in (string[])["memories", "memory_history", "quarantine"])
            {
                sql.Append(CultureInfo.InvariantCulture, $"CREATE TABLE {s}.{table}_p{i} PARTITION OF {s}.{table} FOR VALUES WITH (MODULUS {n}, REMAINDER {i});\n");
            }
        }

        return sql.ToString();
    }

    /// <summary>
    /// Version 2: a memory's conversation context (<see cref="MemoryRecord.Context"/>), searched with its text: the
    /// generated tsvector labels text A and context B (ranked at <see cref="Lexical.LexicalFields.ContextWeight"/>).
    /// </summary>
    internal static string Version2(PostgreSqlMemoryStoreOptions options)
    {
        var s = options.Schema;
        var cfg = options.TextSearchConfiguration;
        return $"""
            ALTER TABLE {s}.memories ADD COLUMN context text;
            ALTER TABLE {s}.memories DROP COLUMN tsv;
            ALTER TABLE {s}.memories ADD COLUMN tsv tsvector GENERATED ALWAYS AS (
                setweight(to_tsvector('{cfg}'::regconfig, text), 'A') || setweight(to_tsvector('{cfg}'::regconfig, coalesce(context, '')), 'B')) STORED;
            CREATE INDEX memories_tsv_ix ON {s}.memories USING gin (tsv);
            """;
    }

    /// <summary>The columns that can hold memory text or an identifier: the planner never samples them (see <see cref="Version3"/>).</summary>
    internal static readonly IReadOnlyDictionary<string, string[]> UnsampledColumns = new Dictionary<string, string[]>
    {
        ["memories"] = ["tenant_id", "user_id", "agent_id", "session_id", "text", "topic", "speaker", "reference", "metadata", "context", "tsv"],
        ["memory_history"] = ["tenant_id", "user_id", "agent_id", "session_id", "previous_text", "new_text", "reason"],
        ["quarantine"] = ["tenant_id", "user_id", "agent_id", "session_id", "text", "speaker", "reference", "reason"],
        ["scope_versions"] = ["tenant_id", "user_id", "agent_id", "session_id"],
        ["audit"] = ["tenant_id", "user_id", "agent_id", "session_id", "query_hash", "detail"],
        ["formation_jobs"] = ["tenant_id", "user_id", "agent_id", "session_id", "scope_key", "payload", "last_error", "worker"],
    };

    /// <summary>
    /// Version 3: <c>ANALYZE</c> keeps sample values of each column (most common values, histogram bounds, lexemes) in
    /// <c>pg_statistic</c>, and leaves them there when a table has no rows left, so an erased memory's text or an erased
    /// user's id could outlive the erasure in the catalog. Columns that can hold text or identifiers get statistics target
    /// 0 (never sampled; the store's queries go through indexes on the scope columns, so plans do not depend on them).
    /// Samples collected before this version are deleted when the migrating role is a superuser; otherwise they stay until
    /// a superuser deletes them (see the README).
    /// </summary>
    internal static string Version3(PostgreSqlMemoryStoreOptions options)
    {
        var s = options.Schema;
        var sql = new StringBuilder();
        foreach (var (table, columns) in UnsampledColumns)
        {
            sql.Append(CultureInfo.InvariantCulture, $"ALTER TABLE {s}.{table} {string.Join(", ", columns.Select(c => $"ALTER COLUMN {c} SET STATISTICS 0"))};\n");
        }

        sql.Append(CultureInfo.InvariantCulture, $"""
            DO $$ BEGIN
                IF (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) THEN
                    DELETE FROM pg_catalog.pg_statistic WHERE starelid IN (SELECT oid FROM pg_catalog.pg_class WHERE relnamespace = '{s}'::regnamespace);
                END IF;
            END $$;
            """);
        return sql.ToString();
    }

    /// <summary>
    /// Version 4: formation jobs parked as failed after their last attempt (<see cref="FormationJob.FailedAt"/>); a parked
    /// job is kept but never claimed.
    /// </summary>
    internal static string Version4(PostgreSqlMemoryStoreOptions options)
        => $"ALTER TABLE {options.Schema}.formation_jobs ADD COLUMN failed_at timestamptz;";

    /// <summary>
    /// Version 5: facts valid in time. <c>valid_from</c> is when a memory became true (existing rows: when it happened,
    /// else when it was stored); <c>valid_to</c> is set when a newer memory superseded it (null while current).
    /// </summary>
    internal static string Version5(PostgreSqlMemoryStoreOptions options)
    {
        var s = options.Schema;
        return $"""
            ALTER TABLE {s}.memories ADD COLUMN valid_from timestamptz, ADD COLUMN valid_to timestamptz;
            UPDATE {s}.memories SET valid_from = coalesce(occurred_at, created_at);
            """;
    }

    private static async Task ExecAsync(NpgsqlConnection connection, NpgsqlTransaction tx, string sql, CancellationToken cancellationToken)
    {
        await using var cmd = new NpgsqlCommand(sql, connection, tx);
        await cmd.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
