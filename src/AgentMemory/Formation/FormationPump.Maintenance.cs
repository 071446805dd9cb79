using AgentMemory.Pipeline;

namespace AgentMemory.Formation;

/// <summary>The TTL sweep, consolidation and schema re-processing of <see cref="FormationPump"/>.</summary>
internal sealed partial class FormationPump
{
    /// <summary>
    /// Runs a consolidation pass over every scope that formed memories since its last complete pass (the hosted worker
    /// calls it every <see cref="ConsolidationOptions.Interval"/>). A scope whose pass stopped on its daily budget or
    /// failed stays due; a failure of one scope does not stop the others.
    /// </summary>
    /// <returns>How many memories were merged.</returns>
    internal async Task<int> ConsolidateFormedScopesAsync(CancellationToken cancellationToken = default)
    {
        if (!optionsMonitor.CurrentValue.Consolidation.Enabled)
        {
            return 0;
        }

        var merged = 0;
        foreach (var scope in _toConsolidate.Keys.ToList())
        {
            cancellationToken.ThrowIfCancellationRequested();
            _toConsolidate.TryRemove(scope, out _);
            try
            {
                var result = await consolidator.ConsolidateAsync(scope, cancellationToken).ConfigureAwait(false);
                merged += result.Merged;
                if (!result.Complete)
                {
                    _toConsolidate.TryAdd(scope, 0);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                _toConsolidate.TryAdd(scope, 0);
                Log.ConsolidationFailed(_logger, ex, scope.TenantId);
            }
        }

        return merged;
    }

    public async Task<int> ConsolidateAsync(MemoryScope scope, CancellationToken cancellationToken = default)
    {
        var result = await consolidator.ConsolidateAsync(scope, cancellationToken).ConfigureAwait(false);
        return result.Merged;
    }

    /// <summary>Notes that a job formed memories in <paramref name="jobScope"/>: where they are stored becomes due for consolidation.</summary>
    private void NoteFormed(MemoryScope jobScope)
    {
        if (optionsMonitor.CurrentValue.Consolidation.Enabled)
        {
            _toConsolidate.TryAdd(FormationPipeline.TargetScope(jobScope, optionsMonitor.CurrentValue.Formation), 0);
        }
    }

    public async Task<int> SweepExpiredAsync(CancellationToken cancellationToken = default)
    {
        var total = 0;
        while (true)
        {
            int removed;
            using (var call = telemetry.StartStoreCall(store, "remove_expired"))
            {
                removed = await call.Track(store.RemoveExpiredAsync(time.GetUtcNow(), 1000, cancellationToken)).ConfigureAwait(false);
            }

            total += removed;
            if (removed < 1000)
            {
                break;
            }
        }

        if (total > 0)
        {
            telemetry.Expired.Add(total);
            Log.Expired(_logger, total);
        }

        return total;
    }

    public async Task<int> ReprocessAsync(MemoryScope scope, Func<MemoryRecord, bool>? predicate = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var current = optionsMonitor.CurrentValue.Formation.SchemaVersion;
        var stale = new List<MemoryRecord>();
        await foreach (var record in store.ListAsync(scope, new MemoryListOptions { Match = ScopeMatch.Within }, cancellationToken).ConfigureAwait(false))
        {
            if (record.SchemaVersion < current && (predicate is null || predicate(record)))
            {
                stale.Add(record);
            }
        }

        var processed = 0;
        foreach (var record in stale)
        {
            await pipeline.ReprocessAsync(record, current, cancellationToken).ConfigureAwait(false);
            processed++;
        }

        return processed;
    }
}
