using System.Collections.Concurrent;
using System.Collections.ObjectModel;
using AgentMemory.Vectors;

namespace AgentMemory.Storage.InMemory;

/// <summary>
/// A thread-safe, process-local <see cref="IMemoryStore"/> and <see cref="IFormationOutbox"/>: one partition per exact
/// scope (records, a SIMD <see cref="VectorPartition"/> and a BM25 index), so a search reads only the partitions its
/// scope can see. Nothing survives the process. Register it with <c>UseInMemoryStore()</c>, or construct it directly
/// (benchmarks, tests, tools).
/// </summary>
/// <remarks>
/// Locking: a store-wide reader/writer gate is held shared by every operation and exclusively by
/// <see cref="EraseAsync"/> (so an erasure is one atomic step); each partition has its own reader/writer lock
/// (searches and reads share it, writes hold it exclusively). The audit trail and the outbox have their own locks.
/// No lock is held across an await.
/// <para>
/// Behaviour shared with every store (the conformance suite checks it): the first vector stored fixes the dimension;
/// stored embeddings are L2-normalised copies; <see cref="AddAsync"/> keeps a caller-supplied
/// <see cref="MemoryRecord.CreatedAt"/> (imports) and otherwise uses the clock; an update without an embedding removes
/// the memory's vector (a stale vector never describes new text). Lexical scores are BM25 within each visible
/// partition, merged by score; vector scores are cosine similarities.
/// </para>
/// </remarks>
internal sealed partial class InMemoryMemoryStore : IMemoryStore, IFormationOutbox, IDisposable
{
    private readonly TimeProvider _time;
    private readonly int _maxTextLength;
    private readonly InMemoryStoreOptions _options;
    private readonly ReaderWriterLockSlim _gate = new(LockRecursionPolicy.NoRecursion);
    private readonly ConcurrentDictionary<string, ScopePartition> _partitions = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<Guid, string> _ids = new();
    private int _dimension;

    /// <summary>Creates an empty store.</summary>
    /// <param name="timeProvider">The clock (default <see cref="TimeProvider.System"/>).</param>
    /// <param name="options">The options (default: <see cref="InMemoryStoreOptions"/>'s defaults).</param>
    public InMemoryMemoryStore(TimeProvider? timeProvider = null, InMemoryStoreOptions? options = null)
    {
        options ??= new InMemoryStoreOptions();
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.MaxTextLength, nameof(options));
        if (options.Dimension is { } dim)
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(dim, nameof(options));
            _dimension = dim;
        }

        _time = timeProvider ?? TimeProvider.System;
        _maxTextLength = options.MaxTextLength;
        if (options.QuantizeAtRows is { } quantizeAt)
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(quantizeAt, nameof(options));
        }

        options.Vectors.Validate();
        _options = options;
    }

    /// <inheritdoc />
    public string Name => "inmemory";

    /// <summary>The vector dimension, or null until the first vector is stored.</summary>
    public int? Dimension => Volatile.Read(ref _dimension) is var d && d > 0 ? d : null;

    /// <inheritdoc />
    public Task<MemoryRecord> AddAsync(MemoryRecord record, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        ArgumentNullException.ThrowIfNull(record);
        MemoryRecordValidator.Validate(record, _maxTextLength, Dimension);
        var vector = record.Embedding.IsEmpty ? null : VectorMath.Normalize(record.Embedding.Span);
        var now = _time.GetUtcNow();
        _gate.EnterReadLock();
        try
        {
            var p = _partitions.GetOrAdd(record.Scope.Key, static (_, s) => new ScopePartition(s.Scope, s.Options), (record.Scope, Options: _options));
            p.Lock.EnterWriteLock();
            try
            {
                while (true)
                {
                    if (_ids.TryGetValue(record.Id, out var owner))
                    {
                        if (!string.Equals(owner, p.Scope.Key, StringComparison.Ordinal))
                        {
                            throw new MemoryConcurrencyException($"Memory {record.Id} already exists in another scope.") { Component = Name, Operation = "add" };
                        }

                        return Task.FromResult(p.Records[record.Id]);
                    }

                    if (vector is not null)
                    {
                        EnsureDimension(vector.Length);
                    }

                    if (_ids.TryAdd(record.Id, p.Scope.Key))
                    {
                        break;
                    }
                }

                var stored = MemoryRecordVersioning.FirstVersion(record, p.Scope, vector ?? ReadOnlyMemory<float>.Empty, now);
                p.Index.Put(stored, vector);
                p.AddHistory(new MemoryHistoryEntry(stored.Id, p.Scope, 1, MemoryChangeKind.Created, null, stored.Text, now));
                Audit(AuditAction.Created, p.Scope, now, [stored.Id]);
                return Task.FromResult(stored);
            }
            finally
            {
                p.Lock.ExitWriteLock();
            }
        }
        finally
        {
            _gate.ExitReadLock();
        }
    }

    /// <inheritdoc />
    public Task<MemoryRecord> UpdateAsync(MemoryRecord record, MemoryChangeKind change = MemoryChangeKind.Updated, string? reason = null, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        ArgumentNullException.ThrowIfNull(record);
        if (change is not (MemoryChangeKind.Updated or MemoryChangeKind.Superseded))
        {
            throw new ArgumentOutOfRangeException(nameof(change), change, "An update is Updated or Superseded.");
        }

        MemoryRecordValidator.Validate(record, _maxTextLength, Dimension);
        var vector = record.Embedding.IsEmpty ? null : VectorMath.Normalize(record.Embedding.Span);
        var now = _time.GetUtcNow();
        _gate.EnterReadLock();
        try
        {
            var p = FindOwner(record.Scope, record.Id) ?? throw new MemoryNotFoundException(record.Id);
            p.Lock.EnterWriteLock();
            try
            {
                if (!p.Records.TryGetValue(record.Id, out var current) || current.IsExpired(now))
                {
                    throw new MemoryNotFoundException(record.Id);
                }

                if (current.Version != record.Version)
                {
                    throw new MemoryConcurrencyException($"Memory {record.Id} is at version {current.Version}, not {record.Version}.") { Component = Name, Operation = "update" };
                }

                if (vector is not null)
                {
                    EnsureDimension(vector.Length);
                }

                var stored = MemoryRecordVersioning.NextVersion(current, record, vector ?? ReadOnlyMemory<float>.Empty, now);
                p.Index.Put(stored, vector);
                p.AddHistory(new MemoryHistoryEntry(stored.Id, p.Scope, stored.Version, change, current.Text, stored.Text, now, reason));
                Audit(change == MemoryChangeKind.Superseded ? AuditAction.Superseded : AuditAction.Updated, p.Scope, now, [stored.Id], reason);
                return Task.FromResult(stored);
            }
            finally
            {
                p.Lock.ExitWriteLock();
            }
        }
        finally
        {
            _gate.ExitReadLock();
        }
    }

    /// <inheritdoc />
    public Task<bool> DeleteAsync(MemoryScope scope, Guid id, MemoryChangeKind change = MemoryChangeKind.Deleted, string? reason = null, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        ArgumentNullException.ThrowIfNull(scope);
        var action = MemoryRecordVersioning.RemovalAuditAction(change);
        var now = _time.GetUtcNow();
        _gate.EnterReadLock();
        try
        {
            var p = FindOwner(scope, id);
            if (p is null)
            {
                return Task.FromResult(false);
            }

            p.Lock.EnterWriteLock();
            try
            {
                if (!RemoveRecord(p, id, change, reason, now))
                {
                    return Task.FromResult(false);
                }

                Audit(action, p.Scope, now, [id], reason);
                return Task.FromResult(true);
            }
            finally
            {
                p.Lock.ExitWriteLock();
            }
        }
        finally
        {
            _gate.ExitReadLock();
        }
    }

    /// <inheritdoc />
    public Task<MemoryRecord?> GetAsync(MemoryScope scope, Guid id, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        ArgumentNullException.ThrowIfNull(scope);
        var now = _time.GetUtcNow();
        _gate.EnterReadLock();
        try
        {
            var p = FindOwner(scope, id);
            if (p is null)
            {
                return Task.FromResult<MemoryRecord?>(null);
            }

            p.Lock.EnterReadLock();
            try
            {
                return Task.FromResult(p.Records.TryGetValue(id, out var r) && !r.IsExpired(now) ? r : null);
            }
            finally
            {
                p.Lock.ExitReadLock();
            }
        }
        finally
        {
            _gate.ExitReadLock();
        }
    }

    /// <summary>Releases the locks.</summary>
    public void Dispose()
    {
        foreach (var p in _partitions.Values)
        {
            p.Dispose();
        }

        _gate.Dispose();
    }


    /// <summary>The partition owning <paramref name="id"/> when <paramref name="reader"/> can see it; caller holds the gate.</summary>
    private ScopePartition? FindOwner(MemoryScope reader, Guid id)
        => _ids.TryGetValue(id, out var key) && _partitions.TryGetValue(key, out var p) && reader.CanSee(p.Scope) ? p : null;

    /// <summary>Removes a record with its vector, index row and id, and writes its history; caller holds the partition's write lock.</summary>
    private bool RemoveRecord(ScopePartition p, Guid id, MemoryChangeKind change, string? reason, DateTimeOffset now)
    {
        if (!p.Index.Remove(id, out var removed))
        {
            return false;
        }

        _ids.TryRemove(new KeyValuePair<Guid, string>(id, p.Scope.Key));
        p.AddHistory(new MemoryHistoryEntry(id, p.Scope, removed!.Version, change, removed.Text, null, now, reason));
        return true;
    }

    private void EnsureDimension(int length)
    {
        var current = Interlocked.CompareExchange(ref _dimension, length, 0);
        if (current != 0 && current != length)
        {
            throw new InvalidMemoryException(MemoryValidationError.DimensionMismatch, $"The store holds {current}-dimensional vectors; this one has {length}.", nameof(length));
        }
    }
}
