using System.Globalization;
using AgentMemory.Extraction;
using AgentMemory.Pipeline;

namespace AgentMemory.Consolidation;

/// <summary>
/// Distils a finished session's episodes into semantic facts with a model: the episodes of one session (the host's
/// <see cref="MemoryConsolidation.SessionKey"/>, else one UTC day), once the last of them is
/// <see cref="ConsolidationOptions.DistillAfterIdle"/> old, are read to the model-backed extractor as one conversation; the
/// semantic facts it returns are formed like any other candidate (guards, reconciliation against what the scope holds,
/// history), carrying the episodes' ids; each episode is then marked as distilled (with history), so it is read once.
/// Registered only when a model is configured (<c>UseLlmExtraction</c>); facts the per-turn extraction already holds
/// reconcile to no change.
/// </summary>
internal sealed class SessionDistiller
{
    /// <summary>The operation name of distillation calls (telemetry).</summary>
    public const string Operation = "distil";

    /// <summary>A session needs at least this many episodes to be distilled: one turn was already read on its own at formation.</summary>
    public const int MinEpisodes = 2;

    /// <summary>The most episodes one distillation reads (the latest of a longer session).</summary>
    public const int MaxEpisodes = 200;

    private static readonly IReadOnlySet<MemoryKind> EpisodicOnly = new HashSet<MemoryKind> { MemoryKind.Episodic };

    private readonly IExtractor _extractor;
    private readonly IMemoryStore _store;
    private readonly FormationPipeline _pipeline;
    private readonly IOptionsMonitor<AgentMemoryOptions> _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    /// <summary>Creates the distiller.</summary>
    /// <param name="extractor">The model-backed extractor the episodes are read to.</param>
    /// <param name="store">The store.</param>
    /// <param name="pipeline">Forms the facts (guards, reconciliation, storage).</param>
    /// <param name="options">The options.</param>
    /// <param name="time">The clock.</param>
    /// <param name="loggerFactory">The logger factory.</param>
    public SessionDistiller(IExtractor extractor, IMemoryStore store, FormationPipeline pipeline, IOptionsMonitor<AgentMemoryOptions> options, TimeProvider time, ILoggerFactory? loggerFactory = null)
    {
        _extractor = extractor;
        _store = store;
        _pipeline = pipeline;
        _options = options;
        _time = time;
        _logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger<SessionDistiller>();
    }

    /// <summary>
    /// Distils up to <paramref name="budget"/> finished, not yet distilled sessions of <paramref name="scope"/>, oldest first.
    /// </summary>
    /// <returns>How many sessions were distilled, and whether sessions remain (unfinished, or beyond the budget).</returns>
    public async Task<(int Distilled, bool Pending)> DistilAsync(MemoryScope scope, int budget, CancellationToken cancellationToken)
    {
        var options = _options.CurrentValue.Consolidation;
        var now = _time.GetUtcNow();
        var sessions = await ListSessionsAsync(scope, now, cancellationToken).ConfigureAwait(false);
        var distilled = 0;
        var pending = false;
        foreach (var episodes in sessions)
        {
            if (episodes.Count < MinEpisodes)
            {
                continue;
            }

            if (episodes[^1].CreatedAt > now - options.DistillAfterIdle || distilled >= budget)
            {
                pending = true;
                continue;
            }

            cancellationToken.ThrowIfCancellationRequested();
            await DistilSessionAsync(scope, episodes, now, cancellationToken).ConfigureAwait(false);
            distilled++;
        }

        return (distilled, pending);
    }

    /// <summary>The scope's current, not yet distilled episodes, grouped by session, each group oldest first.</summary>
    private async Task<List<List<MemoryRecord>>> ListSessionsAsync(MemoryScope scope, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var listing = new MemoryListOptions
        {
            Match = ScopeMatch.Exact,
            Filter = new MemoryFilter { Kinds = EpisodicOnly },
            Order = MemoryListOrder.CreatedAscending,
        };
        var sessions = new Dictionary<string, List<MemoryRecord>>(StringComparer.Ordinal);
        var order = new List<string>();
        await foreach (var record in _store.ListAsync(scope, listing, cancellationToken).ConfigureAwait(false))
        {
            if (record.Kind != MemoryKind.Episodic || record.Scope != scope || record.IsSuperseded || record.IsExpired(now)
                || record.Metadata.ContainsKey(MemoryConsolidation.DistilledKey))
            {
                continue;
            }

            var session = MemoryConsolidation.Occasion(record);
            if (!sessions.TryGetValue(session, out var list))
            {
                sessions[session] = list = [];
                order.Add(session);
            }

            list.Add(record);
        }

        return [.. order.Select(key => sessions[key])];
    }

    private async Task DistilSessionAsync(MemoryScope scope, List<MemoryRecord> episodes, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var read = episodes.Count > MaxEpisodes ? episodes.GetRange(episodes.Count - MaxEpisodes, MaxEpisodes) : episodes;
        var messages = read.Select(ToMessage).ToList();
        var candidates = await _extractor.ExtractAsync(
            new ExtractionRequest { Scope = scope, Messages = messages, ConversationTime = read[^1].OccurredAt ?? read[^1].CreatedAt },
            cancellationToken).ConfigureAwait(false);

        // The first episode's id stands for the session: a retried distillation re-creates the same fact ids.
        var sessionId = read[0].Id;
        var sources = string.Join(',', read.Take(MemoryConsolidation.MaxOccasions).Select(e => e.Id.ToString("D")));
        var context = new GuardContext(scope, messages);
        var formed = 0;
        for (var i = 0; i < candidates.Count; i++)
        {
            if (candidates[i].Kind != MemoryKind.Semantic)
            {
                continue;
            }

            var metadata = new Dictionary<string, string>(candidates[i].Metadata, StringComparer.Ordinal) { [MemoryConsolidation.DistilledFromKey] = sources };
            var outcome = await _pipeline.ProcessCandidateAsync(
                scope,
                candidates[i] with { Metadata = metadata },
                MemoryIds.ForCandidate(sessionId, i),
                context,
                throwOnInvalid: false,
                cancellationToken).ConfigureAwait(false);
            formed += outcome.Kind is FormationOutcomeKind.Added or FormationOutcomeKind.Updated or FormationOutcomeKind.Superseded ? 1 : 0;
        }

        var stamp = now.ToString("O", CultureInfo.InvariantCulture);
        foreach (var episode in read)
        {
            var metadata = new Dictionary<string, string>(episode.Metadata, StringComparer.Ordinal) { [MemoryConsolidation.DistilledKey] = stamp };
            await _store.UpdateAsync(episode with { Metadata = metadata, UpdatedAt = now }, MemoryChangeKind.Updated, MemoryConsolidation.DistilledReason, cancellationToken)
                .ConfigureAwait(false);
        }

        Log.SessionDistilled(_logger, scope.TenantId, read.Count, formed);
    }

    /// <summary>An episode as the message it records: the speaker's prefix read back into the role and source.</summary>
    private static ChatMessage ToMessage(MemoryRecord episode)
    {
        var source = episode.Provenance.Source;
        var role = source switch
        {
            MemorySource.User or MemorySource.OtherParty => ChatRole.User,
            MemorySource.Tool or MemorySource.Document => ChatRole.Tool,
            _ => ChatRole.Assistant,
        };
        return new ChatMessage(role, SpeakerPrefix.Strip(episode))
        {
            AuthorName = episode.Provenance.Speaker,
            AdditionalProperties = new AdditionalPropertiesDictionary { [LlmExtractor.SourceProperty] = MessageSource.Name(source) },
        };
    }
}
