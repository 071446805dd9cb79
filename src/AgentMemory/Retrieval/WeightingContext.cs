namespace AgentMemory.Retrieval;

/// <summary>What the multipliers of one recall need: options, now, the query's time information and its words.</summary>
internal sealed record WeightingContext(RetrievalOptions Options, DateTimeOffset Now, QueryTimeInfo Time, HashSet<string> QueryWords);
