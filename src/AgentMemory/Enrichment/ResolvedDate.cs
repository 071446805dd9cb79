using AgentMemory.Retrieval;

namespace AgentMemory.Enrichment;

/// <summary>A relative time expression found in a text and the absolute window it means.</summary>
/// <param name="Index">Where the expression starts in the text.</param>
/// <param name="Length">The expression's length.</param>
/// <param name="Window">The absolute window (a day for "yesterday", a week for "last week", …).</param>
internal readonly record struct ResolvedDate(int Index, int Length, TimeWindow Window);
