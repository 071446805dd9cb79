using System.Runtime.CompilerServices;

namespace AgentMemory.Storage.InMemory;

internal sealed partial class InMemoryMemoryStore
{
    private readonly Lock _auditLock = new();
    private readonly List<AuditEntry> _audit = [];
    private long _auditSequence;

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
    public Task<ErasureReceipt> EraseAsync(MemoryScope scope, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        ArgumentNullException.ThrowIfNull(scope);
        long records = 0, history = 0, quarantined = 0, jobs;
        var now = _time.GetUtcNow();
        var auditScope = MemoryErasure.CreateAuditScope(scope);
        _gate.EnterWriteLock();
        try
        {
            foreach (var p in _partitions.Values.Where(p => scope.Contains(p.Scope)).ToList())
            {
                records += p.Records.Count;
                history += p.HistoryCount;
                quarantined += p.Quarantine.Count;
                foreach (var id in p.Records.Keys)
                {
                    _ids.TryRemove(new KeyValuePair<Guid, string>(id, p.Scope.Key));
                }

                _partitions.TryRemove(p.Scope.Key, out _);
                p.Index.Clear();
                p.History.Clear();
                p.Quarantine.Clear();
                p.Dispose();
            }

            jobs = RemoveJobs(scope);
            PseudonymizeAudit(scope, auditScope);
            Audit(AuditAction.Erased, auditScope, now, [], count: records);
        }
        finally
        {
            _gate.ExitWriteLock();
        }

        return Task.FromResult(new ErasureReceipt(scope, records, history, jobs, quarantined, now) { AuditScope = auditScope });
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

    /// <inheritdoc />
    public Task QuarantineAsync(QuarantinedMemory item, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(item.Scope, nameof(item));
        MemoryRecordValidator.ValidateText(item.Text, _maxTextLength);
        _gate.EnterReadLock();
        try
        {
            var p = _partitions.GetOrAdd(item.Scope.Key, static (_, s) => new ScopePartition(s.Scope, s.Options), (item.Scope, Options: _options));
            p.Lock.EnterWriteLock();
            try
            {
                if (p.Quarantine.Exists(q => q.Id == item.Id))
                {
                    return Task.CompletedTask;
                }

                p.Quarantine.Add(item with { Scope = p.Scope });
                Audit(AuditAction.Blocked, p.Scope, item.At, [item.Id], item.Reason);
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

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<QuarantinedMemory> ListQuarantineAsync(MemoryScope scope, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var result = new List<QuarantinedMemory>();
        _gate.EnterReadLock();
        try
        {
            foreach (var p in Covered(scope, ScopeMatch.Within))
            {
                p.Lock.EnterReadLock();
                try
                {
                    result.AddRange(p.Quarantine);
                }
                finally
                {
                    p.Lock.ExitReadLock();
                }
            }
        }
        finally
        {
            _gate.ExitReadLock();
        }

        result.Sort(static (a, b) => a.At != b.At ? a.At.CompareTo(b.At) : a.Id.CompareTo(b.Id));
        foreach (var q in result)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return q;
        }

        await Task.CompletedTask.ConfigureAwait(false);
    }

    /// <inheritdoc />
    public Task AppendAuditAsync(AuditEntry entry, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(entry.Scope, nameof(entry));
        lock (_auditLock)
        {
            _audit.Add(entry with { Sequence = ++_auditSequence, MemoryIds = [.. entry.MemoryIds] });
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<AuditEntry> QueryAuditAsync(AuditQuery query, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(query.Scope, nameof(query));
        List<AuditEntry> result;
        lock (_auditLock)
        {
            result = _audit
                .Where(a => query.Scope.Contains(a.Scope)
                    && (query.From is null || a.At >= query.From)
                    && (query.To is null || a.At < query.To)
                    && (query.Actions is null || query.Actions.Contains(a.Action)))
                .Take(Math.Max(0, query.Limit))
                .ToList();
        }

        foreach (var a in result)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return a;
        }

        await Task.CompletedTask.ConfigureAwait(false);
    }

    private void PseudonymizeAudit(MemoryScope erased, MemoryScope auditScope)
    {
        lock (_auditLock)
        {
            for (var i = 0; i < _audit.Count; i++)
            {
                if (erased.Contains(_audit[i].Scope))
                {
                    _audit[i] = _audit[i] with { Scope = auditScope, QueryHash = null };
                }
            }
        }
    }

    private void Audit(AuditAction action, MemoryScope scope, DateTimeOffset at, List<Guid> ids, string? detail = null, string? queryHash = null, long count = 0)
    {
        lock (_auditLock)
        {
            _audit.Add(new AuditEntry
            {
                Sequence = ++_auditSequence,
                At = at,
                Action = action,
                Scope = scope,
                MemoryIds = ids,
                Detail = detail,
                QueryHash = queryHash,
                Count = count == 0 ? ids.Count : count,
            });
        }
    }
}
