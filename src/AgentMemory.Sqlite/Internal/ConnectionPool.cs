using System.Collections.Concurrent;
using System.Globalization;

namespace AgentMemory.Sqlite.Internal;

/// <summary>
/// The store's own small pool of open connections, each configured once: WAL (and its checkpoint size), busy timeout, synchronous mode and
/// <c>secure_delete</c> (so deleted content is zeroed in the file, not left in free pages).
/// </summary>
internal sealed class ConnectionPool : IDisposable
{
    private readonly ConcurrentQueue<PooledConnection> _idle = new();
    private readonly string _connectionString;
    private readonly SqliteMemoryStoreOptions _options;
    private int _idleCount;
    private bool _disposed;

    public ConnectionPool(SqliteMemoryStoreOptions options)
    {
        _options = options;
        var builder = new SqliteConnectionStringBuilder(options.ConnectionString)
        {
            Pooling = false,
            DefaultTimeout = Math.Max(1, (int)Math.Ceiling(options.BusyTimeout.TotalSeconds)),
        };
        if (builder.Mode == SqliteOpenMode.Memory || string.IsNullOrEmpty(builder.DataSource) || builder.DataSource == ":memory:")
        {
            throw new ArgumentException("The SQLite store needs a file (Data Source=path); in-memory databases are not shared between connections.", nameof(options));
        }

        _connectionString = builder.ToString();
        DataSource = Path.GetFullPath(builder.DataSource);
    }

    /// <summary>The database file's full path.</summary>
    public string DataSource { get; }

    public PooledConnection Rent()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_idle.TryDequeue(out var c))
        {
            Interlocked.Decrement(ref _idleCount);
            return c;
        }

        return Open();
    }

    public void Return(PooledConnection connection)
    {
        connection.EndTransaction();
        if (!_disposed && Interlocked.Increment(ref _idleCount) <= _options.MaxPooledConnections)
        {
            _idle.Enqueue(connection);
            return;
        }

        Interlocked.Decrement(ref _idleCount);
        connection.Dispose();
    }

    public void Dispose()
    {
        _disposed = true;
        while (_idle.TryDequeue(out var c))
        {
            c.Dispose();
        }
    }

    private PooledConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            connection.Open();
            var sync = _options.Synchronous == SqliteSynchronousMode.Full ? "FULL" : "NORMAL";
            var busy = (long)_options.BusyTimeout.TotalMilliseconds;
            using var cmd = connection.CreateCommand();

            // page_size takes effect only on a file nothing has been written to yet, so it comes before journal_mode.
#pragma warning disable CA2100 // Only numbers and a fixed keyword are formatted in.
            cmd.CommandText = string.Create(
                CultureInfo.InvariantCulture,
                $"PRAGMA busy_timeout = {busy}; PRAGMA page_size = {_options.PageSize}; PRAGMA journal_mode = WAL; PRAGMA synchronous = {sync}; PRAGMA secure_delete = ON; PRAGMA foreign_keys = OFF; PRAGMA wal_autocheckpoint = {_options.WalAutoCheckpointPages};");
#pragma warning restore CA2100
            cmd.ExecuteNonQuery();
            return new PooledConnection(connection);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }
}
