using AgentMemory.Evaluation.Harness;

namespace AgentMemory.Evaluation.Paraphrase;

/// <summary>
/// Loads <c>benchmarks/datasets/paraphrase</c> and checks every item with the library's own analyzer: the question must
/// share no content term with the fact, nor with any turn of the conversation, not even a near form the stemmer keeps
/// apart (<see cref="TermMatch.NearShared"/>); each answer keyword must have content terms and occur in the fact and in
/// the user's turns; ids are unique; every conversation has a user turn.
/// </summary>
internal static class ParaphraseDataset
{
    public static ParaphraseSet Load(string folder, IReadOnlyList<string> splits)
    {
        var items = new List<(string, ParaphraseItem)>();
        foreach (var split in splits)
        {
            items.AddRange(Jsonl.Read<ParaphraseItem>(Path.Combine(folder, split + ".jsonl")).Select(i => (split, i)));
        }

        var distractors = Jsonl.Read<SharedDistractor>(Path.Combine(folder, "distractors.jsonl"));
        var violations = new List<string>();
        foreach (var id in items.GroupBy(p => p.Item2.Id, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key))
        {
            violations.Add($"{id}: duplicate id");
        }

        foreach (var (_, item) in items)
        {
            Check(item, violations);
        }

        return new ParaphraseSet(items, distractors, violations);
    }

    private static void Check(ParaphraseItem item, List<string> violations)
    {
        if (TermMatch.Shared(item.Fact, item.Question) is { Count: > 0 } shared)
        {
            violations.Add($"{item.Id}: question shares [{string.Join(", ", shared)}] with the fact");
        }

        if (TermMatch.NearShared(item.Fact, item.Question) is { Count: > 0 } near)
        {
            violations.Add($"{item.Id}: question nearly shares [{string.Join(", ", near)}] with the fact");
        }

        foreach (var turn in item.Conversation)
        {
            if (TermMatch.Shared(turn.Text, item.Question) is { Count: > 0 } inTurn)
            {
                violations.Add($"{item.Id}: question shares [{string.Join(", ", inTurn)}] with the {turn.Role} turn \"{turn.Text}\"");
            }

            if (TermMatch.NearShared(turn.Text, item.Question) is { Count: > 0 } nearInTurn)
            {
                violations.Add($"{item.Id}: question nearly shares [{string.Join(", ", nearInTurn)}] with the {turn.Role} turn \"{turn.Text}\"");
            }
        }

        if (!item.Conversation.Any(t => t.Role == "user"))
        {
            violations.Add($"{item.Id}: the conversation has no user turn");
        }

        if (item.Answers.Count == 0)
        {
            violations.Add($"{item.Id}: no answer keyword");
        }

        foreach (var answer in item.Answers)
        {
            if (!TermMatch.HasTerms(answer))
            {
                violations.Add($"{item.Id}: answer keyword '{answer}' has no content term");
            }
            else if (!TermMatch.Contains(item.Fact, answer))
            {
                violations.Add($"{item.Id}: answer keyword '{answer}' is not in the fact");
            }
        }

        var userText = string.Join(" ", item.Conversation.Where(t => t.Role == "user").Select(t => t.Text));
        if (!TermMatch.ContainsAny(userText, item.Answers))
        {
            violations.Add($"{item.Id}: no answer keyword in the user's turns");
        }
    }
}
