using System.Text.Json;

namespace AgentMemory.Cli.Import;

/// <summary>
/// Reads AgentMemory's own export (see <c>MemoryExporter</c>): <c>{ "scope", "memories": [ { id, scope, kind, text,
/// context, topic, importance, provenance, metadata, createdAt, updatedAt, expiresAt, occurredAt, … } ] }</c>. Every
/// record keeps its id, scope, timestamps and metadata; history is not re-imported (the store starts a new history at
/// the import); vectors are recomputed with the configured embedding model.
/// </summary>
internal static class AgentMemoryExportReader
{
    public static bool Looks(JsonElement root)
        => root.ValueKind == JsonValueKind.Object
            && root.TryGetProperty("memories", out var m) && m.ValueKind == JsonValueKind.Array
            && (root.TryGetProperty("scope", out _) || m.EnumerateArray().Any(e => e.ValueKind == JsonValueKind.Object && e.TryGetProperty("text", out _)));

    public static IReadOnlyList<MemoryRecord> Read(JsonElement root, ImportTarget target)
    {
        if (!Looks(root))
        {
            throw new CliException("Not an AgentMemory export: expected an object with a 'memories' array.");
        }

        var records = new List<MemoryRecord>();
        var index = 0;
        foreach (var item in root.GetProperty("memories").EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Object)
            {
                throw JsonRead.Bad(index, "is not an object");
            }

            var idText = JsonRead.RequiredString(item, "id", index);
            if (!Guid.TryParse(idText, out var id))
            {
                throw JsonRead.Bad(index, $"'id' is not a GUID: '{idText}'");
            }

            var scopeKey = JsonRead.RequiredString(item, "scope", index);
            if (!MemoryScope.TryParse(scopeKey, out var scope))
            {
                throw JsonRead.Bad(index, $"'scope' is not a scope key: '{scopeKey}'");
            }

            var kindText = JsonRead.RequiredString(item, "kind", index);
            if (!Enum.TryParse<MemoryKind>(kindText, ignoreCase: true, out var kind) || !Enum.IsDefined(kind))
            {
                throw JsonRead.Bad(index, $"'kind' is not Semantic, Episodic or Procedural: '{kindText}'");
            }

            var provenance = MemoryProvenance.FromSystem;
            if (item.TryGetProperty("provenance", out var p) && p.ValueKind == JsonValueKind.Object)
            {
                var sourceText = JsonRead.String(p, "source", index) ?? nameof(MemorySource.System);
                if (!Enum.TryParse<MemorySource>(sourceText, ignoreCase: true, out var source) || !Enum.IsDefined(source))
                {
                    throw JsonRead.Bad(index, $"'provenance.source' is unknown: '{sourceText}'");
                }

                provenance = new MemoryProvenance(source, JsonRead.String(p, "speaker", index), JsonRead.String(p, "reference", index));
            }

            var created = JsonRead.Date(item, "createdAt", index) ?? default;
            records.Add(new MemoryRecord
            {
                Id = id,
                Scope = Retarget(scope, target, index),
                Kind = kind,
                Text = JsonRead.RequiredString(item, "text", index),
                Context = JsonRead.String(item, "context", index),
                Topic = JsonRead.String(item, "topic", index),
                Importance = Math.Clamp(JsonRead.Number(item, "importance", index) ?? 0.5, 0, 1),
                Provenance = provenance,
                Metadata = JsonRead.StringMap(item, "metadata", index),
                CreatedAt = created,
                UpdatedAt = JsonRead.Date(item, "updatedAt", index) ?? created,
                ExpiresAt = JsonRead.Date(item, "expiresAt", index),
                OccurredAt = JsonRead.Date(item, "occurredAt", index),
                SchemaVersion = (int)(JsonRead.Number(item, "schemaVersion", index) ?? 1),
            });
            index++;
        }

        return records;
    }

    /// <summary>The record's own scope, or the same agent and session under the user (and tenant) given on the command line.</summary>
    private static MemoryScope Retarget(MemoryScope scope, ImportTarget target, int index)
    {
        if (target.User is null)
        {
            return scope;
        }

        try
        {
            return new MemoryScope(target.Tenant, target.User, target.Agent ?? scope.AgentId, scope.SessionId);
        }
        catch (ArgumentException ex)
        {
            throw JsonRead.Bad(index, "cannot be moved to the given scope: " + ex.Message);
        }
    }
}
