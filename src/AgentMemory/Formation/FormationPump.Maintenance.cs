using AgentMemory.Pipeline;
using AgentMemory.Telemetry;

namespace AgentMemory.Formation;

/// <summary>The TTL sweep and schema re-processing of <see cref="FormationPump"/>.</summary>
internal sealed partial class FormationPump
{
    public async Task<int> SweepExpiredAsync(CancellationToken cancellationToken = default)
    {
        var total = 0;
        while (true)
        {
            int removed;
            using (var call = _telemetry.StartStoreCall(_store, "remove_expired"))
            {
                removed = await call.Track(_store.RemoveExpiredAsync(_time.GetUtcNow(), 1000, cancellationToken)).ConfigureAwait(false);
            }

            total += removed;
            if (removed < 1000)
            {
                break;
            }
        }

        if (total > 0)
        {
            _telemetry.Expired.Add(total);
            Log.Expired(_logger, total);
        }

        return total;
    }

    public async Task<int> ReprocessAsync(MemoryScope scope, Func<MemoryRecord, bool>? predicate = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var current = _options.CurrentValue.Formation.SchemaVersion;
        var stale = new List<MemoryRecord>();
        await foreach (var record in _store.ListAsync(scope, new MemoryListOptions { Match = ScopeMatch.Within }, cancellationToken).ConfigureAwait(false))
        {
            if (record.SchemaVersion < current && (predicate is null || predicate(record)))
            {
                stale.Add(record);
            }
        }

        var processed = 0;
        foreach (var record in stale)
        {
            await _pipeline.ReprocessAsync(record, current, cancellationToken).ConfigureAwait(false);
            processed++;
        }

        return processed;
    }
}
