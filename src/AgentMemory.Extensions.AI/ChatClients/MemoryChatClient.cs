using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;

namespace AgentMemory.Extensions.AI;

/// <summary>
/// A delegating chat client that gives any <see cref="IChatClient"/> memory: before each call it recalls the memories of
/// the call's scope and injects them as a fenced system block within a token budget; after the response it queues the
/// exchange (the new user turn and the reply) for memory formation. Works for streaming and non-streaming calls.
/// </summary>
/// <remarks>
/// The scope comes from the call's options (set with <see cref="MemoryChatOptionsExtensions.WithMemoryScope"/>, stored
/// in <c>ChatOptions.AdditionalProperties["agentmemory.scope"]</c>) or,
/// failing that, from the <see cref="IMemoryScopeAccessor"/>; a call with neither throws
/// <see cref="MissingMemoryScopeException"/> instead of guessing. Formation never blocks the response beyond queuing
/// (the default background mode); the caller's message list is never modified.
/// </remarks>
public sealed class MemoryChatClient : DelegatingChatClient
{
    private readonly IAgentMemory _memory;
    private readonly IMemoryScopeAccessor? _scopeAccessor;
    private readonly MemoryChatOptions _options;

    /// <summary>Creates the middleware.</summary>
    /// <param name="innerClient">The client that answers.</param>
    /// <param name="memory">The memory.</param>
    /// <param name="scopeAccessor">Supplies the scope when the call carries none (optional).</param>
    /// <param name="options">Options (optional).</param>
    public MemoryChatClient(IChatClient innerClient, IAgentMemory memory, IMemoryScopeAccessor? scopeAccessor = null, MemoryChatOptions? options = null)
        : base(innerClient)
    {
        ArgumentNullException.ThrowIfNull(memory);
        _memory = memory;
        _scopeAccessor = scopeAccessor;
        _options = options ?? new MemoryChatOptions();
    }

    /// <inheritdoc />
    /// <exception cref="MissingMemoryScopeException">The call has no scope.</exception>
    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var scope = ResolveScope(options);
        var input = messages.ToList();
        var augmented = await InjectAsync(scope, input, cancellationToken).ConfigureAwait(false);
        var response = await base.GetResponseAsync(augmented, options, cancellationToken).ConfigureAwait(false);
        await RememberAsync(scope, input, response.Messages, cancellationToken).ConfigureAwait(false);
        return response;
    }

    /// <inheritdoc />
    /// <exception cref="MissingMemoryScopeException">The call has no scope.</exception>
    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var scope = ResolveScope(options);
        var input = messages.ToList();
        var augmented = await InjectAsync(scope, input, cancellationToken).ConfigureAwait(false);
        var updates = new List<ChatResponseUpdate>();
        await foreach (var update in base.GetStreamingResponseAsync(augmented, options, cancellationToken).ConfigureAwait(false))
        {
            updates.Add(update);
            yield return update;
        }

        await RememberAsync(scope, input, updates.ToChatResponse().Messages, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public override object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        return serviceKey is null && serviceType.IsInstanceOfType(_memory) ? _memory : base.GetService(serviceType, serviceKey);
    }

    private MemoryScope ResolveScope(ChatOptions? options)
        => options.GetMemoryScope() ?? _scopeAccessor?.Current ?? throw new MissingMemoryScopeException();

    private async Task<List<ChatMessage>> InjectAsync(MemoryScope scope, List<ChatMessage> input, CancellationToken cancellationToken)
    {
        if (!_options.Recall)
        {
            return input;
        }

        var query = input.LastOrDefault(m => m.Role == ChatRole.User)?.Text;
        if (string.IsNullOrWhiteSpace(query))
        {
            return input;
        }

        var request = new RecallRequest
        {
            Scope = scope,
            Query = query.Length > RecallRequest.MaxQueryLength ? query[^RecallRequest.MaxQueryLength..] : query, // the latest words of a very long message
            TopK = _options.TopK,
            RecentMessages = input.TakeLast(Math.Max(0, _options.RecentMessages)).ToList(),
        };
        var context = await _memory.BuildContextAsync(request, _options.TokenBudget, cancellationToken).ConfigureAwait(false);
        if (string.IsNullOrEmpty(context.Text))
        {
            return input;
        }

        // The memory block goes after the host's own system messages, so the host's instructions come first.
        var augmented = new List<ChatMessage>(input.Count + 1);
        var index = 0;
        while (index < input.Count && input[index].Role == ChatRole.System)
        {
            augmented.Add(input[index++]);
        }

        augmented.Add(new ChatMessage(ChatRole.System, context.Text));
        augmented.AddRange(input.Skip(index));
        return augmented;
    }

    private async Task RememberAsync(MemoryScope scope, List<ChatMessage> input, IList<ChatMessage> response, CancellationToken cancellationToken)
    {
        if (!_options.Remember)
        {
            return;
        }

        // The new turn is what follows the last assistant message of the input: earlier turns were remembered by earlier calls.
        var lastAssistant = input.FindLastIndex(m => m.Role == ChatRole.Assistant);
        var exchange = input.Skip(lastAssistant + 1).Where(m => m.Role != ChatRole.System).Concat(response).ToList();
        if (exchange.Count > 0)
        {
            await _memory.RememberAsync(scope, exchange, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
    }
}
