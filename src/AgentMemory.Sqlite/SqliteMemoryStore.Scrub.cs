using System.Globalization;

namespace AgentMemory.Sqlite;

/// <summary>
/// The physical side of an erasure: the erased rows are gone from every read at commit, but their bytes stay in the WAL
/// (and the database file keeps the old pages) until a checkpoint copies the zeroed pages in and the WAL is truncated.
/// A reader's snapshot can keep that from happening; the erasure then reports <see cref="ErasureReceipt.ScrubPending"/>
/// and the store finishes it later, without holding the write lock while it waits.
/// </summary>
public sealed partial class SqliteMemoryStore
{
    /// <summary>The <c>meta</c> row that records an erasure not yet scrubbed from the files (value: a counter).</summary>
    private const string ScrubPendingKey = "scrub_pending";

    private readonly Lock _scrubSync = new();
    private ITimer? _scrubTimer;
    private int _scrubPending;
    private int _scrubbing;
    private bool _scrubStopped;

    /// <summary>
    /// Whether this store knows of an erasure whose content may still be recoverable from the files (a reader kept the
    /// checkpoint from completing). It retries every <see cref="SqliteMemoryStoreOptions.ScrubRetryInterval"/> and after
    /// each of its write transactions until the scrub completes; <see cref="CheckpointAsync"/> also completes it.
    /// </summary>
    public bool ScrubPending => Volatile.Read(ref _scrubPending) != 0;

    /// <summary>
    /// Copies the WAL into the database file and truncates the WAL, retrying with back-off while other connections are
    /// reading. Each attempt runs a <c>PASSIVE</c> checkpoint (which waits for no one) and, when that copied everything, a
    /// <c>wal_checkpoint(TRUNCATE)</c> that waits at most <see cref="SqliteMemoryStoreOptions.ScrubBusyTimeout"/> for
    /// the write lock and for readers, so other writers are never stalled longer. A completed checkpoint also completes
    /// any pending erasure scrub (<see cref="ScrubPending"/>).
    /// </summary>
    /// <returns>Whether the checkpoint completed (the WAL was copied in full and truncated).</returns>
    /// <exception cref="MemoryStoreException">The file could not be read or written.</exception>
    public async Task<bool> CheckpointAsync(CancellationToken cancellationToken = default)
    {
        return await _checkpointRetry.ExecuteAsync(
            static (store, token) => new ValueTask<bool>(store.RunAsync("checkpoint", Transaction.None, store.TryScrub, token)),
            this,
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Records that an erasure's scrub is pending in this process and starts the retry timer.</summary>
    private void MarkScrubPending()
    {
        lock (_scrubSync)
        {
            Volatile.Write(ref _scrubPending, 1);
            if (_scrubTimer is null && !_scrubStopped)
            {
                _scrubTimer = _time.CreateTimer(static state => ((SqliteMemoryStore)state!).RetryScrub(), this, _options.ScrubRetryInterval, _options.ScrubRetryInterval);
            }
        }
    }

    private void ClearScrubPending()
    {
        lock (_scrubSync)
        {
            var was = Volatile.Read(ref _scrubPending) != 0;
            Volatile.Write(ref _scrubPending, 0);
            _scrubTimer?.Dispose();
            _scrubTimer = null;
            if (was)
            {
                Log.ScrubCompleted(_logger, DataSource);
            }
        }
    }

    private void StopScrubTimer()
    {
        lock (_scrubSync)
        {
            _scrubStopped = true;
            _scrubTimer?.Dispose();
            _scrubTimer = null;
        }
    }

    /// <summary>The retry timer's callback: one attempt on a pooled connection; failures are logged and retried.</summary>
    private void RetryScrub()
    {
        if (!ScrubPending)
        {
            return;
        }

        PooledConnection? c = null;
        try
        {
            c = _pool.Rent();
            TryScrub(c);
        }
        catch (ObjectDisposedException)
        {
        }
        catch (SqliteException ex)
        {
            Log.ScrubFailed(_logger, DataSource, ex);
        }
        finally
        {
            if (c is not null)
            {
                _pool.Return(c);
            }
        }
    }

    /// <summary>After a committed write: retries a pending scrub on the same connection; never fails the write.</summary>
    private void ScrubAfterWrite(PooledConnection c)
    {
        try
        {
            TryScrub(c);
        }
        catch (SqliteException ex)
        {
            Log.ScrubFailed(_logger, DataSource, ex);
        }
    }

    /// <summary>
    /// One attempt, outside any transaction: a <c>PASSIVE</c> checkpoint; when it copied every frame, a
    /// <c>TRUNCATE</c> checkpoint with the short <see cref="SqliteMemoryStoreOptions.ScrubBusyTimeout"/>; when that
    /// completes, the file's pending-scrub row is deleted (unless an erasure committed since it was read).
    /// </summary>
    /// <returns>Whether the checkpoint completed: everything erased before the call is gone from the files.</returns>
    private bool TryScrub(PooledConnection c)
    {
        if (Interlocked.Exchange(ref _scrubbing, 1) != 0)
        {
            return false;
        }

        try
        {
            var ticket = ReadScrubTicket(c);
            var (busy, frames, copied) = Checkpoint(c, "PASSIVE");
            if (busy != 0 || frames != copied)
            {
                return false;
            }

            SetBusyTimeout(c, _options.ScrubBusyTimeout);
            try
            {
                (busy, _, _) = Checkpoint(c, "TRUNCATE");
            }
            finally
            {
                SetBusyTimeout(c, _options.BusyTimeout);
            }

            if (busy != 0)
            {
                return false;
            }

            if (ticket is not null)
            {
                var clear = c.Command("DELETE FROM meta WHERE key = $k AND value = $v");
                clear.Parameters.AddWithValue("$k", ScrubPendingKey);
                clear.Parameters.AddWithValue("$v", ticket);
                clear.ExecuteNonQuery();
            }

            if (ticket is null || ReadScrubTicket(c) is null)
            {
                ClearScrubPending();
            }

            return true;
        }
        finally
        {
            Volatile.Write(ref _scrubbing, 0);
        }
    }

    private static string? ReadScrubTicket(PooledConnection c)
    {
        var cmd = c.Command("SELECT value FROM meta WHERE key = $k");
        cmd.Parameters.AddWithValue("$k", ScrubPendingKey);
        return cmd.ExecuteScalar() as string;
    }

    /// <summary>Inside an erasure's transaction: records (durably, with the erasure) that its scrub is not yet done.</summary>
    private static void RecordScrubPending(PooledConnection c)
    {
        var cmd = c.Command("INSERT INTO meta(key, value) VALUES ($k, '1') ON CONFLICT(key) DO UPDATE SET value = CAST(CAST(value AS INTEGER) + 1 AS TEXT)");
        cmd.Parameters.AddWithValue("$k", ScrubPendingKey);
        cmd.ExecuteNonQuery();
    }

    private static (long Busy, long Frames, long Copied) Checkpoint(PooledConnection c, string mode)
    {
        using var r = c.Command(mode == "TRUNCATE" ? "PRAGMA wal_checkpoint(TRUNCATE)" : "PRAGMA wal_checkpoint(PASSIVE)").ExecuteReader();
        return r.Read() ? (r.GetInt64(0), r.GetInt64(1), r.GetInt64(2)) : (1, -1, -1);
    }

    private static void SetBusyTimeout(PooledConnection c, TimeSpan timeout)
    {
#pragma warning disable CA2100 // Only a number is formatted in.
        c.Command(string.Create(CultureInfo.InvariantCulture, $"PRAGMA busy_timeout = {(long)timeout.TotalMilliseconds}")).ExecuteNonQuery();
#pragma warning restore CA2100
    }
}
