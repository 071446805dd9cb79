using System.Runtime.CompilerServices;

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
        _gate.EnterReadLock();
        try
        {
            foreach (var p in Covered(scope, options.Match))
            {
                p.Lock.EnterReadLock();
                try
                {
                    foreach (var r in p.Records.Values)
                    {
                        if ((options.IncludeExpired || !r.IsExpired(now)) && (cursor is not { } c || c.IsAfter(r, order)) && filter.Matches(r))
                        {
                            result.Add(r);
                        }
                    }
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
        _gate.EnterReadLock();
        try
        {
            foreach (var p in Covered(scope, match))
            {
                p.Lock.EnterReadLock();
                try
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

        return Task.FromResult(count);
    }

    /// <inheritdoc />
    public Task<MemorySearchResult> SearchAsync(MemorySearchRequest request, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var useVector = CandidateSearch.Validate(request, Dimension);
        var useText = !string.IsNullOrWhiteSpace(request.Text);
        var now = _time.GetUtcNow();
        _gate.EnterReadLock();
        try
        {
            var indexes = new List<ScopeIndex>(4);
            foreach (var p in Covered(request.Scope, ScopeMatch.Visible))
            {
                indexes.Add(p.Index);
            }

            return Task.FromResult(CandidateSearch.Search(indexes, request, now, useVector, useText));
        }
        finally
        {
            _gate.ExitReadLock();
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<MemoryHistoryEntry>> GetHistoryAsync(MemoryScope scope, Guid id, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        ArgumentNullException.ThrowIfNull(scope);
        var result = new List<MemoryHistoryEntry>();
        _gate.EnterReadLock();
        try
        {
            foreach (var visible in scope.VisibleScopes())
            {
                if (!_partitions.TryGetValue(visible.Key, out var p))
                {
                    continue;
                }

                p.Lock.EnterReadLock();
                try
                {
                    if (p.History.TryGetValue(id, out var entries))
                    {
                        result.AddRange(entries);
                    }
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

        result.Sort(static (a, b) => a.At != b.At ? a.At.CompareTo(b.At) : a.Version.CompareTo(b.Version));
        return Task.FromResult<IReadOnlyList<MemoryHistoryEntry>>(result);
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
}
