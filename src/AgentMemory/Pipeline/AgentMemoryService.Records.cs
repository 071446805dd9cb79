using System.Runtime.CompilerServices;
using AgentMemory.Storage;

namespace AgentMemory.Pipeline;

/// <summary>Record access, erasure and history of <see cref="AgentMemoryService"/>.</summary>
internal sealed partial class AgentMemoryService
{
    /// <summary>The page size of <see cref="ListPageAsync"/> when the options set no limit.</summary>
    internal const int DefaultPageSize = 100;

    /// <summary>The largest page <see cref="ListPageAsync"/> returns.</summary>
    internal const int MaxPageSize = 10_000;

    public async Task<MemoryRecord?> GetAsync(MemoryScope scope, Guid id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        using (var call = telemetry.StartStoreCall(store, "get"))
        {
            return await call.Track(store.GetAsync(scope, id, cancellationToken)).ConfigureAwait(false);
        }
    }

    public async IAsyncEnumerable<MemoryRecord> ListAsync(MemoryScope scope, MemoryListOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        await foreach (var record in store.ListAsync(scope, options, cancellationToken).ConfigureAwait(false))
        {
            yield return record;
        }
    }

    public async Task<MemoryPage> ListPageAsync(MemoryScope scope, MemoryListOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        options ??= MemoryListOptions.Default;
        var size = options.Limit ?? DefaultPageSize;
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(size, nameof(options));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(size, MaxPageSize, nameof(options));
        _ = MemoryCursor.Read(scope, options); // a bad cursor or order fails here, not inside the store's enumeration

        // One more than the page: whether it exists says whether there is a next page.
        var items = new List<MemoryRecord>(Math.Min(size + 1, 1024));
        using (telemetry.StartStoreCall(store, "list"))
        {
            await foreach (var record in store.ListAsync(scope, options with { Limit = size + 1 }, cancellationToken).ConfigureAwait(false))
            {
                items.Add(record);
            }
        }

        if (items.Count <= size)
        {
            return new MemoryPage(items, null);
        }

        items.RemoveAt(size);
        return new MemoryPage(items, MemoryCursor.Write(scope, options, items[^1]));
    }

    public async Task<MemoryRecord> UpdateAsync(MemoryScope scope, Guid id, MemoryUpdate update, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(update);
        update = InputHygiene.Prepare(update);
        using var activity = telemetry.StartActivity("update", scope);
        var options = _options.CurrentValue;
        MemoryRecord? existing;
        using (var call = telemetry.StartStoreCall(store, "get"))
        {
            existing = await call.Track(store.GetAsync(scope, id, cancellationToken)).ConfigureAwait(false);
        }

        if (existing is null)
        {
            throw new MemoryNotFoundException(id);
        }

        if (update.ExpectedVersion is { } expected && expected != existing.Version)
        {
            throw new MemoryConcurrencyException($"Memory {id} is at version {existing.Version}, not {expected}; reload it and retry.") { Component = "facade", Operation = "update" };
        }

        if (update.Importance is { } importance && (!double.IsFinite(importance) || importance < 0 || importance > 1))
        {
            throw new InvalidMemoryException(MemoryValidationError.InvalidImportance, "A memory's importance must be between 0 and 1.", nameof(update));
        }

        var changed = existing with
        {
            Topic = update.Topic ?? existing.Topic,
            Importance = update.Importance ?? existing.Importance,
            ExpiresAt = update.ExpiresAt ?? existing.ExpiresAt,
            Metadata = update.Metadata ?? existing.Metadata,
            UpdatedAt = timeProvider.GetUtcNow(),
        };
        if (update.Text is { } text && !string.Equals(text, existing.Text, StringComparison.Ordinal))
        {
            MemoryRecordValidator.ValidateText(text, options.MaxTextLength);
            var embedding = await embeddings.EmbedAsync(text, cancellationToken).ConfigureAwait(false);
            changed = changed with { Text = text, Embedding = embedding };
        }

        using (var call = telemetry.StartStoreCall(store, "update"))
        {
            return await call.Track(store.UpdateAsync(changed, MemoryChangeKind.Updated, "updated by the application", cancellationToken)).ConfigureAwait(false);
        }
    }

    public async Task<bool> DeleteAsync(MemoryScope scope, Guid id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        using (var call = telemetry.StartStoreCall(store, "delete"))
        {
            return await call.Track(store.DeleteAsync(scope, id, MemoryChangeKind.Deleted, "deleted by the application", cancellationToken)).ConfigureAwait(false);
        }
    }

    public async Task<ErasureReceipt> ForgetAsync(MemoryScope scope, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        using var activity = telemetry.StartActivity("forget", scope);
        ErasureReceipt receipt;
        using (var call = telemetry.StartStoreCall(store, "erase"))
        {
            receipt = await call.Track(store.EraseAsync(scope, cancellationToken)).ConfigureAwait(false);
        }

        Log.Erased(_logger, scope.TenantId, receipt.Records, receipt.PendingJobs);
        return receipt;
    }

    public async Task<IReadOnlyList<MemoryHistoryEntry>> GetHistoryAsync(MemoryScope scope, Guid id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        using (var call = telemetry.StartStoreCall(store, "history"))
        {
            var own = await call.Track(store.GetHistoryAsync(scope, id, cancellationToken)).ConfigureAwait(false);
            if (await call.Track(store.GetAsync(scope, id, cancellationToken)).ConfigureAwait(false) is not { } record)
            {
                return own;
            }

            var earlier = await FollowAsync(scope, record, MemoryTimeline.SupersedesKey, cancellationToken).ConfigureAwait(false);
            var later = await FollowAsync(scope, record, MemoryTimeline.SupersededByKey, cancellationToken).ConfigureAwait(false);
            if (earlier.Count == 0 && later.Count == 0)
            {
                return own;
            }

            // Oldest version first; entries at the same instant keep that order (the old value closes, then the new one opens).
            var timeline = new List<(DateTimeOffset At, int Order, MemoryHistoryEntry Entry)>();
            var chain = earlier.AsEnumerable().Reverse().Append(id).Concat(later).ToList();
            for (var i = 0; i < chain.Count; i++)
            {
                var entries = chain[i] == id ? own : await call.Track(store.GetHistoryAsync(scope, chain[i], cancellationToken)).ConfigureAwait(false);
                timeline.AddRange(entries.Select(e => (e.At, i, e)));
            }

            return timeline.OrderBy(t => t.At).ThenBy(t => t.Order).Select(t => t.Entry).ToList();
        }
    }

    /// <summary>The ids linked from <paramref name="start"/> under <paramref name="key"/>, nearest first.</summary>
    private async Task<List<Guid>> FollowAsync(MemoryScope scope, MemoryRecord start, string key, CancellationToken cancellationToken)
    {
        var ids = new List<Guid>();
        var seen = new HashSet<Guid> { start.Id };
        var current = start;
        while (ids.Count < MemoryTimeline.MaxLinks && MemoryTimeline.Link(current, key) is { } next && seen.Add(next))
        {
            ids.Add(next);
            if (await store.GetAsync(scope, next, cancellationToken).ConfigureAwait(false) is not { } record)
            {
                break;
            }

            current = record;
        }

        return ids;
    }

    public async Task ExportAsync(MemoryScope scope, Stream destination, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(destination);
        using var activity = telemetry.StartActivity("export", scope);
        var count = await MemoryExporter.WriteAsync(store, scope, destination, timeProvider.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        await store.AppendAuditAsync(
            new AuditEntry { At = timeProvider.GetUtcNow(), Action = AuditAction.Exported, Scope = scope, Count = count },
            cancellationToken).ConfigureAwait(false);
    }
}
