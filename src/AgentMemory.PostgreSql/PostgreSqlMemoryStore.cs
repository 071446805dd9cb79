using System.Collections.ObjectModel;
using AgentMemory.PostgreSql.Schema;
using AgentMemory.Vectors;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace AgentMemory.PostgreSql;

/// <summary>
/// A <see cref="IMemoryStore"/> and <see cref="IFormationOutbox"/> on PostgreSQL, shared by many app instances: rows keyed
/// by tenant and user, full-text search with <c>tsvector</c>, vectors stored as float32 bytes and scored in-process with
/// the SIMD core over a per-scope cache that any instance's write invalidates (a per-scope version row bumped in the
/// write's transaction and checked by every recall), and a lease-based outbox claimed with <c>FOR UPDATE SKIP LOCKED</c>.
/// </summary>
/// <remarks>
/// Transient failures (server restart, dropped connection) are retried with back-off where that is safe: reads,
/// idempotent writes, and every other write after checking, by its write id, whether the failed attempt committed.
/// Register it with <c>UsePostgreSql(…)</c>, or construct it over an <see cref="NpgsqlDataSource"/>.
/// </remarks>
public sealed partial class PostgreSqlMemoryStore : IMemoryStore, IFormationOutbox, IAsyncDisposable, IDisposable
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly bool _ownsDataSource;
    private readonly PostgreSqlMemoryStoreOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly string _s;
    private readonly ScopeIndexCache<string> _cache;
    private readonly Polly.ResiliencePipeline _retry;
    private readonly SemaphoreSlim _initLock = new(1, 1);
    private volatile bool _initialized;
    private int _dimension;

    /// <summary>Creates a store over <paramref name="dataSource"/> (not disposed by the store).</summary>
    /// <param name="dataSource">The connection source.</param>
    /// <param name="options">The options (defaults when null).</param>
    /// <param name="timeProvider">The clock (default <see cref="TimeProvider.System"/>).</param>
    /// <param name="logger">The logger.</param>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException">An option is invalid.</exception>
    public PostgreSqlMemoryStore(NpgsqlDataSource dataSource, PostgreSqlMemoryStoreOptions? options = null, TimeProvider? timeProvider = null, ILogger<PostgreSqlMemoryStore>? logger = null)
        : this(dataSource, ownsDataSource: false, options, timeProvider, logger)
    {
    }

    internal PostgreSqlMemoryStore(NpgsqlDataSource dataSource, bool ownsDataSource, PostgreSqlMemoryStoreOptions? options, TimeProvider? timeProvider, ILogger? logger)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        options ??= new PostgreSqlMemoryStoreOptions();
        options.Validate();
        _dataSource = dataSource;
        _ownsDataSource = ownsDataSource;
        _options = options;
        _s = options.Schema;
        _time = timeProvider ?? TimeProvider.System;
        _logger = logger ?? NullLogger.Instance;
        _retry = TransientRetry.Create(options.MaxRetries, options.RetryBaseDelay, _time, IsTransient, OnRetry);
        _cache = new ScopeIndexCache<string>(options.MaxCachedScopes, options.MaxCachedMemories, static scope => new ScopeIndex(scope, keepEmbeddings: false), StringComparer.Ordinal);
    }

    /// <inheritdoc />
    public string Name => "postgresql";

    /// <summary>The vector dimension, or null until a vector is stored (by any instance) or configured.</summary>
    public int? Dimension => Volatile.Read(ref _dimension) is var d && d > 0 ? d : null;

    /// <summary>How many scopes' vectors this instance holds in its recall cache.</summary>
    public int CachedScopes => _cache.Count;

    /// <summary>Creates or migrates the schema (once per instance; concurrent instances serialise on an advisory lock).</summary>
    public async Task InitializeAsync(CancellationToken cancellationToken = default)
    {
        if (_initialized)
        {
            return;
        }

        await _initLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!_initialized)
            {
                await RetryAsync(
                    "initialize",
                    static async (store, token) =>
                    {
                        await store.InitializeOnceAsync(token).ConfigureAwait(false);
                        return true;
                    },
                    cancellationToken).ConfigureAwait(false);
                _initialized = true;
            }
        }
        finally
        {
            _initLock.Release();
        }
    }

    /// <inheritdoc />
    public async Task<MemoryRecord> AddAsync(MemoryRecord record, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        ArgumentNullException.ThrowIfNull(record);
        await EnsureInitializedAsync(cancellationToken).ConfigureAwait(false);
        MemoryRecordValidator.Validate(record, _options.MaxTextLength, Dimension);
        TextGuard.Check(record);
        var vector = record.Embedding.IsEmpty ? null : VectorMath.Normalize(record.Embedding.Span);
        var now = Columns.Micro(_time.GetUtcNow());
        var created = record.CreatedAt == default ? now : Columns.Micro(record.CreatedAt);
        var stored = record with
        {
            Embedding = vector ?? ReadOnlyMemory<float>.Empty,
            Metadata = MemoryRecordVersioning.CopyMetadata(record.Metadata),
            Version = 1,
            CreatedAt = created,
            UpdatedAt = record.UpdatedAt == default ? created : Columns.Micro(record.UpdatedAt),
            LastAccessedAt = Columns.Micro(record.LastAccessedAt),
            ExpiresAt = Columns.Micro(record.ExpiresAt),
            OccurredAt = Columns.Micro(record.OccurredAt),
        };
        stored = stored with { ValidFrom = Columns.Micro(stored.ValidFrom), ValidTo = Columns.Micro(record.ValidTo) };

        // Idempotent by id, so a retry after an unknown outcome simply runs again and finds the stored record.
        return await WriteAsync("add", Guid.NewGuid(), async (c, tx, ct) =>
        {
            await ExecAsync(c, tx, "SELECT pg_advisory_xact_lock(@k)", p => p.AddWithValue("k", IdLockKey(record.Id)), ct).ConfigureAwait(false);
            var existing = await ReadRecordAsync(c, tx, $"SELECT {Columns.Record} FROM {_s}.memories m WHERE m.id = @id", p => p.AddWithValue("id", record.Id), ct).ConfigureAwait(false);
            if (existing is not null)
            {
                return existing.Scope == record.Scope
                    ? existing
                    : throw new MemoryConcurrencyException($"Memory {record.Id} already exists in another scope.") { Component = Name, Operation = "add" };
            }

            if (vector is not null)
            {
                await EnsureDimensionAsync(c, tx, vector.Length, ct).ConfigureAwait(false);
            }

            await ExecAsync(c, tx, $"""
                INSERT INTO {_s}.memories (tenant_id, user_id, agent_id, session_id, id, kind, text, topic, importance, source, speaker, reference, metadata,
                    created_at, updated_at, last_accessed_at, access_count, expires_at, occurred_at, version, schema_version, embedding, context,
                    valid_from, valid_to)
                VALUES (@t, @u, @a, @s, @id, @kind, @text, @topic, @importance, @source, @speaker, @reference, @metadata::jsonb,
                    @created, @updated, @accessed, @access_count, @expires, @occurred, @version, @schema_version, @embedding, @context,
                    @valid_from, @valid_to)
                """, p => AddRecordParameters(p, stored, vector), ct).ConfigureAwait(false);
            await RecordChangeAsync(c, tx, stored.Scope, new MemoryHistoryEntry(stored.Id, stored.Scope, 1, MemoryChangeKind.Created, null, stored.Text, now), AuditAction.Created, Guid.NewGuid(), ct).ConfigureAwait(false);
            return stored;
        }, applied: null, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<MemoryRecord> UpdateAsync(MemoryRecord record, MemoryChangeKind change = MemoryChangeKind.Updated, string? reason = null, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        ArgumentNullException.ThrowIfNull(record);
        if (change is not (MemoryChangeKind.Updated or MemoryChangeKind.Superseded))
        {
            throw new ArgumentOutOfRangeException(nameof(change), change, "An update is Updated or Superseded.");
        }

        reason = TextGuard.Clean(reason);
        await EnsureInitializedAsync(cancellationToken).ConfigureAwait(false);
        MemoryRecordValidator.Validate(record, _options.MaxTextLength, Dimension);
        TextGuard.Check(record);
        var vector = record.Embedding.IsEmpty ? null : VectorMath.Normalize(record.Embedding.Span);
        var now = Columns.Micro(_time.GetUtcNow());
        var writeId = Guid.NewGuid();
        MemoryRecord? result = null;

        // Not idempotent (a second run would fail the version check): a retry first asks whether this write committed.
        return await WriteAsync("update", writeId, async (c, tx, ct) =>
        {
            var current = await ReadRecordAsync(c, tx, $"SELECT {Columns.Record} FROM {_s}.memories m WHERE m.id = @id AND {Columns.Visible} FOR UPDATE", p =>
            {
                p.AddWithValue("id", record.Id);
                Columns.AddScope(p, record.Scope);
            }, ct).ConfigureAwait(false);
            if (current is null || current.IsExpired(now))
            {
                throw new MemoryNotFoundException(record.Id);
            }

            if (current.Version != record.Version)
            {
                throw new MemoryConcurrencyException($"Memory {record.Id} is at version {current.Version}, not {record.Version}.") { Component = Name, Operation = "update" };
            }

            if (vector is not null)
            {
                await EnsureDimensionAsync(c, tx, vector.Length, ct).ConfigureAwait(false);
            }

            var stored = MemoryRecordVersioning.NextVersion(current, record, vector ?? ReadOnlyMemory<float>.Empty, now) with
            {
                ExpiresAt = Columns.Micro(record.ExpiresAt),
                OccurredAt = Columns.Micro(record.OccurredAt),
            };
            stored = stored with { ValidFrom = Columns.Micro(stored.ValidFrom), ValidTo = Columns.Micro(record.ValidTo) };
            await ExecAsync(c, tx, $"""
                UPDATE {_s}.memories SET kind = @kind, text = @text, topic = @topic, importance = @importance, source = @source, speaker = @speaker,
                    reference = @reference, metadata = @metadata::jsonb, updated_at = @updated, expires_at = @expires, occurred_at = @occurred,
                    version = @version, schema_version = @schema_version, embedding = @embedding, context = @context,
                    valid_from = @valid_from, valid_to = @valid_to
                WHERE tenant_id = @t AND id = @id
                """, p => AddRecordParameters(p, stored, vector), ct).ConfigureAwait(false);
            var action = change == MemoryChangeKind.Superseded ? AuditAction.Superseded : AuditAction.Updated;
            await RecordChangeAsync(c, tx, stored.Scope, new MemoryHistoryEntry(stored.Id, stored.Scope, stored.Version, change, current.Text, stored.Text, now, reason), action, writeId, ct).ConfigureAwait(false);
            result = stored;
            return stored;
        }, applied: (_, _) => Task.FromResult(result ?? throw new MemoryStoreException($"The {Name} store lost track of update {writeId}.")), cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<bool> DeleteAsync(MemoryScope scope, Guid id, MemoryChangeKind change = MemoryChangeKind.Deleted, string? reason = null, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        ArgumentNullException.ThrowIfNull(scope);
        reason = TextGuard.Clean(reason);
        var action = MemoryRecordVersioning.RemovalAuditAction(change);
        var now = Columns.Micro(_time.GetUtcNow());
        var writeId = Guid.NewGuid();
        return await WriteAsync("delete", writeId, async (c, tx, ct) =>
        {
            var removed = await ReadRecordAsync(c, tx, $"DELETE FROM {_s}.memories m WHERE m.id = @id AND {Columns.Visible} RETURNING {Columns.Record}", p =>
            {
                p.AddWithValue("id", id);
                Columns.AddScope(p, scope);
            }, ct, withEmbedding: false).ConfigureAwait(false);
            if (removed is null)
            {
                return false;
            }

            await RecordChangeAsync(c, tx, removed.Scope, new MemoryHistoryEntry(id, removed.Scope, removed.Version, change, removed.Text, null, now, reason), action, writeId, ct).ConfigureAwait(false);
            return true;
        }, applied: (_, _) => Task.FromResult(true), cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public Task<MemoryRecord?> GetAsync(MemoryScope scope, Guid id, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        ArgumentNullException.ThrowIfNull(scope);
        var now = _time.GetUtcNow();
        return ReadAsync("get", (c, ct) => ReadRecordAsync(c, null, $"SELECT {Columns.Record} FROM {_s}.memories m WHERE m.id = @id AND {Columns.Visible} AND (m.expires_at IS NULL OR m.expires_at > @now)", p =>
        {
            p.AddWithValue("id", id);
            Columns.AddScope(p, scope);
            Columns.AddTime(p, "now", now);
        }, ct), cancellationToken);
    }

    /// <summary>Disposes the data source when the store created it.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_ownsDataSource)
        {
            await _dataSource.DisposeAsync().ConfigureAwait(false);
        }

        _initLock.Dispose();
    }

    /// <summary>Disposes the data source when the store created it.</summary>
    public void Dispose()
    {
        if (_ownsDataSource)
        {
            _dataSource.Dispose();
        }

        _initLock.Dispose();
    }


    private static long IdLockKey(Guid id)
    {
        Span<byte> bytes = stackalloc byte[16];
        id.TryWriteBytes(bytes);
        return BitConverter.ToInt64(bytes[..8]) ^ BitConverter.ToInt64(bytes[8..]);
    }
}
