using System.Runtime.CompilerServices;
using AgentMemory.Vectors;

namespace AgentMemory.Storage.InMemory;

internal sealed partial class InMemoryMemoryStore
{
    /// <inheritdoc />
    public async IAsyncEnumerable<MemoryRecord> ListAsync(MemoryScope scope, MemoryListOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        options ??= MemoryListOptions.Default;
        var cursor = MemoryCursor.Read(scope, options);
        var order = options.Order;
        var filter = options.Filter ?? MemoryFilter.None;
        var now = _time.GetUtcNow();
        var result = new List<MemoryRecord>();
        ReadCovered(scope, options.Match, p =>
        {
            foreach (var r in p.Records.Values)
            {
                if ((options.IncludeExpired || !r.IsExpired(now)) && (cursor is not { } c || c.IsAfter(r, order)) && filter.Matches(r))
                {
                    result.Add(r);
                }
            }
        });
        result.Sort((a, b) => MemoryCursor.Compare(a, b, order));
        foreach (var r in options.Limit is { } limit ? result.Take(limit) : result)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return r;
        }

        await Task.CompletedTask.ConfigureAwait(false);
    }

    /// <inheritdoc />
    public Task<long> CountAsync(MemoryScope scope, ScopeMatch match = ScopeMatch.Exact, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        ArgumentNullException.ThrowIfNull(scope);
        var now = _time.GetUtcNow();
        long count = 0;
        ReadCovered(scope, match, p =>
        {
            if (p.Index.EarliestExpiry is { } e && e <= now)
            {
                foreach (var r in p.Records.Values)
                {
                    count += r.IsExpired(now) ? 0 : 1;
                }
            }
            else
            {
                count += p.Records.Count;
            }
        });
        return Task.FromResult(count);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<MemoryHistoryEntry>> GetHistoryAsync(MemoryScope scope, Guid id, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        ArgumentNullException.ThrowIfNull(scope);
        var result = new List<MemoryHistoryEntry>();
        ReadCovered(scope, ScopeMatch.Visible, p =>
        {
            if (p.History.TryGetValue(id, out var entries))
            {
                result.AddRange(entries);
            }
        });
        result.Sort(static (a, b) => a.At != b.At ? a.At.CompareTo(b.At) : a.Version.CompareTo(b.Version));
        return Task.FromResult<IReadOnlyList<MemoryHistoryEntry>>(result);
    }

    /// <summary>
    /// Runs <paramref name="read"/> on each existing partition <paramref name="match"/> covers from
    /// <paramref name="scope"/>, holding the gate's and that partition's read locks.
    /// </summary>
    private void ReadCovered(MemoryScope scope, ScopeMatch match, Action<ScopePartition> read)
    {
        _gate.EnterReadLock();
        try
        {
            foreach (var p in Covered(scope, match))
            {
                p.Lock.EnterReadLock();
                try
                {
                    read(p);
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
    }

    /// <summary>The existing partitions <paramref name="match"/> covers from <paramref name="scope"/>; caller holds the gate.</summary>
    private IEnumerable<ScopePartition> Covered(MemoryScope scope, ScopeMatch match)
    {
        switch (match)
        {
            case ScopeMatch.Exact:
                if (_partitions.TryGetValue(scope.Key, out var exact))
                {
                    yield return exact;
                }

                break;
            case ScopeMatch.Visible:
                foreach (var visible in scope.VisibleScopes())
                {
                    if (_partitions.TryGetValue(visible.Key, out var p))
                    {
                        yield return p;
                    }
                }

                break;
            case ScopeMatch.Within:
                foreach (var p in _partitions.Values)
                {
                    if (scope.Contains(p.Scope))
                    {
                        yield return p;
                    }
                }

                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(match), match, "Unknown scope match.");
        }
    }

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
}
