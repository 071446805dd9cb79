using AgentMemory;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Default store and retriever registrations of <see cref="AgentMemoryServiceCollectionExtensions"/>.</summary>
public static partial class AgentMemoryServiceCollectionExtensions
{
    private static void AddDefaultStore(IServiceCollection services)
    {
        // The in-memory store is the default; UseSqlite(…)/UsePostgreSql(…)/UseInMemoryStore() on the builder replace it.
        _ = services;
    }
}
