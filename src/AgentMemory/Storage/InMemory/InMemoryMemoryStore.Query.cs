using System.Buffers;
using System.Runtime.CompilerServices;
using AgentMemory.Vectors;

namespace AgentMemory.Storage.InMemory;

public sealed partial class InMemoryMemoryStore
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
                    if (p.EarliestExpiry is { } e && e <= now)
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
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(request.Scope, nameof(request));
        ArgumentOutOfRangeException.ThrowIfNegative(request.Limit, nameof(request));
        var dimension = Dimension;
        var useVector = false;
        if (!request.Vector.IsEmpty)
        {
            VectorMath.Validate(request.Vector.Span, nameof(request));
            if (dimension is { } d && d != request.Vector.Length)
            {
                throw new InvalidMemoryException(MemoryValidationError.DimensionMismatch, $"The store holds {d}-dimensional vectors; the query has {request.Vector.Length}.", nameof(request));
            }

            useVector = dimension is not null;
        }

        var useText = !string.IsNullOrWhiteSpace(request.Text);
        if (request.Limit == 0 || (!useVector && !useText))
        {
            return Task.FromResult(MemorySearchResult.Empty);
        }

        var filter = request.Filter ?? MemoryFilter.None;
        var now = _time.GetUtcNow();
        var limit = request.Limit;
        var vectorHits = new List<ScoredMemory>();
        var textHits = new List<ScoredMemory>();
        float[]? query = null;
        VectorMatch[]? matches = null;
        try
        {
            if (useVector)
            {
                query = ArrayPool<float>.Shared.Rent(request.Vector.Length);
                VectorMath.Normalize(request.Vector.Span, query);
                matches = ArrayPool<VectorMatch>.Shared.Rent(limit);
            }

            _gate.EnterReadLock();
            try
            {
                foreach (var visible in request.Scope.VisibleScopes())
                {
                    if (!_partitions.TryGetValue(visible.Key, out var p))
                    {
                        continue;
                    }

                    p.Lock.EnterReadLock();
                    try
                    {
                        SearchPartition(p, request, filter, now, query, matches, vectorHits, textHits);
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
        finally
        {
            if (query is not null)
            {
                ArrayPool<float>.Shared.Return(query);
            }

            if (matches is not null)
            {
                ArrayPool<VectorMatch>.Shared.Return(matches);
            }
        }

        return Task.FromResult(new MemorySearchResult(TopOf(vectorHits, limit), TopOf(textHits, limit)));
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

    private static void SearchPartition(ScopePartition p, MemorySearchRequest request, MemoryFilter filter, DateTimeOffset now, float[]? query, VectorMatch[]? matches, List<ScoredMemory> vectorHits, List<ScoredMemory> textHits)
    {
        var records = p.Records;
        Func<Guid, bool>? include = null;
        if (!ReferenceEquals(filter, MemoryFilter.None) || p.MayHoldSuperseded || (p.EarliestExpiry is { } e && e <= now))
        {
            include = id => records.TryGetValue(id, out var r) && !r.IsExpired(now) && filter.Matches(r);
        }

        if (query is not null && matches is not null && p.Vectors is { Count: > 0 } vectors)
        {
            var found = vectors.Search(query.AsSpan(0, vectors.Dimension), matches.AsSpan(0, request.Limit), include);
            for (var i = 0; i < found; i++)
            {
                vectorHits.Add(new ScoredMemory(records[matches[i].Id], matches[i].Score));
            }
        }

        if (!string.IsNullOrWhiteSpace(request.Text) && p.Lexical.Count > 0)
        {
            foreach (var m in p.Lexical.Search(request.Text, request.Limit, include))
            {
                textHits.Add(new ScoredMemory(records[m.Id], m.Score));
            }
        }
    }

    private static List<ScoredMemory> TopOf(List<ScoredMemory> hits, int limit)
    {
        hits.Sort(static (a, b) => a.Score != b.Score ? b.Score.CompareTo(a.Score) : a.Record.Id.CompareTo(b.Record.Id));
        if (hits.Count > limit)
        {
            hits.RemoveRange(limit, hits.Count - limit);
        }

        return hits;
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
