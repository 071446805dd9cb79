using System.Runtime.CompilerServices;

namespace AgentMemory.Storage.InMemory;

internal sealed partial class InMemoryMemoryStore
{
    /// <inheritdoc />
    public Task RecordAccessAsync(MemoryScope scope, IReadOnlyList<Guid> ids, string? queryHash, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(ids);
        var now = _time.GetUtcNow();
        var touched = new List<Guid>(ids.Count);
        _gate.EnterReadLock();
        try
        {
            foreach (var id in ids)
            {
                var p = FindOwner(scope, id);
                if (p is null)
                {
                    continue;
                }

                p.Lock.EnterWriteLock();
                try
                {
                    if (p.Records.TryGetValue(id, out var r) && !r.IsExpired(now))
                    {
                        p.Index.Replace(r with { AccessCount = r.AccessCount + 1, LastAccessedAt = now });
                        touched.Add(id);
                    }
                }
                finally
                {
                    p.Lock.ExitWriteLock();
                }
            }

            Audit(AuditAction.Retrieved, scope, now, touched, queryHash: queryHash, count: touched.Count);
        }
        finally
        {
            _gate.ExitReadLock();
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<int> RemoveExpiredAsync(DateTimeOffset now, int maxCount = 1000, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        ArgumentOutOfRangeException.ThrowIfNegative(maxCount);
        var removed = 0;
        _gate.EnterReadLock();
        try
        {
            foreach (var p in _partitions.Values)
            {
                if (removed >= maxCount)
                {
                    break;
                }

                if (p.Index.EarliestExpiry is not { } earliest || earliest > now)
                {
                    continue;
                }

                p.Lock.EnterWriteLock();
                try
                {
                    var expired = p.Records.Values.Where(r => r.IsExpired(now)).OrderBy(r => r.ExpiresAt).ThenBy(r => r.Id).Take(maxCount - removed).Select(r => r.Id).ToList();
                    foreach (var id in expired)
                    {
                        RemoveRecord(p, id, MemoryChangeKind.Expired, "expired", now);
                    }

                    p.Index.RecomputeExpiry();
                    if (expired.Count > 0)
                    {
                        Audit(AuditAction.Expired, p.Scope, now, expired, "expired", count: expired.Count);
                        removed += expired.Count;
                    }
                }
                finally
                {
                    p.Lock.ExitWriteLock();
                }
            }
        }
        finally
        {
            _gate.ExitReadLock();
        }

        return Task.FromResult(removed);
    }
}
