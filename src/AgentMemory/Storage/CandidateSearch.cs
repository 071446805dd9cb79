using System.Buffers;
using AgentMemory.Vectors;

namespace AgentMemory.Storage;

/// <summary>
/// The one candidate search every store runs: the request's argument checks, the vector and BM25 search of each visible
/// scope's <see cref="ScopeIndex"/> under its read lock, and the merge of the per-scope candidates by score.
/// </summary>
internal static class CandidateSearch
{
    /// <summary>
    /// Checks <paramref name="request"/> (scope, limit, vector values, the store's <paramref name="dimension"/> when
    /// known) and says whether it searches by vector.
    /// </summary>
    /// <exception cref="ArgumentNullException">The request or its scope is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The limit is negative.</exception>
    /// <exception cref="InvalidMemoryException">The vector is invalid or of another dimension than the store's.</exception>
    public static bool Validate(MemorySearchRequest request, int? dimension)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(request.Scope, nameof(request));
        ArgumentOutOfRangeException.ThrowIfNegative(request.Limit, nameof(request));
        if (request.Vector.IsEmpty)
        {
            return false;
        }

        VectorMath.Validate(request.Vector.Span, nameof(request));
        if (dimension is { } d && d != request.Vector.Length)
        {
            throw new InvalidMemoryException(MemoryValidationError.DimensionMismatch, $"The store holds {d}-dimensional vectors; the query has {request.Vector.Length}.", nameof(request));
        }

        return true;
    }

    /// <summary>Whether any of <paramref name="indexes"/> holds a record of a kind <paramref name="filter"/> allows (no kinds: true).</summary>
    public static bool MayMatchKinds(IReadOnlyList<ScopeIndex> indexes, MemoryFilter filter)
    {
        if (filter.Kinds is not { } kinds)
        {
            return true;
        }

        foreach (var index in indexes)
        {
            index.Lock.EnterReadLock();
            try
            {
                if (index.HoldsAnyOf(kinds))
                {
                    return true;
                }
            }
            finally
            {
                index.Lock.ExitReadLock();
            }
        }

        return false;
    }

    /// <summary>
    /// The best <see cref="MemorySearchRequest.Limit"/> vector candidates and lexical (BM25) candidates of
    /// <paramref name="indexes"/>, each list merged across the scopes by score (ties by id).
    /// </summary>
    /// <param name="indexes">The visible scopes' indexes.</param>
    /// <param name="request">The validated request.</param>
    /// <param name="now">When expiry is judged.</param>
    /// <param name="useVector">Whether to search by the request's vector.</param>
    /// <param name="useText">Whether to search by the request's text with the indexes' BM25.</param>
    /// <param name="materialize">Turns a held record into the returned one (default: attaches its vector when held without).</param>
    public static MemorySearchResult Search(IReadOnlyList<ScopeIndex> indexes, MemorySearchRequest request, DateTimeOffset now, bool useVector, bool useText, Func<ScopeIndex, MemoryRecord, MemoryRecord>? materialize = null)
    {
        var limit = request.Limit;
        var filter = request.Filter ?? MemoryFilter.None;
        if (limit == 0 || indexes.Count == 0 || (!useVector && !useText) || !MayMatchKinds(indexes, filter))
        {
            return MemorySearchResult.Empty;
        }

        materialize ??= static (index, record) => index.WithVector(record);
        var vectorHits = new List<ScoredMemory>();
        var textHits = new List<ScoredMemory>();
        var query = useVector ? ArrayPool<float>.Shared.Rent(request.Vector.Length) : null;
        var matches = useVector ? ArrayPool<VectorMatch>.Shared.Rent(limit) : null;
        try
        {
            if (query is not null)
            {
                VectorMath.Normalize(request.Vector.Span, query);
            }

            foreach (var index in indexes)
            {
                index.Lock.EnterReadLock();
                try
                {
                    var include = index.Include(filter, now);
                    var records = index.Records;
                    if (query is not null && matches is not null && index.Vectors is { Count: > 0 } vectors && vectors.Dimension == request.Vector.Length)
                    {
                        var found = vectors.Search(query.AsSpan(0, vectors.Dimension), matches.AsSpan(0, limit), include);
                        for (var i = 0; i < found; i++)
                        {
                            vectorHits.Add(new ScoredMemory(materialize(index, records[matches[i].Id]), matches[i].Score));
                        }
                    }

                    if (useText && records.Count > 0)
                    {
                        foreach (var m in index.SearchLexical(request.Text!, limit, include))
                        {
                            textHits.Add(new ScoredMemory(materialize(index, records[m.Id]), m.Score));
                        }
                    }
                }
                finally
                {
                    index.Lock.ExitReadLock();
                }
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

        return new MemorySearchResult(TopOf(vectorHits, limit), TopOf(textHits, limit));
    }

    /// <summary>Sorts <paramref name="hits"/> best first (ties by id) and keeps the first <paramref name="limit"/>.</summary>
    public static List<ScoredMemory> TopOf(List<ScoredMemory> hits, int limit)
    {
        hits.Sort(static (a, b) => a.Score != b.Score ? b.Score.CompareTo(a.Score) : a.Record.Id.CompareTo(b.Record.Id));
        if (hits.Count > limit)
        {
            hits.RemoveRange(limit, hits.Count - limit);
        }

        return hits;
    }
}
