using System.Text.Json;

namespace AgentMemory.Pipeline;

/// <summary>Writes a scope's memories and their history as JSON (right of access).</summary>
internal static class MemoryExporter
{
    /// <summary>
    /// Writes <c>{ "scope", "exportedAt", "memories": [ { …record, "history": [ … ] } ] }</c> for every memory within
    /// <paramref name="scope"/> (its sessions and agents included, expired-but-unswept ones too). Vectors are not exported.
    /// </summary>
    /// <returns>How many memories were written.</returns>
    public static async Task<long> WriteAsync(IMemoryStore store, MemoryScope scope, Stream destination, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var writer = new Utf8JsonWriter(destination, new JsonWriterOptions { Indented = true });
        await using (writer.ConfigureAwait(false))
        {
            writer.WriteStartObject();
            writer.WriteString("scope", scope.Key);
            writer.WriteString("tenantId", scope.TenantId);
            WriteNullable(writer, "userId", scope.UserId);
            WriteNullable(writer, "agentId", scope.AgentId);
            WriteNullable(writer, "sessionId", scope.SessionId);
            writer.WriteString("exportedAt", now);
            writer.WriteStartArray("memories");
            long count = 0;
            var options = new MemoryListOptions { Match = ScopeMatch.Within, IncludeExpired = true, Filter = new MemoryFilter { IncludeSuperseded = true } };
            await foreach (var record in store.ListAsync(scope, options, cancellationToken).ConfigureAwait(false))
            {
                var history = await store.GetHistoryAsync(record.Scope, record.Id, cancellationToken).ConfigureAwait(false);
                WriteRecord(writer, record, history);
                count++;
                if (writer.BytesPending > 64 * 1024)
                {
                    await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
                }
            }

            writer.WriteEndArray();
            writer.WriteNumber("count", count);
            writer.WriteEndObject();
            await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
            return count;
        }
    }

    private static void WriteRecord(Utf8JsonWriter writer, MemoryRecord record, IReadOnlyList<MemoryHistoryEntry> history)
    {
        writer.WriteStartObject();
        writer.WriteString("id", record.Id);
        writer.WriteString("scope", record.Scope.Key);
        writer.WriteString("kind", record.Kind.ToString());
        writer.WriteString("text", record.Text);
        WriteNullable(writer, "context", record.Context);
        WriteNullable(writer, "topic", record.Topic);
        writer.WriteNumber("importance", record.Importance);
        writer.WriteStartObject("provenance");
        writer.WriteString("source", record.Provenance.Source.ToString());
        WriteNullable(writer, "speaker", record.Provenance.Speaker);
        WriteNullable(writer, "reference", record.Provenance.Reference);
        writer.WriteEndObject();
        writer.WriteStartObject("metadata");
        foreach (var (key, value) in record.Metadata)
        {
            writer.WriteString(key, value);
        }

        writer.WriteEndObject();
        writer.WriteString("createdAt", record.CreatedAt);
        writer.WriteString("updatedAt", record.UpdatedAt);
        WriteNullable(writer, "lastAccessedAt", record.LastAccessedAt);
        writer.WriteNumber("accessCount", record.AccessCount);
        WriteNullable(writer, "expiresAt", record.ExpiresAt);
        WriteNullable(writer, "occurredAt", record.OccurredAt);
        writer.WriteString("validFrom", record.ValidFrom);
        WriteNullable(writer, "validTo", record.ValidTo);
        writer.WriteNumber("version", record.Version);
        writer.WriteNumber("schemaVersion", record.SchemaVersion);
        writer.WriteStartArray("history");
        foreach (var entry in history)
        {
            writer.WriteStartObject();
            writer.WriteNumber("version", entry.Version);
            writer.WriteString("change", entry.Change.ToString());
            WriteNullable(writer, "previousText", entry.PreviousText);
            WriteNullable(writer, "newText", entry.NewText);
            writer.WriteString("at", entry.At);
            WriteNullable(writer, "reason", entry.Reason);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void WriteNullable(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is null)
        {
            writer.WriteNull(name);
        }
        else
        {
            writer.WriteString(name, value);
        }
    }

    private static void WriteNullable(Utf8JsonWriter writer, string name, DateTimeOffset? value)
    {
        if (value is { } v)
        {
            writer.WriteString(name, v);
        }
        else
        {
            writer.WriteNull(name);
        }
    }
}
