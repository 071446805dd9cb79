using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;

namespace AgentMemory.Testing;

/// <summary>A scripted chat client: records what it was sent and answers with the next scripted response. Linked into the integration test projects.</summary>
internal sealed class FakeChatClient : IChatClient
{
    private readonly Queue<Func<IReadOnlyList<ChatMessage>, ChatResponse>> _script = new();

    public List<List<ChatMessage>> Calls { get; } = [];

    public List<ChatOptions?> Options { get; } = [];

    public FakeChatClient Reply(string text) => Reply(_ => new ChatResponse(new ChatMessage(ChatRole.Assistant, text)));

    public FakeChatClient Reply(Func<IReadOnlyList<ChatMessage>, ChatResponse> reply)
    {
        _script.Enqueue(reply);
        return this;
    }

    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var list = messages.ToList();
        Calls.Add(list);
        Options.Add(options);
        var next = _script.Count > 0 ? _script.Dequeue() : _ => new ChatResponse(new ChatMessage(ChatRole.Assistant, "ok"));
        return Task.FromResult(next(list));
    }

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var response = await GetResponseAsync(messages, options, cancellationToken);
        foreach (var word in response.Text.Split(' '))
        {
            await Task.Yield();
            yield return new ChatResponseUpdate(ChatRole.Assistant, word + " ") { MessageId = "r1" };
        }
    }

    public object? GetService(Type serviceType, object? serviceKey = null) => null;

    public void Dispose()
    {
    }
}
