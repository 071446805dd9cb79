using System.Text.Json;

namespace AgentMemory.Cli.Import;

/// <summary>
/// Reads Mem0's memories as JSON: the output of <c>get_all</c>/<c>GET /v1/memories</c>, as a bare array, as
/// <c>{ "results": [...] }</c> (OSS and v1.1) or as <c>{ "memories": [...] }</c>. Fields mapped:
/// <list type="bullet">
/// <item><c>memory</c> → text (required);</item>
/// <item><c>id</c> → the memory's id when it is a UUID (so importing twice adds nothing), else a new id; kept as <c>mem0.id</c> metadata;</item>
/// <item><c>user_id</c> → the user (unless --user is given), <c>agent_id</c> → the agent (unless --agent);</item>
/// <item><c>run_id</c>, <c>app_id</c>, <c>hash</c> → metadata <c>mem0.run_id</c>, <c>mem0.app_id</c>, <c>mem0.hash</c> (a run is not made a session, so the user keeps seeing the memory);</item>
/// <item><c>categories</c> → the topic (the first category) and <c>mem0.categories</c> metadata (all, comma-separated);</item>
/// <item><c>metadata</c> → metadata (non-string values as JSON text); <c>metadata.memory_type = procedural_memory</c> → kind procedural, else semantic;</item>
/// <item><c>created_at</c>, <c>updated_at</c> → the timestamps; <c>expiration_date</c> → expiry.</item>
/// </list>
/// Fields not listed (e.g. <c>score</c>, <c>immutable</c>, <c>owner</c>) are ignored.
/// </summary>
internal static class Mem0ExportReader
{
    public static bool Looks(JsonElement root) => Items(root) is { } items
        && items.EnumerateArray().All(e => e.ValueKind == JsonValueKind.Object && e.TryGetProperty("memory", out _));

    public static IReadOnlyList<MemoryRecord> Read(JsonElement root, ImportTarget target)
    {
        var items = Items(root) ?? throw new CliException("Not a Mem0 export: expected an array of memories, or an object with 'results' or 'memories'.");
        var records = new List<MemoryRecord>();
        var index = 0;
        foreach (var item in items.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Object)
            {
                throw JsonRead.Bad(index, "is not an object");
            }

            var text = JsonRead.RequiredString(item, "memory", index);
            var metadata = JsonRead.StringMap(item, "metadata", index);
            var mem0Id = JsonRead.String(item, "id", index);
            Copy(item, "id", "mem0.id", metadata, index);
            Copy(item, "run_id", "mem0.run_id", metadata, index);
            Copy(item, "app_id", "mem0.app_id", metadata, index);
            Copy(item, "hash", "mem0.hash", metadata, index);
            var categories = Categories(item, index);
            if (categories.Count > 0)
            {
                metadata["mem0.categories"] = string.Join(",", categories);
            }

            var user = target.User ?? JsonRead.String(item, "user_id", index);
            var agent = target.Agent ?? JsonRead.String(item, "agent_id", index);
            if (user is null && agent is null)
            {
                throw JsonRead.Bad(index, "has no user_id or agent_id: pass --user to say whose memories these are");
            }

            MemoryScope scope;
            try
            {
                scope = new MemoryScope(target.Tenant, user, agent);
            }
            catch (ArgumentException ex)
            {
                throw JsonRead.Bad(index, "has an unusable scope: " + ex.Message);
            }

            var created = JsonRead.Date(item, "created_at", index) ?? default;
            records.Add(new MemoryRecord
            {
                Id = Guid.TryParse(mem0Id, out var id) ? id : Guid.CreateVersion7(),
                Scope = scope,
                Kind = metadata.TryGetValue("memory_type", out var type) && type.StartsWith("procedural", StringComparison.OrdinalIgnoreCase)
                    ? MemoryKind.Procedural
                    : MemoryKind.Semantic,
                Text = text,
                Topic = categories.Count > 0 ? categories[0] : null,
                Provenance = new MemoryProvenance(MemorySource.User, Reference: "import:mem0"), // distilled from the user's own conversations; screened by the guards on import
                Metadata = metadata,
                CreatedAt = created,
                UpdatedAt = JsonRead.Date(item, "updated_at", index) ?? created,
                ExpiresAt = JsonRead.Date(item, "expiration_date", index),
            });
            index++;
        }

        return records;
    }

    private static JsonElement? Items(JsonElement root)
    {
        if (root.ValueKind == JsonValueKind.Array)
        {
            return root;
        }

        if (root.ValueKind == JsonValueKind.Object)
        {
            foreach (var name in (string[])["results", "memories"])
            {
                if (root.TryGetProperty(name, out var items) && items.ValueKind == JsonValueKind.Array)
                {
                    return items;
                }
            }
        }

        return null;
    }

    private static List<string> Categories(JsonElement item, int index)
    {
        if (!item.TryGetProperty("categories", out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return [];
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            throw JsonRead.Bad(index, "'categories' is not a list");
        }

        return value.EnumerateArray().Where(c => c.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(c.GetString())).Select(c => c.GetString()!.Trim()).ToList();
    }

    private static void Copy(JsonElement item, string field, string key, Dictionary<string, string> metadata, int index)
    {
        if (item.TryGetProperty(field, out var value) && value.ValueKind is JsonValueKind.String or JsonValueKind.Number)
        {
            metadata[key] = value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText();
        }
        else if (item.TryGetProperty(field, out value) && value.ValueKind != JsonValueKind.Null)
        {
            throw JsonRead.Bad(index, $"'{field}' is not a string");
        }
    }
}
