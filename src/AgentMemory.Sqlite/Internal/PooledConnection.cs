namespace AgentMemory.Sqlite.Internal;

/// <summary>An open connection with its pragmas set and its prepared commands cached by SQL text.</summary>
internal sealed class PooledConnection : IDisposable
{
    private readonly Dictionary<string, SqliteCommand> _commands = new(StringComparer.Ordinal);
    private readonly Dictionary<string, RawStatement> _statements = new(StringComparer.Ordinal);

    public PooledConnection(SqliteConnection connection)
    {
        Connection = connection;
    }

    public SqliteConnection Connection { get; }

    /// <summary>Scope rows created or found in the current transaction, published only after it commits.</summary>
    public Dictionary<string, long> PendingScopes { get; } = new(StringComparer.Ordinal);

    /// <summary>The scopes of <see cref="PendingScopes"/>, by row id.</summary>
    public Dictionary<long, MemoryScope> PendingScopeObjects { get; } = [];

    /// <summary>Publishes the scope rows of a committed transaction to the store's caches.</summary>
    public void CommitScopes(System.Collections.Concurrent.ConcurrentDictionary<string, long> ids, System.Collections.Concurrent.ConcurrentDictionary<long, MemoryScope> scopes)
    {
        foreach (var (key, id) in PendingScopes)
        {
            ids[key] = id;
        }

        foreach (var (id, scope) in PendingScopeObjects)
        {
            scopes[id] = scope;
        }

        DiscardScopes();
    }

    /// <summary>Forgets the scope rows of a rolled-back transaction.</summary>
    public void DiscardScopes()
    {
        PendingScopes.Clear();
        PendingScopeObjects.Clear();
    }

    /// <summary>The transaction in progress, attached to every command handed out.</summary>
    public SqliteTransaction? Transaction { get; private set; }

    /// <summary>A cached command for <paramref name="sql"/> with its parameters cleared.</summary>
    public SqliteCommand Command(string sql)
    {
        if (!_commands.TryGetValue(sql, out var cmd))
        {
            cmd = Connection.CreateCommand();
#pragma warning disable CA2100 // SQL text is always a constant of this assembly; user values go through parameters.
            cmd.CommandText = sql;
#pragma warning restore CA2100
            _commands[sql] = cmd;
        }

        cmd.Parameters.Clear();
        cmd.Transaction = Transaction;
        return cmd;
    }

    /// <summary>A cached native statement for <paramref name="sql"/> (see <see cref="RawStatement"/>), for per-row inserts.</summary>
    public RawStatement Statement(string sql)
    {
        if (!_statements.TryGetValue(sql, out var statement))
        {
            statement = new RawStatement(Connection.Handle!, sql);
            _statements[sql] = statement;
        }

        return statement;
    }

    /// <summary>Starts a transaction: <c>BEGIN IMMEDIATE</c> for writes (takes the write lock up front), <c>BEGIN</c> for reads.</summary>
    public SqliteTransaction Begin(bool write)
    {
        Transaction = Connection.BeginTransaction(deferred: !write);
        return Transaction;
    }

    /// <summary>Forgets the finished transaction.</summary>
    public void EndTransaction()
    {
        Transaction?.Dispose();
        Transaction = null;
    }

    public void Dispose()
    {
        EndTransaction();
        foreach (var cmd in _commands.Values)
        {
            cmd.Dispose();
        }

        _commands.Clear();
        foreach (var statement in _statements.Values)
        {
            statement.Dispose();
        }

        _statements.Clear();
        Connection.Dispose();
    }
}
