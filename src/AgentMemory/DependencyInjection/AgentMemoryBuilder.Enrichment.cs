using AgentMemory.Enrichment;

namespace AgentMemory;

// Formation enrichment: steps that add to a guarded candidate, never block it and write no audit entry.
public sealed partial class AgentMemoryBuilder
{
    /// <summary>
    /// Resolves relative dates ("yesterday", "last week") in episodic memories against their event time at formation:
    /// an enrichment step that runs after the guards, before embedding, and writes no audit entry. <c>AddAgentMemory</c>
    /// calls it, so it is on by default; calling it again changes nothing.
    /// </summary>
    /// <returns>The builder.</returns>
    public AgentMemoryBuilder AddRelativeDateResolution()
    {
        Services.TryAddSingleton<RelativeDateResolver>();
        Services.TryAddEnumerable(ServiceDescriptor.Singleton<IMemoryEnricher, RelativeDateEnricher>(sp => new RelativeDateEnricher(sp.GetRequiredService<RelativeDateResolver>())));
        return this;
    }
}
