using System.Runtime.InteropServices;

namespace AgentMemory.Sqlite;

public sealed partial class SqliteMemoryStore
{
    /// <summary>The lexical query drops its scope restriction when the reader's scopes hold at least 1/this of the file's rows.</summary>
    private const int TextOnlyShare = 4;

    private static readonly string[] ScopeLookupSql = [.. Enumerable.Range(0, 9).Select(n =>
        "SELECT id, generation, key, (SELECT max(rowid) FROM memories) FROM scopes WHERE key IN (" + string.Join(", ", Enumerable.Range(0, n).Select(i => "$k" + i)) + ")")];

    /// <summary>
    /// A scope at least this large, whose BM25 index is not built yet, answers its first lexical query from FTS5 while the
    /// index builds in the background (building it takes ≈ half of a cold 10k-memory recall); smaller scopes build it at once.
    /// </summary>
    internal const int BackgroundLexicalAt = 2_000;

    /// <inheritdoc />
    public Task<MemorySearchResult> SearchAsync(MemorySearchRequest request, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var useVector = CandidateSearch.Validate(request, Dimension);
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
        var (indexes, scopeIds, fileRows) = LoadIndexes(c, request.Scope);
        var filter = request.Filter ?? MemoryFilter.None;
        if (!CandidateSearch.MayMatchKinds(indexes, filter))
        {
            return MemorySearchResult.Empty; // e.g. the retriever's procedural surfacing in a scope that holds no procedures
        }

        var useText = terms.Count > 0 && indexes.Count > 0;
        var cachedLexical = useText && _options.CacheLexicalIndex && LexicalReady(indexes);
        var result = CandidateSearch.Search(indexes, request, now, useVector, cachedLexical);
        if (!useText || cachedLexical)
        {
            return result;
        }

        var lexical = SearchLexical(c, indexes, scopeIds, fileRows, terms, filter, request.Limit, now);
        return new MemorySearchResult(result.VectorMatches, CandidateSearch.TopOf(lexical, request.Limit));
    }

    /// <summary>
    /// Whether every index can answer a lexical query from its BM25 index now: built, or small enough to build at once.
    /// A large one not built yet starts building in the background and this query reads FTS5.
    /// </summary>
    private static bool LexicalReady(List<ScopeIndex> indexes)
    {
        var ready = true;
        foreach (var index in indexes)
        {
            if (index.HasLexical || index.Records.Count < BackgroundLexicalAt)
            {
                continue;
            }

            ready = false;
            if (index.TryClaimLexicalBuild())
            {
                _ = Task.Run(() =>
                {
                    index.Lock.EnterReadLock();
                    try
                    {
                        index.BuildLexical();
                    }
                    finally
                    {
                        index.Lock.ExitReadLock();
                    }
                });
            }
        }

        return ready;
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
    private static List<ScoredMemory> SearchLexical(PooledConnection c, List<ScopeIndex> indexes, List<long> scopeIds, long fileRows, List<string> terms, MemoryFilter filter, int limit, DateTimeOffset now)
    {
        var hits = new List<ScoredMemory>();
        var scopeRows = 0L;
        foreach (var index in indexes)
        {
            scopeRows += index.Records.Count;
        }

        var cmd = c.Command("SELECT rowid, bm25(memory_fts, 1.0, 0.0, " + ContextWeightSql + ") AS score FROM memory_fts WHERE memory_fts MATCH $q ORDER BY score");
        cmd.Parameters.AddWithValue("$q", scopeRows * TextOnlyShare >= fileRows ? FtsQuery.Build(terms) : FtsQuery.Build(terms, scopeIds));
        using var r = cmd.ExecuteReader();
        while (hits.Count < limit && r.Read())
        {
            var rowId = r.GetInt64(0);
            var score = -r.GetDouble(1);
            foreach (var index in indexes)
            {
                index.Lock.EnterReadLock();
                try
                {
                    if (index.TryGetByRow(rowId, out var record))
                    {
                        if (!record.IsExpired(now) && filter.Matches(record))
                        {
                            hits.Add(new ScoredMemory(index.WithVector(record), score));
                        }

                        break;
                    }
                }
                finally
                {
                    index.Lock.ExitReadLock();
                }
            }
        }

        return hits;
    }

    /// <summary>
    /// The indexes of the scopes <paramref name="reader"/> can see, each checked against its generation in the file
    /// (one indexed read for all of them) and reloaded when another process changed it.
    /// </summary>
    private (List<ScopeIndex> Indexes, List<long> ScopeIds, long FileRows) LoadIndexes(PooledConnection c, MemoryScope reader)
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

        var result = new List<ScopeIndex>(found.Count);
        var ids = new List<long>(found.Count);
        foreach (var (id, generation, key) in found)
        {
            var scope = visible.First(v => string.Equals(v.Key, key, StringComparison.Ordinal));
            _scopes.TryAdd(id, scope);
            _scopeIds.TryAdd(key, id);
            result.Add(_indexes.Acquire(id, scope, generation, static (index, s) => Reload(s.Connection, index, s.Id), (Connection: c, Id: id)));
            ids.Add(id);
        }

        _indexes.Trim(result);
        TrimScopeIds();
        return (result, ids, fileRows);
    }

    /// <summary>
    /// Loads a scope's rows into its index, stepping the native statement directly: each row's columns are read in place
    /// and its vector is handed to the index from SQLite's own memory, without a copy or a data reader. Compiled optimized
    /// at once: it runs once per scope load, over every row, so its first (tier-0) code would serve a whole cold recall.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private static void Reload(PooledConnection c, ScopeIndex index, long scopeId)
    {
        var count = c.Statement("SELECT count(*) FROM memories WHERE scope_id = ?1");
        count.Bind(1, scopeId);
        index.Reserve((int)count.ExecuteScalarInt64());
        var rows = c.Statement("SELECT " + RecordRow.Columns + " FROM memories m WHERE m.scope_id = ?1");
        try
        {
            rows.Bind(1, scopeId);
            while (rows.Read())
            {
                var record = RecordRow.Read(rows.Columns, index.Scope, vector: null);
                var blob = rows.GetBlob(RecordRow.Embedding); // empty when NULL
                var vector = BitConverter.IsLittleEndian ? MemoryMarshal.Cast<byte, float>(blob) : SqliteValues.BlobToVector(blob.ToArray());
                index.Put(record, vector, rows.GetInt64(RecordRow.RowId));
            }
        }
        finally
        {
            rows.Reset();
        }
    }
}
