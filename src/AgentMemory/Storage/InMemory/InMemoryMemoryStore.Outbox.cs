using System.Runtime.CompilerServices;

namespace AgentMemory.Storage.InMemory;

internal sealed partial class InMemoryMemoryStore
{
    private readonly Lock _outboxLock = new();
    private readonly Dictionary<Guid, FormationJobState> _jobs = [];

    /// <inheritdoc />
    public Task EnqueueAsync(FormationJob job, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        OutboxArguments.CheckJob(job);

        _gate.EnterReadLock();
        try
        {
            lock (_outboxLock)
            {
                _jobs.TryAdd(job.Id, new FormationJobState(job));
            }
        }
        finally
        {
            _gate.ExitReadLock();
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<FormationJob>> ClaimAsync(string workerId, int maxJobs, TimeSpan lease, bool ignoreRetryTime = false, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        OutboxArguments.CheckClaim(workerId, maxJobs, lease);
        var now = _time.GetUtcNow();
        var claimed = new List<FormationJob>();
        lock (_outboxLock)
        {
            // Jobs of a scope are applied in order: only a scope's oldest job is a candidate, and only when no job of
            // that scope is in flight.
            var busy = new HashSet<string>(StringComparer.Ordinal);
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var s in _jobs.Values)
            {
                if (s.IsLeased(now))
                {
                    busy.Add(s.Job.Scope.Key);
                }
            }

            foreach (var s in _jobs.Values.Where(s => s.Job.FailedAt is null).OrderBy(s => s.Job.EnqueuedAt).ThenBy(s => s.Job.Id))
            {
                if (claimed.Count >= maxJobs)
                {
                    break;
                }

                var key = s.Job.Scope.Key;
                if (busy.Contains(key) || !seen.Add(key) || (!ignoreRetryTime && s.Job.NotBefore is { } nb && nb > now))
                {
                    continue;
                }

                s.Worker = workerId;
                s.LeaseUntil = now + lease;
                busy.Add(key);
                claimed.Add(s.Job);
            }
        }

        return Task.FromResult<IReadOnlyList<FormationJob>>(claimed);
    }

    /// <inheritdoc />
    public Task<bool> CompleteAsync(Guid jobId, string workerId, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        ArgumentNullException.ThrowIfNull(workerId);
        lock (_outboxLock)
        {
            return Task.FromResult(_jobs.TryGetValue(jobId, out var s) && string.Equals(s.Worker, workerId, StringComparison.Ordinal) && _jobs.Remove(jobId));
        }
    }

    /// <inheritdoc />
    public Task ReleaseAsync(Guid jobId, string workerId, string failure, DateTimeOffset retryAt, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        ArgumentNullException.ThrowIfNull(workerId);
        lock (_outboxLock)
        {
            if (_jobs.TryGetValue(jobId, out var s) && string.Equals(s.Worker, workerId, StringComparison.Ordinal))
            {
                s.Job = s.Job with { Attempts = s.Job.Attempts + 1, NotBefore = retryAt, LastError = failure };
                s.Worker = null;
                s.LeaseUntil = default;
            }
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task ParkAsync(Guid jobId, string workerId, string failure, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        ArgumentNullException.ThrowIfNull(workerId);
        var now = _time.GetUtcNow();
        lock (_outboxLock)
        {
            if (_jobs.TryGetValue(jobId, out var s) && string.Equals(s.Worker, workerId, StringComparison.Ordinal))
            {
                s.Job = s.Job with { Attempts = s.Job.Attempts + 1, NotBefore = null, LastError = failure, FailedAt = now };
                s.Worker = null;
                s.LeaseUntil = default;
            }
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<FormationJob> ListFailedAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        List<FormationJob> failed;
        lock (_outboxLock)
        {
            failed = [.. _jobs.Values.Where(s => s.Job.FailedAt is not null).Select(s => s.Job).OrderBy(j => j.EnqueuedAt).ThenBy(j => j.Id)];
        }

        foreach (var job in failed)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return job;
        }

        await Task.CompletedTask.ConfigureAwait(false);
    }

    /// <inheritdoc />
    public Task<FormationJob?> GetJobAsync(Guid jobId, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_outboxLock)
        {
            return Task.FromResult(_jobs.TryGetValue(jobId, out var s) ? s.Job : null);
        }
    }

    /// <inheritdoc />
    public Task<bool> RetryFailedAsync(Guid jobId, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_outboxLock)
        {
            if (_jobs.TryGetValue(jobId, out var s) && s.Job.FailedAt is not null)
            {
                s.Job = s.Job with { Attempts = 0, NotBefore = null, FailedAt = null };
                return Task.FromResult(true);
            }
        }

        return Task.FromResult(false);
    }

    /// <inheritdoc />
    public Task<FormationQueueStats> GetStatsAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var now = _time.GetUtcNow();
        long pending = 0, inFlight = 0, failed = 0;
        DateTimeOffset? oldest = null;
        lock (_outboxLock)
        {
            foreach (var s in _jobs.Values)
            {
                if (s.Job.FailedAt is not null)
                {
                    failed++;
                    continue;
                }

                if (s.IsLeased(now))
                {
                    inFlight++;
                }
                else
                {
                    pending++;
                }

                if (oldest is null || s.Job.EnqueuedAt < oldest)
                {
                    oldest = s.Job.EnqueuedAt;
                }
            }
        }

        return Task.FromResult(new FormationQueueStats(pending, inFlight, oldest) { Failed = failed });
    }

    /// <summary>Removes the jobs within <paramref name="scope"/>; caller holds the gate exclusively.</summary>
    private long RemoveJobs(MemoryScope scope)
    {
        lock (_outboxLock)
        {
            var ids = _jobs.Values.Where(s => scope.Contains(s.Job.Scope)).Select(s => s.Job.Id).ToList();
            foreach (var id in ids)
            {
                _jobs.Remove(id);
            }

            return ids.Count;
        }
    }

    /// <summary>Whether any record, history entry, quarantined item or queued job still holds <paramref name="text"/> (erasure tests).</summary>
    internal bool ContainsText(string text)
    {
        _gate.EnterWriteLock();
        try
        {
            foreach (var p in _partitions.Values)
            {
                if (p.Records.Values.Any(r => r.Text.Contains(text, StringComparison.Ordinal))
                    || p.History.Values.Any(h => h.Exists(e => (e.PreviousText?.Contains(text, StringComparison.Ordinal) ?? false) || (e.NewText?.Contains(text, StringComparison.Ordinal) ?? false)))
                    || p.Quarantine.Exists(q => q.Text.Contains(text, StringComparison.Ordinal)))
                {
                    return true;
                }
            }
        }
        finally
        {
            _gate.ExitWriteLock();
        }

        lock (_outboxLock)
        {
            return _jobs.Values.Any(s => s.Job.Payload.Contains(text, StringComparison.Ordinal));
        }
    }
}
