namespace AgentMemory.Pipeline;

/// <summary>Re-processing of records formed under an older schema version.</summary>
internal sealed partial class FormationPipeline
{
    /// <summary>Runs <paramref name="record"/>'s text through the current guards and embedding generator and updates it in place with <paramref name="schemaVersion"/>.</summary>
    /// <returns>The updated record, or null when a guard blocked it (it is then quarantined and deleted).</returns>
    public async Task<MemoryRecord?> ReprocessAsync(MemoryRecord record, int schemaVersion, CancellationToken cancellationToken)
    {
        using var activity = telemetry.StartActivity("reprocess", record.Scope);
        var candidate = MemoryCandidate.From(record);
        var guarded = await GuardAsync(record.Scope, candidate, record.Id, new GuardContext(record.Scope, []), cancellationToken).ConfigureAwait(false);
        if (guarded.Outcome is not null)
        {
            using (var call = telemetry.StartStoreCall(store, "delete"))
            {
                await call.Track(store.DeleteAsync(record.Scope, record.Id, MemoryChangeKind.Deleted, "blocked when re-processed", cancellationToken)).ConfigureAwait(false);
            }

            return null;
        }

        var text = guarded.Candidate!.Text;
        var embedding = await embeddings.EmbedAsync(text, cancellationToken).ConfigureAwait(false);
        using (var call = telemetry.StartStoreCall(store, "update"))
        {
            return await call.Track(store.UpdateAsync(
                record with { Text = text, Context = guarded.Candidate.Context, Embedding = embedding, SchemaVersion = schemaVersion, UpdatedAt = time.GetUtcNow() },
                MemoryChangeKind.Updated,
                $"re-processed from schema version {record.SchemaVersion} to {schemaVersion}",
                cancellationToken)).ConfigureAwait(false);
        }
    }
}
