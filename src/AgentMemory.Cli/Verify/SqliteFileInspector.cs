using System.Globalization;
using AgentMemory.Sqlite;
using Microsoft.Data.Sqlite;

namespace AgentMemory.Cli.Verify;

/// <summary>
/// Reads an AgentMemory SQLite file without changing it (read-only connection, no migration): header, schema version,
/// SQLite's own integrity checks and counts. It knows the store's table names (schema version 4); everything else goes
/// through the store.
/// </summary>
internal sealed class SqliteFileInspector : IDisposable
{
    private static readonly byte[] Header = "SQLite format 3\0"u8.ToArray();
    private static readonly Lazy<int> Supported = new(ProbeSupportedVersion);
    private readonly SqliteConnection _connection;

    private SqliteFileInspector(SqliteConnection connection) => _connection = connection;

    /// <summary>The schema version this build's SQLite store writes (read from a fresh store, so it never goes stale).</summary>
    public static int SupportedSchemaVersion => Supported.Value;

    /// <summary>Opens the file read-only.</summary>
    /// <exception cref="CliException">The file is missing or is not a SQLite database.</exception>
    public static SqliteFileInspector Open(string path)
    {
        if (!File.Exists(path))
        {
            throw new CliException($"No memory file at '{path}'.");
        }

        var head = new byte[Header.Length];
        using (var file = File.OpenRead(path))
        {
            if (file.ReadAtLeast(head, head.Length, throwOnEndOfStream: false) < head.Length || !head.AsSpan().SequenceEqual(Header))
            {
                throw new CliException($"'{path}' is not a SQLite database (its header is wrong).", ExitCodes.Failed);
            }
        }

        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        return new SqliteFileInspector(connection);
    }

    public int ReadSchemaVersion()
    {
        if (Scalar<long>("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'agentmemory_schema'") == 0)
        {
            return 0;
        }

        return (int)Scalar<long>("SELECT coalesce(max(version), 0) FROM agentmemory_schema");
    }

    /// <summary>SQLite's <c>integrity_check</c> and <c>foreign_key_check</c>: an empty list when both pass.</summary>
    public IReadOnlyList<string> CheckIntegrity()
    {
        var problems = new List<string>();
        foreach (var row in Rows("PRAGMA integrity_check", r => r.GetString(0)))
        {
            if (!string.Equals(row, "ok", StringComparison.Ordinal))
            {
                problems.Add(row);
            }
        }

        problems.AddRange(Rows("PRAGMA foreign_key_check", r => $"foreign key: {r.GetString(0)} row {r.GetValue(1)} → {r.GetString(2)}"));
        foreach (var table in (string[])["scopes", "memories", "history", "audit", "quarantine", "jobs"])
        {
            if (Scalar<long>($"SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = '{table}'") == 0)
            {
                problems.Add($"table '{table}' is missing");
            }
        }

        return problems;
    }

    public long Count(string table) => Scalar<long>($"SELECT count(*) FROM {table}");

    /// <summary>Memories per owner scope and kind.</summary>
    public IReadOnlyList<ScopeCount> CountByScope() => Rows(
        "SELECT s.tenant, s.user_id, s.agent_id, s.session_id, m.kind, count(*) FROM memories m JOIN scopes s ON s.id = m.scope_id "
        + "GROUP BY s.id, m.kind ORDER BY s.tenant, s.user_id, s.agent_id, s.session_id, m.kind",
        r => new ScopeCount(
            r.GetString(0),
            r.IsDBNull(1) ? null : r.GetString(1),
            r.IsDBNull(2) ? null : r.GetString(2),
            r.IsDBNull(3) ? null : r.GetString(3),
            Enum.IsDefined((MemoryKind)r.GetInt32(4)) ? (MemoryKind)r.GetInt32(4) : MemoryKind.Semantic,
            r.GetInt64(5)));

    public void Dispose() => _connection.Dispose();

    private T Scalar<T>(string sql)
    {
        using var cmd = _connection.CreateCommand();
        cmd.CommandText = sql;
        return (T)Convert.ChangeType(cmd.ExecuteScalar()!, typeof(T), CultureInfo.InvariantCulture);
    }

    private List<T> Rows<T>(string sql, Func<SqliteDataReader, T> read)
    {
        using var cmd = _connection.CreateCommand();
        cmd.CommandText = sql;
        using var reader = cmd.ExecuteReader();
        var rows = new List<T>();
        while (reader.Read())
        {
            rows.Add(read(reader));
        }

        return rows;
    }

    private static int ProbeSupportedVersion()
    {
        var dir = Directory.CreateTempSubdirectory("agentmemory-probe-");
        try
        {
            var path = Path.Combine(dir.FullName, "probe.db");
            using (new SqliteMemoryStore(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString()))
            {
            }

            using var inspector = Open(path);
            return inspector.ReadSchemaVersion();
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
