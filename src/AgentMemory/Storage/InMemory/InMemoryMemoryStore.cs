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
