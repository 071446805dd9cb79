using AgentMemory;
using AgentMemory.Consolidation;
using AgentMemory.Context;
using AgentMemory.DependencyInjection;
using AgentMemory.Embeddings;
using AgentMemory.Extraction;
using AgentMemory.Formation;
using AgentMemory.Pipeline;
using AgentMemory.Reconciliation;
using AgentMemory.Retrieval;
using AgentMemory.Security;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers AgentMemory in an <see cref="IServiceCollection"/>.</summary>
public static partial class AgentMemoryServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="IAgentMemory"/> with offline defaults: the local hashing embedding generator (unless the host
    /// registered an unkeyed one, or a <c>Use*</c> method chose one: see <see cref="AgentMemoryServiceKeys.EmbeddingGenerator"/>), the offline extractor, the
    /// similarity reconciler, the in-memory store (unless a store is chosen on the returned builder), the formation
    /// queue with its hosted worker and manual pump (<see cref="IFormationPump"/>), and validated options.
    /// </summary>
    /// <remarks>
    /// Every default is registered with <c>TryAdd*</c>, so a host replaces any of them by registering its own first;
    /// the builder's <c>Use*</c> methods replace them afterwards. Composition order of formation: extractor → guards
    /// (every <see cref="IMemoryGuard"/> in registration order; a rewrite feeds the next guard, a block stops) →
    /// embedding generator → reconciler (given the target scope's nearest memories) → store → memory budget.
    /// </remarks>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Configures the options (after any configuration binding).</param>
    /// <returns>A builder to choose the store and the models.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> is null.</exception>
    public static AgentMemoryBuilder AddAgentMemory(this IServiceCollection services, Action<AgentMemoryOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddValidatedOptions<AgentMemoryOptions, AgentMemoryOptionsAnnotationsValidator, AgentMemoryOptionsValidator>(configure);

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => new AgentMemoryInstrumentation(sp.GetService<System.Diagnostics.Metrics.IMeterFactory>(), sp.GetService<TimeProvider>()));
        services.TryAddSingleton<ITokenCounter, EstimatingTokenCounter>();

        // AgentMemory's embedding generator is keyed, so it never replaces nor is replaced by the host's own: the Use*
        // methods set it; without them it is the host's unkeyed generator when one is registered, else the hashing one.
        services.TryAddKeyedSingleton<IEmbeddingGenerator<string, Embedding<float>>>(
            AgentMemoryServiceKeys.EmbeddingGenerator,
            static (sp, _) => sp.GetService<IEmbeddingGenerator<string, Embedding<float>>>() is { } host
                ? new BorrowedEmbeddingGenerator(host)
                : new LocalEmbeddingGenerator());
        services.TryAddSingleton<IExtractor, OfflineExtractor>();
        services.TryAddSingleton<IMemoryReconciler, SimilarityReconciler>();
        AddDefaultStoreAndRetriever(services);
        services.TryAddSingleton<EmbeddingService>();
        services.TryAddSingleton<MemoryContextRenderer>();
        // The one guard chain: formation, re-processing, the CLI's import and the security harness all run it.
        services.TryAddSingleton(sp => new MemoryGuardChain(sp.GetServices<IMemoryGuard>(), sp.GetService<AgentMemoryInstrumentation>()));
        services.TryAddSingleton<FormationPipeline>();
        services.TryAddSingleton<FormationSignals>();
        services.TryAddSingleton<IMemoryConsolidator, MemoryConsolidator>();
        services.TryAddSingleton<FormationPump>();
        services.TryAddSingleton<IFormationPump>(sp => sp.GetRequiredService<FormationPump>());
        services.TryAddSingleton<FormationQueue>();
        services.TryAddSingleton<IAgentMemory, AgentMemoryService>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, FormationWorker>());

        // Offline query expansion: "like we discussed" / "that" resolved from the recent conversation (UseLlmExtraction replaces it).
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IQueryExpander, ConversationQueryExpander>(_ => new ConversationQueryExpander()));

        // Safe by default: the poisoning and PII guards run on every candidate (configure them with UseSecurity); then an
        // enrichment step resolves relative dates in memories ("yesterday") against the conversation's own date.
        return new AgentMemoryBuilder(services).UseDefaultGuards().AddRelativeDateResolution();
    }

    /// <summary>
    /// Adds <see cref="IAgentMemory"/> as <see cref="AddAgentMemory(IServiceCollection, Action{AgentMemoryOptions}?)"/>
    /// does, with <see cref="AgentMemoryOptions"/> bound from <paramref name="configuration"/>, conventionally the section
    /// <see cref="AgentMemoryOptions.SectionName"/>: <c>AddAgentMemory(builder.Configuration.GetSection("AgentMemory"))</c>.
    /// Keys are the option names (<c>MaxTextLength</c>, <c>Retrieval:TopK</c>, <c>Formation:Mode</c>,
    /// <c>Retrieval:KindWeights:Episodic</c>, …); binding is re-read when the configuration reloads, and the bound
    /// values are validated at start like any others.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The configuration section holding the options.</param>
    /// <param name="configure">Configures the options further, after binding.</param>
    /// <returns>A builder to choose the store and the models.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> or <paramref name="configuration"/> is null.</exception>
    public static AgentMemoryBuilder AddAgentMemory(this IServiceCollection services, IConfiguration configuration, Action<AgentMemoryOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<AgentMemoryOptions>().Bind(configuration);
        return services.AddAgentMemory(configure);
    }
}
