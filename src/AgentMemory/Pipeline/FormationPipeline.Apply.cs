using AgentMemory.Extraction;
using AgentMemory.Reconciliation;
using AgentMemory.Security;

namespace AgentMemory.Pipeline;

/// <summary>Guards and enrichment, the store step and the memory budget of <see cref="FormationPipeline"/>.</summary>
internal sealed partial class FormationPipeline
{
    /// <summary>
    /// Runs the guard chain, then the enrichers: audits each guard rewrite as a redaction and quarantines a block;
    /// enrichment writes no audit entry. The candidate to embed, or the blocked outcome.
    /// </summary>
    private async Task<(MemoryCandidate? Candidate, FormationOutcome? Outcome)> GuardAsync(MemoryScope target, MemoryCandidate candidate, Guid id, GuardContext context, CancellationToken cancellationToken)
    {
        var result = await guards.RunAsync(candidate, context, target, cancellationToken).ConfigureAwait(false);
        foreach (var rewrite in result.Rewrites)
        {
            Log.CandidateRewritten(_logger, rewrite.Guard);
            using var call = telemetry.StartStoreCall(store, "audit");
            await call.Track(store.AppendAuditAsync(
                new AuditEntry
                {
                    At = time.GetUtcNow(),
                    Action = AuditAction.Redacted,
                    Scope = target,
                    MemoryIds = [id],
                    Detail = rewrite.Guard + (rewrite.Reason is null ? string.Empty : ": " + rewrite.Reason),
                    Count = 1,
                },
                cancellationToken)).ConfigureAwait(false);
        }

        if (result.IsBlocked)
        {
            var guard = result.Guard ?? nameof(MemoryGuardChain);
            using (var call = telemetry.StartStoreCall(store, "quarantine"))
            {
                await call.Track(store.QuarantineAsync(
                    new QuarantinedMemory
                    {
                        Id = id,
                        Scope = target,
                        Text = result.Candidate.Text, // a guard may hand over a redacted copy
                        Provenance = candidate.Provenance,
                        Reason = result.Reason ?? guard,
                        Score = result.Score,
                        At = time.GetUtcNow(),
                    },
                    cancellationToken)).ConfigureAwait(false);
            }

            var blockReason = result.Reason == guard ? null : result.Reason;
            telemetry.RecordBlocked(blockReason, guard);
            Log.CandidateBlocked(_logger, guard, blockReason);
            return (null, new FormationOutcome(FormationOutcomeKind.Blocked, Reason: result.Reason ?? guard));
        }

        var enriched = result.Candidate;
        foreach (var enricher in _enrichers)
        {
            enriched = enricher.Enrich(enriched);
        }

        return (enriched, null);
    }

    private async Task<FormationOutcome> ApplyAsync(
        MemoryScope target,
        MemoryCandidate candidate,
        Guid id,
        float[] embedding,
        ReconciliationDecision decision,
        IReadOnlyList<ScoredMemory> neighbours,
        AgentMemoryOptions options,
        CancellationToken cancellationToken)
    {
        var existing = decision.TargetId is { } targetId ? neighbours.FirstOrDefault(n => n.Record.Id == targetId).Record : null;
        switch (decision.Action)
        {
            case ReconciliationAction.None:
                return new FormationOutcome(FormationOutcomeKind.Unchanged, existing, decision.Reason ?? "already known");

            case ReconciliationAction.Delete when existing is not null:
                using (var call = telemetry.StartStoreCall(store, "delete"))
                {
                    await call.Track(store.DeleteAsync(target, existing.Id, MemoryChangeKind.Deleted, decision.Reason, cancellationToken)).ConfigureAwait(false);
                }

                return new FormationOutcome(FormationOutcomeKind.Deleted, existing, decision.Reason);

            case ReconciliationAction.Supersede when existing is not null:
                return await SupersedeAsync(target, candidate, id, embedding, decision, existing, neighbours, options, cancellationToken).ConfigureAwait(false);

            case ReconciliationAction.Update when existing is not null:
                var text = string.IsNullOrWhiteSpace(decision.Text) ? candidate.Text : decision.Text;
                var vector = string.Equals(text, candidate.Text, StringComparison.Ordinal)
                    ? embedding
                    : await embeddings.EmbedAsync(text, cancellationToken).ConfigureAwait(false);
                var metadata = new Dictionary<string, string>(existing.Metadata, StringComparer.Ordinal);
                foreach (var (key, value) in candidate.Metadata)
                {
                    metadata[key] = value;
                }

                var changed = existing with
                {
                    Text = text,
                    Embedding = vector,
                    Context = candidate.Context ?? existing.Context,
                    Topic = candidate.Topic ?? existing.Topic,
                    Importance = Math.Max(existing.Importance, candidate.Importance),
                    Provenance = candidate.Provenance,
                    Metadata = metadata,
                    ExpiresAt = candidate.ExpiresAt,
                    OccurredAt = candidate.OccurredAt ?? existing.OccurredAt,
                    UpdatedAt = time.GetUtcNow(),
                    SchemaVersion = options.Formation.SchemaVersion,
                };
                MemoryRecord stored;
                using (var call = telemetry.StartStoreCall(store, "update"))
                {
                    stored = await call.Track(store.UpdateAsync(changed, MemoryChangeKind.Updated, decision.Reason, cancellationToken)).ConfigureAwait(false);
                }

                return new FormationOutcome(FormationOutcomeKind.Updated, stored, decision.Reason);

            default:
                // Add, or a decision naming a memory the target scope does not own: never touch another scope's memory.
                var record = ToRecord(target, candidate, id, embedding, options.Formation.SchemaVersion);
                MemoryRecord added;
                using (var call = telemetry.StartStoreCall(store, "add"))
                {
                    added = await call.Track(store.AddAsync(record, cancellationToken)).ConfigureAwait(false);
                }

                telemetry.Created.Add(1, new KeyValuePair<string, object?>("agentmemory.kind", candidate.Kind.ToString()));
                await EnforceBudgetAsync(target, added.Id, options.Formation, cancellationToken).ConfigureAwait(false);
                return new FormationOutcome(FormationOutcomeKind.Added, added, decision.Reason);
        }
    }

    /// <summary>
    /// A changed fact: the old memory stays, closed (<see cref="MemoryRecord.ValidTo"/> set, metadata
    /// <see cref="MemoryTimeline.SupersededByKey"/>), and the new value is a new memory valid from now (metadata
    /// <see cref="MemoryTimeline.SupersedesKey"/>). The old one is closed first, so a retried job that stopped in between
    /// finds no current neighbour to change and adds the new memory under the same id. A neighbour formed from the same
    /// statement as the old memory (the episode of the turn a fact was extracted from, or the reverse) states the same
    /// outdated value and is closed with it.
    /// </summary>
    private async Task<FormationOutcome> SupersedeAsync(
        MemoryScope target,
        MemoryCandidate candidate,
        Guid id,
        float[] embedding,
        ReconciliationDecision decision,
        MemoryRecord existing,
        IReadOnlyList<ScoredMemory> neighbours,
        AgentMemoryOptions options,
        CancellationToken cancellationToken)
    {
        var text = string.IsNullOrWhiteSpace(decision.Text) ? candidate.Text : decision.Text;
        var vector = string.Equals(text, candidate.Text, StringComparison.Ordinal)
            ? embedding
            : await embeddings.EmbedAsync(text, cancellationToken).ConfigureAwait(false);
        var now = time.GetUtcNow();
        var changedAt = candidate.OccurredAt is { } said && said <= now ? said : now;
        if (changedAt < existing.ValidFrom)
        {
            changedAt = existing.ValidFrom;
        }

        foreach (var outdated in neighbours.Select(n => n.Record).Where(r => r.Id == existing.Id || FormedTogether.Sibling(existing, r)))
        {
            var closedAt = changedAt < outdated.ValidFrom ? outdated.ValidFrom : changedAt;
            var closedMetadata = new Dictionary<string, string>(outdated.Metadata, StringComparer.Ordinal) { [MemoryTimeline.SupersededByKey] = id.ToString("D") };
            using var call = telemetry.StartStoreCall(store, "update");
            await call.Track(store.UpdateAsync(
                outdated with { ValidTo = closedAt, Metadata = closedMetadata, UpdatedAt = now },
                MemoryChangeKind.Superseded,
                outdated.Id == existing.Id ? decision.Reason ?? "superseded by a newer statement" : "formed from the superseded statement",
                cancellationToken)).ConfigureAwait(false);
        }

        var metadata = new Dictionary<string, string>(candidate.Metadata, StringComparer.Ordinal) { [MemoryTimeline.SupersedesKey] = existing.Id.ToString("D") };
        var record = ToRecord(target, candidate with { Text = text, Metadata = metadata }, id, vector, options.Formation.SchemaVersion) with
        {
            ValidFrom = changedAt,
            Topic = candidate.Topic ?? existing.Topic,
            Importance = Math.Max(existing.Importance, candidate.Importance),
        };
        MemoryRecord added;
        using (var call = telemetry.StartStoreCall(store, "add"))
        {
            added = await call.Track(store.AddAsync(record, cancellationToken)).ConfigureAwait(false);
        }

        telemetry.Created.Add(1, new KeyValuePair<string, object?>("agentmemory.kind", candidate.Kind.ToString()));
        return new FormationOutcome(FormationOutcomeKind.Superseded, added, decision.Reason);
    }

    private MemoryRecord ToRecord(MemoryScope target, MemoryCandidate candidate, Guid id, float[] embedding, int schemaVersion)
    {
        var now = time.GetUtcNow();
        return new MemoryRecord
        {
            Id = id,
            Scope = target,
            Kind = candidate.Kind,
            Text = candidate.Text,
            Embedding = embedding,
            Context = candidate.Context,
            Topic = candidate.Topic,
            Importance = candidate.Importance,
            Provenance = candidate.Provenance,
            Metadata = MemoryEntityKeys.Tag(candidate.Metadata, candidate.Text),
            CreatedAt = now,
            UpdatedAt = now,
            ExpiresAt = candidate.ExpiresAt,
            OccurredAt = candidate.OccurredAt,
            SchemaVersion = schemaVersion,
        };
    }

    /// <summary>Evicts the lowest-retention memories of <paramref name="scope"/> while it holds more than its budget.</summary>
    internal async Task<int> EnforceBudgetAsync(MemoryScope scope, Guid? keep, FormationOptions options, CancellationToken cancellationToken)
    {
        var budget = options.GetMemoryBudget(scope.TenantId);
        long count;
        using (var call = telemetry.StartStoreCall(store, "count"))
        {
            count = await call.Track(store.CountAsync(scope, ScopeMatch.Exact, cancellationToken)).ConfigureAwait(false);
        }

        if (count <= budget)
        {
            return 0;
        }

        var now = time.GetUtcNow();
        var ranked = new List<(double Score, MemoryRecord Record)>();
        var all = new MemoryListOptions { Match = ScopeMatch.Exact, Filter = new MemoryFilter { IncludeSuperseded = true } };
        await foreach (var record in store.ListAsync(scope, all, cancellationToken).ConfigureAwait(false))
        {
            if (record.Id != keep)
            {
                // A superseded fact only serves history and "as of" recall: it goes before anything current.
                ranked.Add((record.IsSuperseded ? -1 : RetentionPolicy.Score(record, now, options.RetentionHalfLife), record));
            }
        }

        var evicted = 0;
        foreach (var (_, record) in ranked.OrderBy(r => r.Score).ThenBy(r => r.Record.CreatedAt).Take((int)Math.Min(int.MaxValue, count - budget)))
        {
            using (var call = telemetry.StartStoreCall(store, "evict"))
            {
                if (await call.Track(store.DeleteAsync(scope, record.Id, MemoryChangeKind.Evicted, "over the scope's memory budget", cancellationToken)).ConfigureAwait(false))
                {
                    evicted++;
                }
            }
        }

        if (evicted > 0)
        {
            telemetry.Evicted.Add(evicted);
            Log.Evicted(_logger, evicted, scope.TenantId, budget);
        }

        return evicted;
    }
}
