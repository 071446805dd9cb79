using Microsoft.Extensions.AI;

namespace AgentMemory.Tests.Telemetry.Support;

/// <summary>
/// A chat client standing in for a provider: answers AgentMemory's extraction, reconciliation, query-expansion and judge
/// prompts with valid JSON, reports token usage and a response model, and describes itself through <see cref="ChatClientMetadata"/>.
/// </summary>
public sealed class UsageReportingChatClient : IChatClient
{
    public const string Provider = "fakeai";
    public const string RequestModel = "fake-chat";
    public const string ResponseModel = "fake-chat-2026-01";
    public const int InputTokens = 120;
    public const int OutputTokens = 30;

    private readonly ChatClientMetadata _metadata = new(Provider, null, RequestModel);

    public List<string> Purposes { get; } = [];

    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var system = messages.FirstOrDefault(m => m.Role == ChatRole.System)?.Text ?? string.Empty;
        var (purpose, json) = system switch
        {
            _ when system.StartsWith("You are a security classifier", StringComparison.Ordinal) => ("judge", """{"instruction": false, "special_category": false, "confidence": 0.1}"""),
            _ when system.StartsWith("You turn the user's latest message into search queries", StringComparison.Ordinal) => ("expand_query", """{"queries": ["where does Alice live"]}"""),
            _ when system.StartsWith("You maintain an AI assistant's long-term memory", StringComparison.Ordinal) => ("reconcile", """{"action": "add", "memoryId": null, "text": null, "reason": "new fact"}"""),
            _ => ("extract", Extraction(messages.Last().Text)),
        };
        lock (Purposes)
        {
            Purposes.Add(purpose);
        }

        return Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, json))
        {
            ModelId = ResponseModel,
            Usage = new UsageDetails { InputTokenCount = InputTokens, OutputTokenCount = OutputTokens, TotalTokenCount = InputTokens + OutputTokens },
            FinishReason = ChatFinishReason.Stop,
        });
    }

    public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
        => throw new NotSupportedException();

    public object? GetService(Type serviceType, object? serviceKey = null)
        => serviceKey is null && serviceType == typeof(ChatClientMetadata) ? _metadata : serviceKey is null && serviceType.IsInstanceOfType(this) ? this : null;

    public void Dispose()
    {
    }

    /// <summary>One memory per conversation: the user's last sentence, as a semantic fact.</summary>
    private static string Extraction(string prompt)
    {
        var fact = prompt.Contains("Berlin", StringComparison.Ordinal) ? "Alice lives in Berlin." : prompt.Contains("BLOCKME", StringComparison.Ordinal) ? "BLOCKME Alice likes tea." : "Alice lives in Paris.";
        return $$"""{"memories": [{"kind": "semantic", "text": "{{fact}}", "importance": 0.8, "topic": "home", "expiresAt": null, "occurredAt": null, "message": 1}]}""";
    }
}
