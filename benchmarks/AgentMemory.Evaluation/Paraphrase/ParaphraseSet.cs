namespace AgentMemory.Evaluation.Paraphrase;

/// <summary>The loaded paraphrase set: items with the split each came from, the shared distractors, and every problem the checks found.</summary>
internal sealed record ParaphraseSet(
    IReadOnlyList<(string Split, ParaphraseItem Item)> Items,
    IReadOnlyList<SharedDistractor> Distractors,
    IReadOnlyList<string> Violations);
