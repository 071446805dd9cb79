namespace AgentMemory.Evaluation.FactsOverTime;

/// <summary>The loaded facts-over-time set: items with the split each came from, and every problem the checks found.</summary>
internal sealed record FactsOverTimeSet(IReadOnlyList<(string Split, FactsOverTimeItem Item)> Items, IReadOnlyList<string> Violations);
