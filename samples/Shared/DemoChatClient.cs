using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;

namespace AgentMemory.Samples;

/// <summary>
/// A stand-in model for the samples, so they run with no key and no network: it answers by saying which memories it
/// was given in its system prompt or instructions. Replace it with any real IChatClient (OpenAI, Ollama, …).
/// </summary>
internal sealed class DemoChatClient : IChatClient
{
    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var list = messages.ToList();
        var context = string.Join("\n", list.Where(m => m.Role == ChatRole.System).Select(m => m.Text).Append(options?.Instructions ?? ""));
        var answer = string.IsNullOrWhiteSpace(context)
            ? $"(demo model) I was given no memories for \"{list.LastOrDefault(m => m.Role == ChatRole.User)?.Text}\"."
            : "(demo model) My prompt carried this memory block:\n" + context.Trim();
        return Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, answer)));
    }

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var response = await GetResponseAsync(messages, options, cancellationToken).ConfigureAwait(false);
        foreach (var update in response.ToChatResponseUpdates())
        {
            yield return update;
        }
    }

    public object? GetService(Type serviceType, object? serviceKey = null) => null;

    public void Dispose()
    {
    }
}
