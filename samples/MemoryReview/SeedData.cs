using AgentMemory;

namespace MemoryReview;

/// <summary>Sample memories for the demo accounts, so the page has something to review on first run.</summary>
internal static class SeedData
{
    private static readonly Dictionary<string, (MemoryKind Kind, string Text, string Topic)[]> Samples = new(StringComparer.Ordinal)
    {
        ["alice"] =
        [
            (MemoryKind.Semantic, "Alice is vegetarian.", "food"),
            (MemoryKind.Semantic, "Alice's sister lives in Lyon.", "family"),
            (MemoryKind.Procedural, "Alice reads on her phone: answer without tables, in short paragraphs.", "formatting"),
            (MemoryKind.Episodic, "Alice planned a trip to Lisbon for the second week of May.", "travel"),
        ],
        ["bob"] =
        [
            (MemoryKind.Semantic, "Bob supports FC Porto.", "sport"),
            (MemoryKind.Semantic, "Bob is learning Rust.", "programming"),
            (MemoryKind.Procedural, "Bob wants code samples in Rust rather than Python.", "coding"),
        ],
    };

    public static async Task SeedAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var settings = services.GetRequiredService<MemoryReviewOptions>();
        var memory = services.GetRequiredService<IAgentMemory>();
        foreach (var user in settings.Users)
        {
            var scope = MemoryScope.ForUser(settings.Tenant, user.Name);
            if (await HasAnyAsync(memory, scope, cancellationToken).ConfigureAwait(false) || !Samples.TryGetValue(user.Name, out var samples))
            {
                continue;
            }

            foreach (var (kind, text, topic) in samples)
            {
                await memory.SaveAsync(scope, new MemoryCandidate { Kind = kind, Text = text, Topic = topic, Provenance = new MemoryProvenance(MemorySource.User, user.Name, "seed") }, cancellationToken).ConfigureAwait(false);
            }

            // One edited memory, so the page has a history to show.
            await foreach (var record in memory.ListAsync(scope, new MemoryListOptions { Match = ScopeMatch.Within }, cancellationToken).ConfigureAwait(false))
            {
                if (record.Kind == MemoryKind.Episodic)
                {
                    await memory.UpdateAsync(scope, record.Id, new MemoryUpdate { Text = record.Text.Replace("second week", "third week", StringComparison.Ordinal) }, cancellationToken).ConfigureAwait(false);
                    break;
                }
            }
        }
    }

    private static async Task<bool> HasAnyAsync(IAgentMemory memory, MemoryScope scope, CancellationToken cancellationToken)
    {
        await foreach (var _ in memory.ListAsync(scope, new MemoryListOptions { Match = ScopeMatch.Within }, cancellationToken).ConfigureAwait(false))
        {
            return true;
        }

        return false;
    }
}
