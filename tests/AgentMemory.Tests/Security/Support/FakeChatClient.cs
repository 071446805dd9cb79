using Microsoft.Extensions.AI;

namespace AgentMemory.Tests.Security.Support;

/// <summary>A chat client answering with a fixed function of the request; counts calls.</summary>
public sealed class FakeChatClient(Func<IReadOnlyList<ChatMessage>, string> answer) : IChatClient
{
    public int Calls { get; private set; }

    public List<string> Prompts { get; } = [];

    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        Calls++;
        var list = messages.ToList();
        Prompts.Add(string.Join("\n", list.Select(m => m.Text)));
        return Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, answer(list))));
    }

    public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException();

    public object? GetService(Type serviceType, object? serviceKey = null) => null;

    public void Dispose()
    {
    }
}
