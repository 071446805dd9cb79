using Microsoft.Agents.AI;
using Microsoft.Extensions.AI;

namespace AgentMemory.AgentFramework;

/// <summary>
/// An Agent Framework context provider: before the agent runs it recalls the memories of the session's user and
/// injects them as additional instructions (fenced as data, token-budgeted — instructions are transient, so recalled
/// memories are not replayed into chat history); after the run it queues the exchange for memory formation.
/// Memories are keyed by the user's scope and, per session, a session id kept in the session's state bag.
/// </summary>
public sealed class AgentMemoryContextProvider : AIContextProvider
{
    private readonly IAgentMemory _memory;
    private readonly Func<AgentSession?, MemoryScope> _scopeResolver;
    private readonly AgentMemoryProviderOptions _options;
    private readonly ProviderSessionState<MemorySessionState> _state;

    /// <summary>Creates a provider for one user's memories.</summary>
    public AgentMemoryContextProvider(IAgentMemory memory, MemoryScope userScope, AgentMemoryProviderOptions? options = null)
        : this(memory, userScope is null ? throw new ArgumentNullException(nameof(userScope)) : _ => userScope, options)
    {
    }

    /// <summary>Creates a provider whose scope is decided per session (e.g. from the session's user).</summary>
    /// <param name="memory">The memory.</param>
    /// <param name="scopeResolver">Returns the user's scope for a session; it must not return null.</param>
    /// <param name="options">Options.</param>
    public AgentMemoryContextProvider(IAgentMemory memory, Func<AgentSession?, MemoryScope> scopeResolver, AgentMemoryProviderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(memory);
        ArgumentNullException.ThrowIfNull(scopeResolver);
        _memory = memory;
        _scopeResolver = scopeResolver;
        _options = options ?? new AgentMemoryProviderOptions();
        _state = new ProviderSessionState<MemorySessionState>(_ => new MemorySessionState(), nameof(AgentMemoryContextProvider), null);
    }

    /// <summary>The scope the provider uses for a session.</summary>
    public MemoryScope GetScope(AgentSession? session)
    {
        var scope = _scopeResolver(session) ?? throw new InvalidOperationException("The scope resolver returned no memory scope.");
        if (!_options.ScopeBySession || session is null || scope.SessionId is not null)
        {
            return scope;
        }

        var state = _state.GetOrInitializeState(session);
        _state.SaveState(session, state);
        return scope.WithSession(state.SessionId);
    }

    /// <inheritdoc />
    protected override async ValueTask<AIContext> ProvideAIContextAsync(InvokingContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var messages = context.AIContext.Messages?.ToList() ?? [];
        var query = messages.LastOrDefault(m => m.Role == ChatRole.User)?.Text;
        if (string.IsNullOrWhiteSpace(query))
        {
            return new AIContext();
        }

        var request = new RecallRequest
        {
            Scope = GetScope(context.Session),
            Query = query.Length > RecallRequest.MaxQueryLength ? query[^RecallRequest.MaxQueryLength..] : query, // the latest words of a very long message
            TopK = _options.TopK,
            RecentMessages = messages.TakeLast(6).ToList(),
        };
        var memoryContext = await _memory.BuildContextAsync(request, _options.TokenBudget, cancellationToken).ConfigureAwait(false);
        return string.IsNullOrEmpty(memoryContext.Text) ? new AIContext() : new AIContext { Instructions = memoryContext.Text };
    }

    /// <inheritdoc />
    protected override async ValueTask StoreAIContextAsync(InvokedContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!_options.Remember || context.InvokeException is not null)
        {
            return;
        }

        var exchange = context.RequestMessages.Where(m => m.Role != ChatRole.System)
            .Concat(context.ResponseMessages ?? [])
            .ToList();
        if (exchange.Count > 0)
        {
            await _memory.RememberAsync(GetScope(context.Session), exchange, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
    }
}
