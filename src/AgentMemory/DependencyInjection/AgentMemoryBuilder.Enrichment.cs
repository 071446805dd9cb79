using AgentMemory;
using AgentMemory.Retrieval;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers retrieval-related formation hooks.</summary>
public static class RetrievalAgentMemoryBuilderExtensions
{
    /// <summary>
    /// Resolves relative dates ("yesterday", "last week") in episodic memories against their event time at formation
    /// (<see cref="RelativeDateGuard"/>, added after the guards registered before it), and registers
    /// <see cref="RelativeDateResolver"/> for extractors that want to call it themselves.
    /// </summary>
    /// <param name="builder">The AgentMemory builder.</param>
    /// <returns>The builder.</returns>
    public static AgentMemoryBuilder AddRelativeDateResolution(this AgentMemoryBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddSingleton<RelativeDateResolver>();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<AgentMemory.IMemoryGuard, RelativeDateGuard>(sp => new RelativeDateGuard(sp.GetRequiredService<RelativeDateResolver>())));
        return builder;
    }
}
