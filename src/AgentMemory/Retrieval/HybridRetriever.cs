using AgentMemory.Lexical;
using AgentMemory.Vectors;

namespace AgentMemory.Retrieval;

/// <summary>
/// The default <see cref="IRetriever"/>: embeds the query (and its expansions), gets vector and lexical candidates from
/// the store, fuses them (reciprocal-rank or weighted), weights each by freshness, importance, kind, the time the
/// question names and the speaker it names, surfaces procedural memories for the request's task type, removes
/// near-duplicates (threshold or MMR) and explains every score.
/// </summary>
/// <remarks>
/// Order of work: queries (own, additional, expanders) → one embedding call → a store search per query (plus one
/// restricted to a time window the question names) → fusion into a relevance in [0, 1] → multipliers → procedural
/// surfacing → sort → diversity → <c>MinScore</c> and <c>TopK</c>. It does not record accesses: the caller does.
/// </remarks>
internal sealed partial class HybridRetriever : IRetriever
{
    private const int MaxQueries = 6;

    private readonly IMemoryStore _store;
    private readonly IEmbeddingGenerator<string, Embedding<float>>? _embeddings;
    private readonly IOptions<AgentMemoryOptions> _options;
    private readonly TimeProvider _timeProvider;
    private readonly IQueryExpander[] _expanders;
    private readonly bool _hashingEmbeddings;
    private readonly TextAnalyzer _analyzer = TextAnalyzer.Default;

    /// <summary>Creates a retriever.</summary>
    /// <param name="store">Where candidates come from.</param>
    /// <param name="embeddings">Embeds queries; a generator that returns empty vectors turns the vector search off.</param>
    /// <param name="options">Ranking options (<see cref="AgentMemoryOptions.Retrieval"/>).</param>
    /// <param name="timeProvider">"Now", for freshness and for time words in queries.</param>
    /// <param name="expanders">Query expanders run on every recall (may be empty).</param>
    public HybridRetriever(
        IMemoryStore store,
        IEmbeddingGenerator<string, Embedding<float>> embeddings,
        IOptions<AgentMemoryOptions> options,
        TimeProvider timeProvider,
        IEnumerable<IQueryExpander> expanders)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        _store = store;
        _embeddings = embeddings;
        _options = options;
        _timeProvider = timeProvider;
        _expanders = expanders?.ToArray() ?? [];
        _hashingEmbeddings = embeddings?.GetService<EmbeddingGeneratorMetadata>()?.DefaultModelId == Embeddings.LocalEmbeddingGenerator.ModelId;
    }

    /// <summary>
    /// Measures the retriever's store searches as database client calls (<c>db.client.operation.duration</c>, a span named
    /// <c>search</c>); set by <c>AddAgentMemory</c>, null when the retriever is built by hand.
    /// </summary>
    internal Telemetry.AgentMemoryInstrumentation? Telemetry { get; init; }

    /// <inheritdoc />
    /// <exception cref="ArgumentException">The request's query is null.</exception>
    /// <exception cref="MemoryStoreException">The store failed.</exception>
    public async Task<IReadOnlyList<MemoryHit>> RetrieveAsync(RecallRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(request.Query, nameof(request));
        if (request.AsOf is { } asOf)
        {
            // "As of" a past moment: every search sees what was valid then, superseded since or not.
            request = request with { Filter = request.Filter with { ValidAt = asOf } };
        }

        var o = _options.Value.Retrieval;
        var topK = request.TopK ?? o.TopK;
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(topK, nameof(request));
        var minScore = request.MinScore ?? o.MinScore;
        var now = _timeProvider.GetUtcNow();

        var queries = await CollectQueriesAsync(request, cancellationToken).ConfigureAwait(false);
        var vectors = await EmbedAsync(queries, cancellationToken).ConfigureAwait(false);
        var time = o.TimeAware ? TimeExpressionParser.Parse(request.Query, now) : QueryTimeInfo.None;
        var limit = Math.Max(o.CandidateLimit, topK * 3);

        var fusion = new FusionAccumulator(o, _hashingEmbeddings);
        var fuseVectors = (_hashingEmbeddings ? o.HashingVectorWeight : o.VectorWeight) > 0;
        for (var i = 0; i < queries.Count; i++)
        {
            var result = await SearchStoreAsync(
                new MemorySearchRequest { Scope = request.Scope, Vector = fuseVectors ? vectors[i] : default, Text = queries[i], Limit = limit, Filter = request.Filter },
                cancellationToken).ConfigureAwait(false);
            fusion.Add(result, queries[i], i == 0 ? 1.0 : o.ExpansionWeight, i == 0 ? null : "expansion");
            if (i == 0 && o.FeedbackTerms > 0 && fuseVectors && !vectors[0].IsEmpty && FeedbackQuery(result, queries[0], o) is { } feedback)
            {
                var second = await SearchStoreAsync(
                    new MemorySearchRequest { Scope = request.Scope, Text = feedback, Limit = topK * 2, Filter = request.Filter },
                    cancellationToken).ConfigureAwait(false);
                fusion.Add(second, feedback, o.FeedbackWeight, "feedback");
            }
        }

        var window = await ResolveWindowAsync(request, time, cancellationToken).ConfigureAwait(false);
        if (window is { } w && Restrict(request.Filter, w) is { } windowFilter)
        {
            var inWindow = await SearchStoreAsync(
                new MemorySearchRequest { Scope = request.Scope, Vector = fuseVectors ? vectors[0] : default, Text = request.Query, Limit = limit, Filter = windowFilter },
                cancellationToken).ConfigureAwait(false);
            fusion.Add(inWindow, request.Query, o.ExpansionWeight, "time-window");
        }

        var candidates = fusion.Build(vectorSearched: fuseVectors && !vectors[0].IsEmpty);
        var context = new WeightingContext(o, now, time with { Window = window }, QueryWords(queries[0]));
        var scored = new List<ScoredCandidate>(candidates.Count + o.MaxSurfacedProcedural);
        foreach (var c in candidates)
        {
            scored.Add(Weigh(c, context));
        }

        await SurfaceProceduralAsync(request, vectors[0], scored, context, cancellationToken).ConfigureAwait(false);
        scored.Sort(static (a, b) => b.Score != a.Score ? b.Score.CompareTo(a.Score) : a.Record.Id.CompareTo(b.Record.Id));
        if (!time.AsksWhen && request.AsOf is null)
        {
            NewerWinsTies(scored, o);
        }
        var selected = Diversify(scored, o, topK, minScore);
        return selected.Select(s => new MemoryHit(s.Record, s.Score) { Components = s.Components }).ToList();
    }

    private async Task<List<string>> CollectQueriesAsync(RecallRequest request, CancellationToken cancellationToken)
    {
        var queries = new List<string>(4) { request.Query };
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { request.Query.Trim() };
        foreach (var q in request.AdditionalQueries ?? [])
        {
            Add(q);
        }

        foreach (var expander in _expanders)
        {
            var extra = await expander.ExpandAsync(request, cancellationToken).ConfigureAwait(false);
            foreach (var q in extra)
            {
                Add(q);
            }
        }

        return queries;

        void Add(string? q)
        {
            if (queries.Count < MaxQueries && !string.IsNullOrWhiteSpace(q) && seen.Add(q.Trim()))
            {
                queries.Add(q);
            }
        }
    }

    private async Task<ReadOnlyMemory<float>[]> EmbedAsync(List<string> queries, CancellationToken cancellationToken)
    {
        var vectors = new ReadOnlyMemory<float>[queries.Count];
        if (_embeddings is null)
        {
            return vectors;
        }

        var generated = await _embeddings.GenerateAsync(queries, EmbeddingPurpose.CreateOptions(EmbeddingPurpose.Query), cancellationToken).ConfigureAwait(false);
        for (var i = 0; i < vectors.Length && i < generated.Count; i++)
        {
            var v = generated[i].Vector.Span;
            if (v.IsEmpty || !TensorNonZero(v))
            {
                continue;
            }

            vectors[i] = VectorMath.Normalize(v);
        }

        return vectors;

        static bool TensorNonZero(ReadOnlySpan<float> v)
        {
            foreach (var x in v)
            {
                if (x != 0f)
                {
                    return true;
                }
            }

            return false;
        }
    }

    private static HashSet<string> QueryWords(string query)
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        foreach (var w in TextAnalyzer.Words(query))
        {
            words.Add(w);
        }

        return words;
    }

    private static MemoryFilter? Restrict(MemoryFilter filter, TimeWindow window)
    {
        var after = window.Start == DateTimeOffset.MinValue ? filter.OccurredAfter : Max(filter.OccurredAfter, window.Start);
        var before = window.End == DateTimeOffset.MaxValue ? filter.OccurredBefore : Min(filter.OccurredBefore, window.End);
        if (after is { } a && before is { } b && a >= b)
        {
            return null;
        }

        return filter with { OccurredAfter = after, OccurredBefore = before };

        static DateTimeOffset Max(DateTimeOffset? x, DateTimeOffset y) => x is { } v && v > y ? v : y;
        static DateTimeOffset Min(DateTimeOffset? x, DateTimeOffset y) => x is { } v && v < y ? v : y;
    }

    /// <summary>One store search, measured as a database call when <see cref="Telemetry"/> is set.</summary>
    private async Task<MemorySearchResult> SearchStoreAsync(MemorySearchRequest request, CancellationToken cancellationToken)
    {
        if (Telemetry is null)
        {
            return await _store.SearchAsync(request, cancellationToken).ConfigureAwait(false);
        }

        using var call = Telemetry.StartStoreCall(_store, "search");
        return await call.Track(_store.SearchAsync(request, cancellationToken)).ConfigureAwait(false);
    }
}
