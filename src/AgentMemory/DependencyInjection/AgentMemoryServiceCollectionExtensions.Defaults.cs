using AgentMemory;
using AgentMemory.Retrieval;
using AgentMemory.Storage.InMemory;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Default store and retriever registrations of <see cref="AgentMemoryServiceCollectionExtensions"/>.</summary>
public static partial class AgentMemoryServiceCollectionExtensions
{
    private static void AddDefaultStoreAndRetriever(IServiceCollection services)
    {
        // The in-memory store is the fallback; UseInMemoryStore()/UseSqlite(…)/UsePostgreSql(…) replace it (they remove
        // earlier IMemoryStore/IFormationOutbox registrations), and a store registered before AddAgentMemory wins.
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<InMemoryStoreOptions>, InMemoryStoreOptionsValidator>());
        services.TryAddSingleton(sp => new InMemoryMemoryStore(
            sp.GetService<TimeProvider>() ?? TimeProvider.System,
            sp.GetService<IOptions<InMemoryStoreOptions>>()?.Value));
        services.TryAddSingleton<IMemoryStore>(sp => sp.GetRequiredService<InMemoryMemoryStore>());
        services.TryAddSingleton<IFormationOutbox>(sp => sp.GetRequiredService<IMemoryStore>() as IFormationOutbox
            ?? throw new InvalidOperationException($"The memory store '{sp.GetRequiredService<IMemoryStore>().Name}' has no formation outbox; register an IFormationOutbox or use FormationMode.Inline."));
        services.TryAddSingleton<IRetriever>(sp => new HybridRetriever(
            sp.GetRequiredService<IMemoryStore>(),
            sp.GetRequiredService<AgentMemoryInstrumentation>().Instrument(
                sp.GetRequiredKeyedService<IEmbeddingGenerator<string, Embedding<float>>>(AgentMemoryServiceKeys.EmbeddingGenerator),
                "embed_query"),
            sp.GetRequiredService<IOptions<AgentMemoryOptions>>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetServices<IQueryExpander>())
        {
            Telemetry = sp.GetRequiredService<AgentMemoryInstrumentation>(),
        });
    }
}
