using System.Diagnostics;
using AgentMemory.Enrichment;
using AgentMemory.Security;
using AgentMemory.Storage;

namespace AgentMemory.Pipeline;

/// <summary>
/// The formation pipeline: extractor → guard chain (<see cref="MemoryGuardChain"/>) → enrichers → embed → reconcile against the target scope's
/// nearest memories → store (add / update / supersede / delete), then the scope's memory budget.
/// </summary>
internal sealed partial class FormationPipeline(
    IMemoryStore store, IExtractor extractor, MemoryGuardChain guards, IEnumerable<IMemoryEnricher> enrichers,
    IMemoryReconciler reconciler, EmbeddingService embeddings, IOptionsMonitor<AgentMemoryOptions> optionsMonitor,
    TimeProvider time, AgentMemoryInstrumentation telemetry, ILoggerFactory? loggerFactory = null)
{
    private readonly IMemoryEnricher[] _enrichers = [.. enrichers];
    private readonly ILogger _logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger<FormationPipeline>();

    /// <summary>Forms memories from a conversation. Idempotent per job id: a retry re-creates the same memory ids.</summary>
    public async Task<IReadOnlyList<FormationOutcome>> FormAsync(FormationWork work, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        using var activity = telemetry.StartActivity("formation", work.Scope);
        activity?.SetTag("agentmemory.job.id", work.JobId.ToString());
        try
        {
            IReadOnlyList<MemoryCandidate> candidates;
            using (var extract = telemetry.StartActivity("extract", work.Scope))
            {
                candidates = await extractor.ExtractAsync(
                    new ExtractionRequest { Scope = work.Scope, Messages = work.Messages, ConversationTime = work.ConversationTime },
                    cancellationToken).ConfigureAwait(false);
                extract?.SetTag("agentmemory.candidates", candidates.Count);
            }

            var context = new GuardContext(work.Scope, work.Messages);
            // Facts before events: a turn that restates a fact changes it by structure (its subject) before the turn's own
            // episode is reconciled. Ids stay those of the extractor's order, so a retried job still re-creates them.
            var order = Enumerable.Range(0, candidates.Count).OrderBy(i => candidates[i].Kind == MemoryKind.Episodic ? 1 : 0).ToList();
            var outcomes = new List<FormationOutcome>(candidates.Count);
            foreach (var i in order)
            {
                var candidate = candidates[i];
                if (work.Metadata is { Count: > 0 })
                {
                    var merged = new Dictionary<string, string>(candidate.Metadata, StringComparer.Ordinal);
                    foreach (var (key, value) in work.Metadata)
                    {
                        merged.TryAdd(key, value);
                    }

                    candidate = candidate with { Metadata = merged };
                }

                outcomes.Add(await ProcessCandidateAsync(work.Scope, candidate, MemoryIds.ForCandidate(work.JobId, i), context, throwOnInvalid: false, cancellationToken).ConfigureAwait(false));
            }

            Log.JobProcessed(
                _logger,
                work.JobId,
                outcomes.Count(o => o.Kind == FormationOutcomeKind.Added),
                outcomes.Count(o => o.Kind is FormationOutcomeKind.Updated or FormationOutcomeKind.Superseded or FormationOutcomeKind.Deleted),
                outcomes.Count(o => o.Kind == FormationOutcomeKind.Unchanged),
                outcomes.Count(o => o.Kind == FormationOutcomeKind.Blocked));
            return outcomes;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            AgentMemoryInstrumentation.SetError(activity, ex);
            throw;
        }
        finally
        {
            telemetry.FormationDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds);
        }
    }

    /// <summary>Guards, embeds, reconciles and stores one candidate.</summary>
    /// <param name="scope">The scope the conversation belongs to.</param>
    /// <param name="candidate">The candidate.</param>
    /// <param name="id">The id a new memory gets.</param>
    /// <param name="context">What the guards see.</param>
    /// <param name="throwOnInvalid">Whether an invalid candidate throws (a direct save) or is skipped (a queued job must not fail forever on it).</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    public async Task<FormationOutcome> ProcessCandidateAsync(MemoryScope scope, MemoryCandidate candidate, Guid id, GuardContext context, bool throwOnInvalid, CancellationToken cancellationToken)
    {
        var prepared = await PrepareAsync(scope, candidate, id, context, throwOnInvalid, cancellationToken).ConfigureAwait(false);
        if (prepared.Outcome is { } done)
        {
            return done;
        }

        var embedding = await embeddings.EmbedAsync(prepared.Candidate!.Text, cancellationToken).ConfigureAwait(false);
        return await ReconcileAndStoreAsync(prepared.Target, prepared.Candidate, id, embedding, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Saves several candidates as consecutive <see cref="ProcessCandidateAsync"/> calls would, with one embedding call:
    /// every candidate is validated first (an invalid one throws before anything is guarded or stored), then each is
    /// guarded, the survivors are embedded together, and each is reconciled and stored in order, so a candidate is
    /// reconciled against the ones stored before it.
    /// </summary>
    /// <exception cref="InvalidMemoryException">A candidate is invalid; nothing was stored.</exception>
    public async Task<IReadOnlyList<FormationOutcome>> ProcessCandidatesAsync(MemoryScope scope, IReadOnlyList<MemoryCandidate> candidates, IReadOnlyList<Guid> ids, GuardContext context, CancellationToken cancellationToken)
    {
        var maxTextLength = optionsMonitor.CurrentValue.MaxTextLength;
        for (var i = 0; i < candidates.Count; i++)
        {
            try
            {
                ValidateCandidate(candidates[i], maxTextLength);
            }
            catch (InvalidMemoryException ex)
            {
                throw new InvalidMemoryException(ex.Error, $"Candidate {i}: {ex.Message} Nothing of the batch was stored.", nameof(candidates));
            }
        }

        var prepared = new PreparedCandidate[candidates.Count];
        var texts = new List<string>(candidates.Count);
        for (var i = 0; i < candidates.Count; i++)
        {
            prepared[i] = await PrepareAsync(scope, candidates[i], ids[i], context, throwOnInvalid: true, cancellationToken).ConfigureAwait(false);
            if (prepared[i].Outcome is null)
            {
                texts.Add(prepared[i].Candidate!.Text);
            }
        }

        var vectors = await embeddings.EmbedManyAsync(texts, cancellationToken).ConfigureAwait(false);
        var outcomes = new FormationOutcome[candidates.Count];
        var next = 0;
        for (var i = 0; i < candidates.Count; i++)
        {
            outcomes[i] = prepared[i].Outcome
                ?? await ReconcileAndStoreAsync(prepared[i].Target, prepared[i].Candidate!, ids[i], vectors[next++], cancellationToken).ConfigureAwait(false);
        }

        return outcomes;
    }

    /// <summary>Validates a candidate, applies its default time to live and runs the guards: the candidate to embed, or its final outcome.</summary>
    private async Task<PreparedCandidate> PrepareAsync(MemoryScope scope, MemoryCandidate candidate, Guid id, GuardContext context, bool throwOnInvalid, CancellationToken cancellationToken)
    {
        var options = optionsMonitor.CurrentValue;
        var now = time.GetUtcNow();
        var target = TargetScope(scope, options.Formation);

        try
        {
            ValidateCandidate(candidate, options.MaxTextLength);
        }
        catch (InvalidMemoryException ex) when (!throwOnInvalid)
        {
            return new PreparedCandidate(target, null, new FormationOutcome(FormationOutcomeKind.Unchanged, Reason: "invalid candidate skipped: " + ex.Message));
        }

        if (candidate.ExpiresAt is null && options.Formation.DefaultTimeToLive.TryGetValue(candidate.Kind, out var ttl))
        {
            candidate = candidate with { ExpiresAt = now + ttl };
        }

        if (candidate.ExpiresAt is { } expiry && expiry <= now)
        {
            return new PreparedCandidate(target, null, new FormationOutcome(FormationOutcomeKind.Unchanged, Reason: "already expired"));
        }

        var guarded = await GuardAsync(target, candidate, id, context, cancellationToken).ConfigureAwait(false);
        if (guarded.Outcome is { } blocked)
        {
            return new PreparedCandidate(target, null, blocked);
        }

        Log.CandidateText(_logger, guarded.Candidate!.Kind, guarded.Candidate.Text);
        return new PreparedCandidate(target, guarded.Candidate, null);
    }

    /// <summary>Reconciles an embedded candidate against the target scope's nearest memories and stores the decision.</summary>
    private async Task<FormationOutcome> ReconcileAndStoreAsync(MemoryScope target, MemoryCandidate candidate, Guid id, float[] embedding, CancellationToken cancellationToken)
    {
        var options = optionsMonitor.CurrentValue;
        var neighbours = await FindNeighboursAsync(target, embedding, options.Reconciliation.Neighbours, cancellationToken).ConfigureAwait(false);

        ReconciliationDecision decision;
        using (var activity = telemetry.StartActivity("reconcile", target))
        {
            decision = await reconciler.ReconcileAsync(new ReconciliationRequest(target, candidate, embedding, neighbours), cancellationToken).ConfigureAwait(false);
            activity?.SetTag("agentmemory.reconciliation.action", decision.Action.ToString());
        }

        return await ApplyAsync(target, candidate, id, embedding, decision, neighbours, options, cancellationToken).ConfigureAwait(false);
    }

    internal static MemoryScope TargetScope(MemoryScope scope, FormationOptions options)
        => scope.SessionId is null || options.KeepSessionScope ? scope : new MemoryScope(scope.TenantId, scope.UserId, scope.AgentId);

    private static void ValidateCandidate(MemoryCandidate candidate, int maxTextLength)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        MemoryRecordValidator.ValidateText(candidate.Text, maxTextLength);
        if (!double.IsFinite(candidate.Importance) || candidate.Importance < 0 || candidate.Importance > 1)
        {
            throw new InvalidMemoryException(MemoryValidationError.InvalidImportance, "A memory's importance must be between 0 and 1.", nameof(candidate));
        }
    }

    private async Task<IReadOnlyList<ScoredMemory>> FindNeighboursAsync(MemoryScope target, float[] embedding, int count, CancellationToken cancellationToken)
    {
        MemorySearchResult result;
        using (var call = telemetry.StartStoreCall(store, "search"))
        {
            result = await call.Track(store.SearchAsync(new MemorySearchRequest { Scope = target, Vector = embedding, Limit = count * 3 }, cancellationToken)).ConfigureAwait(false);
        }

        // Only memories the target scope owns may be changed by reconciliation (never a broader, shared scope's).
        return result.VectorMatches.Where(m => m.Record.Scope.Equals(target)).OrderByDescending(m => m.Score).Take(count).ToList();
    }
}
