using AgentMemory;
using Microsoft.Extensions.AI;

namespace MemoryReview;

/// <summary>
/// Sample conversations for the demo accounts, remembered through <see cref="IAgentMemory.RememberAsync"/> (extraction,
/// guards, reconciliation), so the page shows what extraction really produces from them.
/// </summary>
internal static class SeedData
{
    private static readonly Dictionary<string, (string Name, string[] Turns)> Conversations = new(StringComparer.Ordinal)
    {
        ["alice"] = ("Alice",
        [
            "I'm vegetarian. My sister lives in Lyon.",
            "I read on my phone. From now on, answer without tables and in short paragraphs.",
            "I'm planning a trip to Lisbon for the second week of May.",
        ]),
        ["bob"] = ("Bob",
        [
            "I'm a big FC Porto fan. I'm learning Rust.",
            "From now on, give me code samples in Rust rather than Python.",
        ]),
    };

    public static async Task SeedAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var settings = services.GetRequiredService<MemoryReviewOptions>();
        var memory = services.GetRequiredService<IAgentMemory>();
        foreach (var user in settings.Users)
        {
            var scope = MemoryScope.ForUser(settings.Tenant, user.Name);
            if (await HasAnyAsync(memory, scope, cancellationToken).ConfigureAwait(false) || !Conversations.TryGetValue(user.Name, out var conversation))
            {
                continue;
            }

            var messages = conversation.Turns.Select(turn => new ChatMessage(ChatRole.User, turn) { AuthorName = conversation.Name }).ToList();
            await memory.RememberAsync(scope, messages, cancellationToken: cancellationToken).ConfigureAwait(false);

            // One edited memory, so the page has a history to show.
            await foreach (var record in memory.ListAsync(scope, new MemoryListOptions { Match = ScopeMatch.Within }, cancellationToken).ConfigureAwait(false))
            {
                if (record.Text.Contains("second week", StringComparison.Ordinal))
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
