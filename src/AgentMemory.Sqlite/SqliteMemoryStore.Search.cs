using System.Buffers;
using System.Runtime.InteropServices;
using AgentMemory.Sqlite.Internal;
using AgentMemory.Vectors;

namespace AgentMemory.Sqlite;

public sealed partial class SqliteMemoryStore
{
    /// <summary>The lexical query drops its scope restriction when the reader's scopes hold at least 1/this of the file's rows.</summary>
    private const int TextOnlyShare = 4;

    private static readonly string[] ScopeLookupSql = [.. Enumerable.Range(0, 9).Select(n =>
        "SELECT id, generation, key, (SELECT max(rowid) FROM memories) FROM scopes WHERE key IN (" + string.Join(", ", Enumerable.Range(0, n).Select(i => "$k" + i)) + ")")];

    /// <inheritdoc />
    public Task<MemorySearchResult> SearchAsync(MemorySearchRequest request, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(request.Scope, nameof(request));
        ArgumentOutOfRangeException.ThrowIfNegative(request.Limit, nameof(request));
        var useVector = false;
        if (!request.Vector.IsEmpty)
        {
            VectorMath.Validate(request.Vector.Span, nameof(request));
            if (Dimension is { } d && d != request.Vector.Length)
            {
                throw new InvalidMemoryException(MemoryValidationError.DimensionMismatch, $"The store holds {d}-dimensional vectors; the query has {request.Vector.Length}.", nameof(request));
            }

            useVector = true;
        }

        var terms = FtsQuery.Terms(request.Text, _options.MaxQueryTerms);
        if (request.Limit == 0 || (!useVector && terms.Count == 0))
        {
            return Task.FromResult(MemorySearchResult.Empty);
        }

        var now = _time.GetUtcNow();
        // No explicit transaction (saves BEGIN/COMMIT per call): a commit landing between the generation read and the
        // reload or the FTS query makes the cache newer than its generation (reloaded again on the next call) or the FTS
        // rows newer than the cache (rows it does not hold are skipped) — never a wrong or stale-forever result.
        return RunAsync("search", Transaction.None, c => SearchCore(c, request, useVector, terms, now), cancellationToken);
    }

    private MemorySearchResult SearchCore(PooledConnection c, MemorySearchRequest request, bool useVector, List<string> terms, DateTimeOffset now)
    {
        var (caches, fileRows) = LoadCaches(c, request.Scope);
        var filter = request.Filter ?? MemoryFilter.None;
        if (filter.Kinds is { } kinds && !caches.Exists(cache => { lock (cache.Sync) { return cache.HoldsAnyOf(kinds); } }))
        {
            return MemorySearchResult.Empty; // e.g. the retriever's procedural surfacing in a scope that holds no procedures
        }

        var limit = request.Limit;
        var vectorHits = new List<ScoredMemory>();
        if (useVector && caches.Count > 0)
        {
            var query = ArrayPool<float>.Shared.Rent(request.Vector.Length);
            var matches = ArrayPool<VectorMatch>.Shared.Rent(limit);
            try
            {
                VectorMath.Normalize(request.Vector.Span, query);
                foreach (var cache in caches)
                {
                    lock (cache.Sync)
                    {
                        if (cache.Vectors is not { Count: > 0 } vectors || vectors.Dimension != request.Vector.Length)
                        {
                            continue;
                        }

                        var records = cache.Records;
                        var include = cache.Include(filter, now);

                        var found = vectors.Search(query.AsSpan(0, vectors.Dimension), matches.AsSpan(0, limit), include);
                        for (var i = 0; i < found; i++)
                        {
                            vectorHits.Add(new ScoredMemory(cache.WithVector(records[matches[i].Id]), matches[i].Score));
                        }
                    }
                }
            }
            finally
            {
                ArrayPool<float>.Shared.Return(query);
                ArrayPool<VectorMatch>.Shared.Return(matches);
            }
        }

        var lexicalHits = terms.Count == 0 || caches.Count == 0 ? []
            : _options.CacheLexicalIndex ? SearchCachedLexical(caches, request.Text!, filter, limit, now)
            : SearchLexical(c, caches, fileRows, terms, filter, limit, now);
        return new MemorySearchResult(TopOf(vectorHits, limit), TopOf(lexicalHits, limit));
    }

    /// <summary>The lexical candidates from each scope's in-memory BM25 index (<see cref="SqliteMemoryStoreOptions.CacheLexicalIndex"/>).</summary>
    private static List<ScoredMemory> SearchCachedLexical(List<ScopeCache> caches, string text, MemoryFilter filter, int limit, DateTimeOffset now)
    {
        var hits = new List<ScoredMemory>();
        foreach (var cache in caches)
        {
            lock (cache.Sync)
            {
                var records = cache.Records;
                var include = cache.Include(filter, now);

                foreach (var match in cache.SearchLexical(text, limit, include))
                {
                    hits.Add(new ScoredMemory(cache.WithVector(records[match.Id]), match.Score));
                }
            }
        }

        return hits;
    }

    /// <summary>The FTS5 column weight of the context column (<see cref="Lexical.LexicalFields.ContextWeight"/>).</summary>
    private static readonly string ContextWeightSql = Lexical.LexicalFields.ContextWeight.ToString("0.0##", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// The FTS5 (BM25) candidates within the reader's scopes. When those scopes hold most of the file (at least
    /// 1 / <see cref="TextOnlyShare"/> of its rows) the query matches the words alone and rows of other scopes are
    /// skipped here: <c>bm25()</c> counts the documents of every phrase of the query, so a scope phrase costs a walk of
    /// the scope's whole doclist (≈ 1.3 ms at 10k rows), far more than skipping the few foreign rows. Otherwise the
    /// scope restriction stays inside the FTS query, so a small scope in a large file never ranks other users' rows.
    /// Either way the ranking is the same (BM25 over the whole index's statistics).
    /// </summary>
    private static List<ScoredMemory> SearchLexical(PooledConnection c, List<ScopeCache> caches, long fileRows, List<string> terms, MemoryFilter filter, int limit, DateTimeOffset now)
    {
        var hits = new List<ScoredMemory>();
        var scopeRows = 0L;
        foreach (var cache in caches)
        {
            lock (cache.Sync)
            {
                scopeRows += cache.Records.Count;
            }
        }

        var cmd = c.Command("SELECT rowid, bm25(memory_fts, 1.0, 0.0, " + ContextWeightSql + ") AS score FROM memory_fts WHERE memory_fts MATCH $q ORDER BY score");
        cmd.Parameters.AddWithValue("$q", scopeRows * TextOnlyShare >= fileRows ? FtsQuery.Build(terms) : FtsQuery.Build(terms, caches.ConvertAll(x => x.ScopeId)));
        using var r = cmd.ExecuteReader();
        while (hits.Count < limit && r.Read())
        {
            var rowId = r.GetInt64(0);
            var score = -r.GetDouble(1);
            foreach (var cache in caches)
            {
                lock (cache.Sync)
                {
                    if (cache.RowIds.TryGetValue(rowId, out var id) && cache.Records.TryGetValue(id, out var record))
                    {
                        if (!record.IsExpired(now) && filter.Matches(record))
                        {
                            hits.Add(new ScoredMemory(cache.WithVector(record), score));
                        }

                        break;
                    }
                }
            }
        }

        return hits;
    }

    /// <summary>
    /// The caches of the scopes <paramref name="reader"/> can see, each checked against its generation in the file
    /// (one indexed read for all of them) and reloaded when another process changed it.
    /// </summary>
    private (List<ScopeCache> Caches, long FileRows) LoadCaches(PooledConnection c, MemoryScope reader)
    {
        var visible = reader.VisibleScopes();
        var cmd = c.Command(ScopeLookupSql[visible.Count]);
        ScopeSql.BindVisible(cmd, reader);
        var found = new List<(long Id, long Generation, string Key)>(visible.Count);
        var fileRows = 0L;
        using (var r = cmd.ExecuteReader())
        {
            while (r.Read())
            {
                found.Add((r.GetInt64(0), r.GetInt64(1), r.GetString(2)));
                fileRows = r.IsDBNull(3) ? 0 : r.GetInt64(3);
            }
        }

        var result = new List<ScopeCache>(found.Count);
        var tick = Environment.TickCount64;
        foreach (var (id, generation, key) in found)
        {
            var scope = visible.First(v => string.Equals(v.Key, key, StringComparison.Ordinal));
            _scopes.TryAdd(id, scope);
            _scopeIds.TryAdd(key, id);
            var cache = _caches.GetOrAdd(id, static (i, s) => new ScopeCache(i, s.Scope, s.Options, s.QuantizeAt), (Scope: scope, Options: _options.Vectors, QuantizeAt: _options.QuantizeAtRows ?? int.MaxValue));
            lock (cache.Sync)
            {
                if (cache.Generation != generation)
                {
                    Reload(c, cache, generation);
                }

                cache.LastUsed = tick;
            }

            result.Add(cache);
        }

        EvictCaches(result);
        TrimScopeIds();
        return (result, fileRows);
    }

    private static void Reload(PooledConnection c, ScopeCache cache, long generation)
    {
        cache.Clear();
        var cmd = c.Command("SELECT " + RecordRow.Columns + " FROM memories m WHERE m.scope_id = $scope");
        cmd.Parameters.AddWithValue("$scope", cache.ScopeId);
        byte[] buffer = [];
        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            var record = RecordRow.Read(r, cache.Scope, withEmbedding: false);
            ReadOnlySpan<float> vector = [];
            if (!r.IsDBNull(RecordRow.Embedding))
            {
                var length = (int)r.GetBytes(RecordRow.Embedding, 0, null, 0, 0);
                if (buffer.Length < length)
                {
                    buffer = new byte[length];
                }

                r.GetBytes(RecordRow.Embedding, 0, buffer, 0, length);
                vector = BitConverter.IsLittleEndian ? MemoryMarshal.Cast<byte, float>(buffer.AsSpan(0, length)) : SqliteValues.BlobToVector(buffer[..length]);
            }

            cache.Put(r.GetInt64(RecordRow.RowId), record, vector);
        }

        cache.Generation = generation;
    }

    /// <summary>
    /// Drops the least recently used scope caches (never those in <paramref name="inUse"/>) while there are more than
    /// <see cref="SqliteMemoryStoreOptions.MaxCachedScopes"/> or they hold more than
    /// <see cref="SqliteMemoryStoreOptions.MaxCachedMemories"/> memories together.
    /// </summary>
    private void EvictCaches(List<ScopeCache> inUse)
    {
        // A cache's count is read without its lock: a racing write makes the total off by a few, never wrong for long.
        long cached = 0;
        foreach (var cache in _caches.Values)
        {
            cached += cache.Records.Count;
        }

        if (_caches.Count <= _options.MaxCachedScopes && cached <= _options.MaxCachedMemories)
        {
            return;
        }

        var scopes = _caches.Count;
        foreach (var victim in _caches.Values.Where(x => !inUse.Contains(x)).OrderBy(x => x.LastUsed).ToList())
        {
            if (scopes <= _options.MaxCachedScopes && cached <= _options.MaxCachedMemories)
            {
                break;
            }

            if (_caches.TryRemove(victim.ScopeId, out _))
            {
                scopes--;
                cached -= victim.Records.Count;
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
}
