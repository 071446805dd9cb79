namespace AgentMemory;

/// <summary>Rewrites a recall request into extra memory-search queries (e.g. resolving "like we discussed").</summary>
internal interface IQueryExpander
{
    /// <summary>Returns queries to search besides the request's own query (may be empty).</summary>
    Task<IReadOnlyList<string>> ExpandAsync(RecallRequest request, CancellationToken cancellationToken = default);
}
