namespace AgentMemory;

/// <summary>
/// Turns a recall request into ranked hits: embeds the query, gets vector and lexical candidates from the store, fuses
/// them, weights by freshness, importance and kind, removes near-duplicates and explains every score.
/// </summary>
public interface IRetriever
{
    /// <summary>Returns the best hits, best first.</summary>
    Task<IReadOnlyList<MemoryHit>> RetrieveAsync(RecallRequest request, CancellationToken cancellationToken = default);
}
