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
}
