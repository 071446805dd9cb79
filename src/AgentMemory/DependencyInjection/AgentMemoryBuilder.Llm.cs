using System.Diagnostics.CodeAnalysis;
using AgentMemory.Consolidation;
using AgentMemory.DependencyInjection;
using AgentMemory.Extraction;
using AgentMemory.Models;
using AgentMemory.Reconciliation;
using AgentMemory.Retrieval;

namespace AgentMemory;

// Registers the model-backed extractor, reconciler and query expander over any <see cref="IChatClient"/>.
public sealed partial class AgentMemoryBuilder
{
    /// <summary>
    /// Replaces the offline extractor and reconciler with <see cref="LlmExtractor"/> and <see cref="LlmReconciler"/>, and
    /// adds <see cref="LlmQueryExpander"/>, all using the chat client registered under the key
    /// <see cref="AgentMemoryServiceKeys.ChatClient"/> (as <c>UseChatClient</c> and <c>UseOpenAI</c> do) or else the unkeyed
    /// <see cref="IChatClient"/>. Also registers <see cref="IModelUsageTracker"/> (per-scope token usage).
    /// </summary>
    /// <param name="configure">Configures the options (instructions, profiles, retries, expansion budget).</param>
    /// <returns>The builder.</returns>
    /// <exception cref="InvalidOperationException">At resolution: no chat client is registered.</exception>
    public AgentMemoryBuilder UseLlmExtraction(Action<LlmMemoryOptions>? configure = null)
    {
        var services = Services;
        services.AddValidatedOptions<LlmMemoryOptions, LlmMemoryOptionsAnnotationsValidator, LlmMemoryOptionsValidator>(configure);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IModelUsageTracker>(_ => new ModelUsageTracker());

        ReplaceWithModelBacked<IExtractor, LlmExtractor>(services, LlmExtractor.Operation);
        ReplaceWithModelBacked<IMemoryReconciler, LlmReconciler>(services, LlmReconciler.Operation);
        ReplaceWithModelBacked<IQueryExpander, LlmQueryExpander>(services, LlmQueryExpander.Operation);

        // Consolidation distils finished sessions with the same model, through an extractor of its own, so a host's custom
        // IExtractor registered later does not change what distillation asks.
        services.RemoveAll<SessionDistiller>();
        services.AddSingleton(sp => ActivatorUtilities.CreateInstance<SessionDistiller>(
            sp, ActivatorUtilities.CreateInstance<LlmExtractor>(sp, ResolveChatClient(sp, SessionDistiller.Operation))));
        return this;
    }

    /// <summary>
    /// Replaces every <typeparamref name="TService"/> with one <typeparamref name="TImplementation"/> built over AgentMemory's
    /// chat client for <paramref name="purpose"/>; its other dependencies (options, usage tracker, clock, store, logger) come
    /// from the container.
    /// </summary>
    private static void ReplaceWithModelBacked<TService, [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TImplementation>(
        IServiceCollection services, string purpose)
        where TService : class
        where TImplementation : TService
    {
        services.RemoveAll<TService>();
        services.AddSingleton<TService>(sp => ActivatorUtilities.CreateInstance<TImplementation>(sp, ResolveChatClient(sp, purpose)));
    }

    /// <summary>AgentMemory's chat client, measured under the GenAI conventions for <paramref name="purpose"/>.</summary>
    private static IChatClient ResolveChatClient(IServiceProvider services, string purpose)
    {
        var client = services.GetKeyedService<IChatClient>(AgentMemoryServiceKeys.ChatClient)
            ?? services.GetService<IChatClient>()
            ?? throw new InvalidOperationException("The LLM extractor needs a chat client: call UseOpenAI(…) or UseChatClient(…) on the AgentMemory builder, or register an IChatClient.");
        return services.GetService<AgentMemoryInstrumentation>() is { } telemetry ? telemetry.Instrument(client, purpose) : client;
    }
}
