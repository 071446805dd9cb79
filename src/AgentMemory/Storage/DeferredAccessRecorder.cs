namespace AgentMemory.Storage;

/// <summary>
/// Takes access recording (<see cref="IMemoryStore.RecordAccessAsync"/>) off a durable store's recall path: accesses
/// are queued in memory, stamped with the injected clock's time, and handed to the store's batch writer when
/// <c>maxPending</c> accesses are queued, when <c>interval</c> has passed since the first queued one (a
/// <see cref="TimeProvider"/> timer), and whenever <see cref="FlushAsync"/> is called — which stores do before every
/// read that shows access statistics or audit entries, so read-your-writes holds in the process. Batches are written
/// one at a time and in order; a failed batch is put back in front of the queue and retried when the interval has passed
/// again (not on every later recall). The queue is bounded: while the store keeps failing, at most <c>maxQueued</c>
/// accesses are kept and the oldest beyond it are dropped and counted in <see cref="DroppedCount"/> — access statistics
/// are advisory, and a long-running host must not grow without bound behind a failing disk. <see cref="DiscardAsync"/>
/// drops the queued accesses of scopes being erased (and waits for a batch in flight), so an erasure never races a late
/// write. Thread-safe.
/// </summary>
internal sealed class DeferredAccessRecorder : IDisposable
{
    private readonly Func<IReadOnlyList<PendingAccess>, CancellationToken, Task> _write;
    private readonly TimeProvider _time;
    private readonly int _maxPending;
    private readonly int _maxQueued;
    private readonly TimeSpan _interval;
    private readonly Lock _sync = new();
    private readonly SemaphoreSlim _writeGate = new(1, 1);
    private List<PendingAccess> _pending = [];
    private ITimer? _timer;
    private bool _disposed;
    private bool _retrying;
    private long _dropped;

    /// <summary>Creates a recorder that hands batches to <paramref name="write"/>.</summary>
    /// <param name="write">Writes a batch of accesses, in order, in one durable operation.</param>
    /// <param name="maxPending">The queued accesses that trigger a write (at least 1).</param>
    /// <param name="interval">The longest an access waits before a write is started (positive).</param>
    /// <param name="timeProvider">The clock and timer source.</param>
    /// <param name="maxQueued">
    /// The most accesses kept queued while writes fail (at least <paramref name="maxPending"/>); beyond it the oldest are
    /// dropped. Default: 64 × <paramref name="maxPending"/>.
    /// </param>
    /// <exception cref="ArgumentOutOfRangeException">A limit is out of range.</exception>
    public DeferredAccessRecorder(Func<IReadOnlyList<PendingAccess>, CancellationToken, Task> write, int maxPending, TimeSpan interval, TimeProvider timeProvider, int? maxQueued = null)
    {
        ArgumentNullException.ThrowIfNull(write);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxPending);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(interval, TimeSpan.Zero);
        var capacity = maxQueued ?? (int)Math.Min(int.MaxValue, 64L * maxPending);
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, maxPending, nameof(maxQueued));
        _write = write;
        _maxPending = maxPending;
        _maxQueued = capacity;
        _interval = interval;
        _time = timeProvider;
    }

    /// <summary>The accesses queued and not yet handed to the writer.</summary>
    public int PendingCount
    {
        get
        {
            lock (_sync)
            {
                return _pending.Count;
            }
        }
    }

    /// <summary>The accesses dropped because the queue was at its bound while the store was failing.</summary>
    public long DroppedCount => Interlocked.Read(ref _dropped);

    /// <summary>
    /// Queues one recall's access, stamped now; starts a background write when the queue is full (unless a failed write is
    /// waiting for its retry), and drops the oldest queued access when the queue is at its bound.
    /// </summary>
    /// <exception cref="ObjectDisposedException">The recorder is disposed.</exception>
    public void Record(MemoryScope scope, IReadOnlyList<Guid> ids, string? queryHash)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(ids);
        var access = new PendingAccess(scope, [.. ids], queryHash, _time.GetUtcNow());
        bool full;
        lock (_sync)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            _pending.Add(access);
            if (_pending.Count > _maxQueued)
            {
                var excess = _pending.Count - _maxQueued;
                _pending.RemoveRange(0, excess);
                Interlocked.Add(ref _dropped, excess);
            }

            full = _pending.Count >= _maxPending && !_retrying;
            if (!full && _timer is null)
            {
                _timer = _time.CreateTimer(static s => ((DeferredAccessRecorder)s!).FlushInBackground(), this, _interval, Timeout.InfiniteTimeSpan);
            }
        }

        if (full)
        {
            FlushInBackground();
        }
    }

    /// <summary>Writes every queued access (and waits for a write in flight), so reads that follow see them.</summary>
    /// <exception cref="MemoryStoreException">The store failed; the accesses stay queued.</exception>
    public async Task FlushAsync(CancellationToken cancellationToken = default)
    {
        await _writeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await WriteQueuedAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _writeGate.Release();
        }
    }

    /// <summary>Drops the queued accesses whose reader scope matches <paramref name="erased"/>, after any write in flight.</summary>
    /// <returns>How many queued accesses were dropped.</returns>
    public async Task<int> DiscardAsync(Func<MemoryScope, bool> erased, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(erased);
        await _writeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            lock (_sync)
            {
                return _pending.RemoveAll(a => erased(a.Scope));
            }
        }
        finally
        {
            _writeGate.Release();
        }
    }

    /// <summary>Writes what is queued (best effort: a store failure here is swallowed) and stops the timer.</summary>
    public void Dispose()
    {
        lock (_sync)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            _timer?.Dispose();
            _timer = null;
        }

        _writeGate.Wait();
        try
        {
            WriteQueuedAsync(CancellationToken.None).GetAwaiter().GetResult();
        }
        catch (MemoryStoreException)
        {
            // The store is closing and failing: access statistics are advisory, memories are unaffected.
        }
        finally
        {
            _writeGate.Release();
        }
    }

    private async Task WriteQueuedAsync(CancellationToken cancellationToken)
    {
        List<PendingAccess> batch;
        lock (_sync)
        {
            _timer?.Dispose();
            _timer = null;
            if (_pending.Count == 0)
            {
                return;
            }

            batch = _pending;
            _pending = [];
        }

        try
        {
            await _write(batch, cancellationToken).ConfigureAwait(false);
            lock (_sync)
            {
                _retrying = false;
            }
        }
        catch
        {
            lock (_sync)
            {
                batch.AddRange(_pending);
                if (batch.Count > _maxQueued)
                {
                    var excess = batch.Count - _maxQueued;
                    batch.RemoveRange(0, excess);
                    Interlocked.Add(ref _dropped, excess);
                }

                _pending = batch;
                _retrying = true;
                if (!_disposed && _timer is null)
                {
                    _timer = _time.CreateTimer(static s => ((DeferredAccessRecorder)s!).FlushInBackground(), this, _interval, Timeout.InfiniteTimeSpan);
                }
            }

            throw;
        }
    }

    private void FlushInBackground() => _ = FlushInBackgroundAsync();

    private async Task FlushInBackgroundAsync()
    {
        try
        {
            await FlushAsync(CancellationToken.None).ConfigureAwait(false);
        }
        catch (MemoryStoreException)
        {
            // Kept queued and retried by the re-armed timer; a reader's FlushAsync surfaces a persistent failure.
        }
        catch (ObjectDisposedException)
        {
            // The store closed while the write was in flight.
        }
    }
}
