using System.Runtime.CompilerServices;
using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace AgentMemory.Sqlite;

/// <summary>
/// The embedded durable <see cref="IMemoryStore"/> and <see cref="IFormationOutbox"/>: one SQLite file in WAL mode,
/// records with their history and audit, an FTS5 (BM25) lexical index and float32 vector BLOBs, written together in one
/// transaction per operation. Each scope's vectors are loaded into a SIMD <see cref="Vectors.VectorPartition"/> on first
/// use and kept coherent with writes of this and other processes through a per-scope generation, so a warm recall scans
/// memory, not the disk. Several instances and processes may share the file.
/// </summary>
/// <remarks>
/// Register it with <c>UseSqlite("Data Source=memory.db")</c>, or construct it directly. The schema is created and
/// migrated on construction (or, when another connection holds the file's lock then, by the first operation). <c>SQLITE_BUSY</c>
/// is absorbed by the busy timeout and bounded retries with back-off (Polly, waiting on the injected
/// <see cref="TimeProvider"/>); a provider failure that remains surfaces as <see cref="MemoryStoreException"/>.
/// </remarks>
public sealed partial class SqliteMemoryStore : IMemoryStore, IFormationOutbox, IDisposable
{
    private readonly ConnectionPool _pool;
    private readonly TimeProvider _time;
    private readonly SqliteMemoryStoreOptions _options;
    private readonly ILogger _logger;
    private readonly ConcurrentDictionary<string, long> _scopeIds = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<long, MemoryScope> _scopes = new();
    private readonly ScopeIndexCache<long> _indexes;
    private readonly DeferredAccessRecorder? _accesses;
    private readonly Polly.ResiliencePipeline _busyRetry;
    private readonly Polly.ResiliencePipeline<bool> _checkpointRetry;
    private int _dimension;
    private bool _initialized;
    private long _lexicalWrites;

    /// <summary>Opens (creating or upgrading when needed) the store over the file named by <paramref name="options"/>.</summary>
    /// <param name="options">The options; <see cref="SqliteMemoryStoreOptions.ConnectionString"/> is required.</param>
    /// <param name="timeProvider">The clock (default <see cref="TimeProvider.System"/>); it also drives the retries of a pending erasure scrub.</param>
    /// <param name="logger">The logger (default none).</param>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    /// <exception cref="MemoryStoreException">The file cannot be opened or migrated.</exception>
    public SqliteMemoryStore(SqliteMemoryStoreOptions options, TimeProvider? timeProvider = null, ILogger<SqliteMemoryStore>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.ConnectionString, nameof(options));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.MaxTextLength, nameof(options));
        ArgumentOutOfRangeException.ThrowIfNegative(options.BusyRetries, nameof(options));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.MaxCachedScopes, nameof(options));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.MaxCachedMemories, nameof(options));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.MaxCachedScopeIds, nameof(options));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.MaxQueryTerms, nameof(options));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.AccessFlushBatch, nameof(options));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.LexicalMergePages, nameof(options));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.WalAutoCheckpointPages, nameof(options));
        if (options.PageSize is < 512 or > 65_536 || !int.IsPow2(options.PageSize))
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.PageSize, "The page size is a power of two from 512 to 65,536.");
        }

        if (options.LexicalMergeInterval is { } mergeEvery)
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(mergeEvery, nameof(options));
        }

        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.AccessFlushInterval, TimeSpan.Zero, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.ScrubBusyTimeout, TimeSpan.Zero, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.ScrubRetryInterval, TimeSpan.Zero, nameof(options));
        if (!Enum.IsDefined(options.AccessRecording))
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.AccessRecording, "Unknown access recording mode.");
        }
        if (options.QuantizeAtRows is { } quantizeAt)
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(quantizeAt, nameof(options));
        }
        if (options.Dimension is { } dim)
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(dim, nameof(options));
        }

        (options.Vectors ?? throw new ArgumentException("Vectors options are required.", nameof(options))).Validate();
        _options = options;
        _time = timeProvider ?? TimeProvider.System;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _pool = new ConnectionPool(options);
        var quantizeAtRows = options.QuantizeAtRows ?? int.MaxValue;
        _indexes = new ScopeIndexCache<long>(options.MaxCachedScopes, options.MaxCachedMemories, scope => new ScopeIndex(scope, options.Vectors, quantizeAtRows, trackRows: true, keepEmbeddings: false));
        _busyRetry = BusyRetry.Create(options.BusyRetries, _time);
        _checkpointRetry = BusyRetry.UntilTrue(options.BusyRetries, _time);
        TryInitialize();
        if (options.AccessRecording == AccessRecordingMode.Deferred)
        {
            _accesses = new DeferredAccessRecorder(WriteAccessesAsync, options.AccessFlushBatch, options.AccessFlushInterval, _time);
        }
    }

    /// <summary>Opens the store over <paramref name="connectionString"/> with default options.</summary>
    public SqliteMemoryStore(string connectionString, TimeProvider? timeProvider = null)
        : this(new SqliteMemoryStoreOptions { ConnectionString = connectionString }, timeProvider)
    {
    }

    /// <inheritdoc />
    public string Name => "sqlite";

    /// <summary>The database file's full path.</summary>
    public string DataSource => _pool.DataSource;

    /// <summary>The vector dimension of the file, or null until the first vector is stored.</summary>
    public int? Dimension => Volatile.Read(ref _dimension) is var d && d > 0 ? d : null;

    /// <summary>How many scopes are cached, and how many memories they hold together (tests of the bounds).</summary>
    internal (int Scopes, long Memories, int ScopeIds) CacheSizes => (_indexes.Count, _indexes.Memories, _scopeIds.Count);

    /// <summary>Writes the queued accesses (deferred access recording) and closes the store's connections.</summary>
    /// <remarks>An erasure scrub still pending stays recorded in the file; the next store that opens it finishes it.</remarks>
    public void Dispose()
    {
        StopScrubTimer();
        _accesses?.Dispose();
        _pool.Dispose();
        _indexes.Clear();
    }

    /// <summary>
    /// One attempt to create or migrate the schema and read the file's state. When another connection holds the file's lock
    /// (a process migrating it), the store opens anyway and its first operation initializes it, with that operation's
    /// retries: a constructor never waits.
    /// </summary>
    private void TryInitialize()
    {
        PooledConnection? c = null;
        try
        {
            c = _pool.Rent();
            EnsureInitialized(c);
        }
        catch (SqliteException ex) when (BusyRetry.IsBusy(ex))
        {
            // Left to the first operation.
        }
        catch (SqliteException ex)
        {
            throw new MemoryStoreException(Name, "open", ex);
        }
        finally
        {
            if (c is not null)
            {
                _pool.Return(c);
            }
        }
    }

    /// <summary>Creates or migrates the schema and reads the file's dimension and pending scrub, once per store.</summary>
    private void EnsureInitialized(PooledConnection c)
    {
        if (Volatile.Read(ref _initialized))
        {
            return;
        }

        SqliteSchema.Migrate(c.Connection, _time.GetUtcNow().UtcTicks);
        var stored = ReadDimension(c);
        if (_options.Dimension is { } wanted && stored is { } have && have != wanted)
        {
            throw new MemoryStoreException($"The SQLite file holds {have}-dimensional vectors; the options ask for {wanted}.") { Component = Name, Operation = "open" };
        }

        _dimension = stored ?? _options.Dimension ?? 0;
        if (ReadScrubTicket(c) is not null)
        {
            // An erasure of this or another (closed, crashed) store was not yet scrubbed from the files.
            MarkScrubPending();
        }

        Volatile.Write(ref _initialized, true);
    }

    /// <summary>
    /// Runs <paramref name="body"/> on a pooled connection, in a transaction when asked, through the busy-retry pipeline
    /// (<see cref="BusyRetry"/>); a provider failure that remains becomes a <see cref="MemoryStoreException"/>.
    /// </summary>
    private async Task<T> RunAsync<T>(string operation, Transaction mode, Func<PooledConnection, T> body, CancellationToken cancellationToken)
    {
        try
        {
            return await _busyRetry.ExecuteAsync(
                static (s, token) => ValueTask.FromResult(s.Store.Attempt(s.Mode, s.Body, token)),
                (Store: this, Mode: mode, Body: body),
                cancellationToken).ConfigureAwait(false);
        }
        catch (SqliteException ex)
        {
            throw new MemoryStoreException(Name, operation, ex);
        }
    }

    /// <summary>
    /// Reads the rows of one query in a read transaction, keeping at most <paramref name="limit"/> (a row
    /// <paramref name="read"/> returns null for is skipped), then yields them, checking for cancellation between rows.
    /// </summary>
    private async IAsyncEnumerable<T> ReadRowsAsync<T>(
        string operation,
        Func<PooledConnection, SqliteCommand> command,
        Func<PooledConnection, SqliteDataReader, T?> read,
        int limit,
        [EnumeratorCancellation] CancellationToken cancellationToken)
        where T : class
    {
        var rows = await RunAsync(operation, Transaction.Read, c =>
        {
            var cmd = command(c);
            var result = new List<T>();
            using var r = cmd.ExecuteReader();
            while (result.Count < limit && r.Read())
            {
                if (read(c, r) is { } row)
                {
                    result.Add(row);
                }
            }

            return result;
        }, cancellationToken).ConfigureAwait(false);
        foreach (var row in rows)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return row;
        }
    }

    /// <summary>One attempt of <see cref="RunAsync"/>: a pooled connection, the transaction, the body, the commit.</summary>
    private T Attempt<T>(Transaction mode, Func<PooledConnection, T> body, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        PooledConnection? c = null;
        try
        {
            c = _pool.Rent();
            EnsureInitialized(c);
            if (mode != Transaction.None)
            {
                c.Begin(write: mode == Transaction.Write);
            }

            var result = body(c);
            c.Transaction?.Commit();
            c.CommitScopes(_scopeIds, _scopes);
            TrimScopeIds();
            if (mode == Transaction.Write && ScrubPending)
            {
                c.EndTransaction();
                ScrubAfterWrite(c);
            }

            return result;
        }
        catch
        {
            c?.DiscardScopes();
            throw;
        }
        finally
        {
            if (c is not null)
            {
                _pool.Return(c);
            }
        }
    }

    /// <summary>The row id of <paramref name="scope"/>, creating the row when missing (inside the caller's write transaction).</summary>
    private long EnsureScope(PooledConnection c, MemoryScope scope)
    {
        if (c.PendingScopes.TryGetValue(scope.Key, out var id))
        {
            return id;
        }

        if (_scopeIds.TryGetValue(scope.Key, out id))
        {
            // An erasure (of any process) retires a scope's row, so a cached id is checked once per transaction.
            var current = c.Statement("SELECT count(*) FROM scopes WHERE id = ?1 AND key = ?2");
            current.Bind(1, id);
            current.Bind(2, scope.Key);
            if (current.ExecuteScalarInt64() == 1)
            {
                c.PendingScopes[scope.Key] = id;
                c.PendingScopeObjects[id] = scope;
                return id;
            }

            _scopeIds.TryRemove(KeyValuePair.Create(scope.Key, id));
        }

        var insert = c.Command("INSERT INTO scopes(key, tenant, user_id, agent_id, session_id) VALUES ($key, $t, $u, $a, $s) ON CONFLICT(key) DO NOTHING");
        insert.Parameters.AddWithValue("$key", scope.Key);
        insert.Parameters.AddWithValue("$t", scope.TenantId);
        insert.Parameters.AddWithValue("$u", SqliteValues.ToDb(scope.UserId));
        insert.Parameters.AddWithValue("$a", SqliteValues.ToDb(scope.AgentId));
        insert.Parameters.AddWithValue("$s", SqliteValues.ToDb(scope.SessionId));
        insert.ExecuteNonQuery();
        var select = c.Command("SELECT id FROM scopes WHERE key = $key");
        select.Parameters.AddWithValue("$key", scope.Key);
        id = (long)select.ExecuteScalar()!;
        c.PendingScopes[scope.Key] = id;
        c.PendingScopeObjects[id] = scope;
        return id;
    }

    /// <summary>
    /// Forgets every remembered scope id once there are more than <see cref="SqliteMemoryStoreOptions.MaxCachedScopeIds"/>
    /// (they are looked up again as used), so a process that sees ever new users or sessions stays bounded.
    /// </summary>
    private void TrimScopeIds()
    {
        if (_scopeIds.Count > _options.MaxCachedScopeIds || _scopes.Count > _options.MaxCachedScopeIds)
        {
            _scopeIds.Clear();
            _scopes.Clear();
        }
    }

    /// <summary>
    /// The scope of a row id (cached; scope rows are never deleted, so ids are stable and never reused; an erasure retires
    /// its scopes' rows, which no record, history, audit, quarantine or job row references afterwards).
    /// </summary>
    private MemoryScope ScopeOf(PooledConnection c, long scopeId)
    {
        if (_scopes.TryGetValue(scopeId, out var scope) || c.PendingScopeObjects.TryGetValue(scopeId, out scope))
        {
            return scope;
        }

        var cmd = c.Command("SELECT key FROM scopes WHERE id = $id");
        cmd.Parameters.AddWithValue("$id", scopeId);
        scope = MemoryScope.Parse((string)cmd.ExecuteScalar()!);
        _scopes[scopeId] = scope;
        _scopeIds[scope.Key] = scopeId;
        return scope;
    }

    /// <summary>Bumps a scope's generation (inside the write transaction) and returns the new value.</summary>
    private static long BumpGeneration(PooledConnection c, long scopeId)
    {
        var bump = c.Statement("UPDATE scopes SET generation = generation + 1 WHERE id = ?1 RETURNING generation");
        bump.Bind(1, scopeId);
        return bump.ExecuteScalarInt64();
    }

    /// <summary>After a commit: applies this process's change to the scope's index, or marks it stale when it missed one.</summary>
    private void ApplyToCache(long scopeId, long generation, Action<ScopeIndex> apply) => _indexes.Apply(scopeId, generation, apply);

    private static int? ReadDimension(PooledConnection c)
    {
        var cmd = c.Command("SELECT value FROM meta WHERE key = 'dimension'");
        return cmd.ExecuteScalar() is string s ? int.Parse(s, System.Globalization.CultureInfo.InvariantCulture) : null;
    }

    /// <summary>Fixes the file's dimension on the first vector, or rejects a different one (inside the write transaction).</summary>
    private void EnsureDimension(PooledConnection c, int length)
    {
        var known = Dimension ?? ReadDimension(c);
        if (known is null)
        {
            var cmd = c.Command("INSERT INTO meta(key, value) VALUES ('dimension', $v)");
            cmd.Parameters.AddWithValue("$v", length.ToString(System.Globalization.CultureInfo.InvariantCulture));
            cmd.ExecuteNonQuery();
            known = length;
        }

        if (known != length)
        {
            throw new InvalidMemoryException(MemoryValidationError.DimensionMismatch, $"The store holds {known}-dimensional vectors; this one has {length}.", nameof(length));
        }

        Volatile.Write(ref _dimension, known.Value);
    }

    private enum Transaction
    {
        None,
        Read,
        Write,
    }
}
