using System.Runtime.CompilerServices;
using AgentMemory.Storage;
using AgentMemory.Telemetry;

namespace AgentMemory.Pipeline;

/// <summary>Record access, erasure and history of <see cref="AgentMemoryService"/>.</summary>
internal sealed partial class AgentMemoryService
{
    public async Task<MemoryRecord?> GetAsync(MemoryScope scope, Guid id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        using (_telemetry.StartStoreActivity(_store, "get"))
        {
            return await _store.GetAsync(scope, id, cancellationToken).ConfigureAwait(false);
        }
    }

    public async IAsyncEnumerable<MemoryRecord> ListAsync(MemoryScope scope, MemoryListOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        await foreach (var record in _store.ListAsync(scope, options, cancellationToken).ConfigureAwait(false))
        {
            yield return record;
        }
    }

    public async Task<MemoryRecord> UpdateAsync(MemoryScope scope, Guid id, MemoryUpdate update, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(update);
        update = InputHygiene.Prepare(update);
        using var activity = _telemetry.StartActivity("update", scope);
        var options = _options.CurrentValue;
        MemoryRecord? existing;
        using (_telemetry.StartStoreActivity(_store, "get"))
        {
            existing = await _store.GetAsync(scope, id, cancellationToken).ConfigureAwait(false);
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
            UpdatedAt = _time.GetUtcNow(),
        };
        if (update.Text is { } text && !string.Equals(text, existing.Text, StringComparison.Ordinal))
        {
            MemoryRecordValidator.ValidateText(text, options.MaxTextLength);
            var embedding = await _embeddings.EmbedAsync(text, cancellationToken).ConfigureAwait(false);
            changed = changed with { Text = text, Embedding = embedding };
        }

        using (_telemetry.StartStoreActivity(_store, "update"))
        {
            return await _store.UpdateAsync(changed, MemoryChangeKind.Updated, "updated by the application", cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task<bool> DeleteAsync(MemoryScope scope, Guid id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        using (_telemetry.StartStoreActivity(_store, "delete"))
        {
            return await _store.DeleteAsync(scope, id, MemoryChangeKind.Deleted, "deleted by the application", cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task<ErasureReceipt> ForgetAsync(MemoryScope scope, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        using var activity = _telemetry.StartActivity("forget", scope);
        ErasureReceipt receipt;
        using (_telemetry.StartStoreActivity(_store, "erase"))
        {
            receipt = await _store.EraseAsync(scope, cancellationToken).ConfigureAwait(false);
        }

        Log.Erased(_logger, scope.TenantId, receipt.Records, receipt.PendingJobs);
        return receipt;
    }

    public async Task<IReadOnlyList<MemoryHistoryEntry>> GetHistoryAsync(MemoryScope scope, Guid id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        using (_telemetry.StartStoreActivity(_store, "history"))
        {
            return await _store.GetHistoryAsync(scope, id, cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task ExportAsync(MemoryScope scope, Stream destination, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(destination);
        using var activity = _telemetry.StartActivity("export", scope);
        var count = await MemoryExporter.WriteAsync(_store, scope, destination, _time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        await _store.AppendAuditAsync(
            new AuditEntry { At = _time.GetUtcNow(), Action = AuditAction.Exported, Scope = scope, Count = count },
            cancellationToken).ConfigureAwait(false);
    }
}
