using Microsoft.Extensions.DependencyInjection;

namespace AgentMemory;

/// <summary>
/// Returned by <c>AddAgentMemory</c>: the place where a store and models are chosen
/// (<c>.UseInMemoryStore()</c>, <c>.UseSqlite(…)</c>, <c>.UseOpenAI(…)</c>, <c>.UseChatClient(…)</c>, …).
/// Each backend package adds its own <c>Use*</c> extension method to this type.
/// </summary>
public sealed class AgentMemoryBuilder
{
    /// <summary>Creates a builder over <paramref name="services"/>.</summary>
    public AgentMemoryBuilder(IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        Services = services;
    }

    /// <summary>The service collection being configured.</summary>
    public IServiceCollection Services { get; }
}
