using AgentMemory.Evaluation.Harness;

namespace AgentMemory.Evaluation.FactsOverTime;

/// <summary>
/// Loads <c>benchmarks/datasets/facts-over-time</c> and checks each item: sessions start at day 0 in increasing order;
/// a change item has at least two sessions, its current keywords are said only after the first session and its stale
/// keywords before the last; a non-change item's current keywords are said in the first session and it has no stale
/// keywords; an as-of question's expected value is said on or before its day; every keyword has content terms.
/// </summary>
internal static class FactsOverTimeDataset
{
    public static FactsOverTimeSet Load(string folder, IReadOnlyList<string> splits)
    {
        var items = new List<(string, FactsOverTimeItem)>();
        foreach (var split in splits)
        {
            items.AddRange(Jsonl.Read<FactsOverTimeItem>(Path.Combine(folder, split + ".jsonl")).Select(i => (split, i)));
        }

        var violations = new List<string>();
        foreach (var id in items.GroupBy(p => p.Item2.Id, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key))
        {
            violations.Add($"{id}: duplicate id");
        }

        foreach (var (_, item) in items)
        {
            Check(item, violations);
        }

        return new FactsOverTimeSet(items, violations);
    }

    private static void Check(FactsOverTimeItem item, List<string> violations)
    {
        void Fail(string message) => violations.Add($"{item.Id}: {message}");

        if (item.Sessions.Count == 0 || item.Sessions[0].Day != 0 || item.Sessions.Zip(item.Sessions.Skip(1)).Any(p => p.Second.Day <= p.First.Day))
        {
            Fail("sessions must start at day 0 and increase");
            return;
        }

        if (item.Questions.Count == 0)
        {
            Fail("no question");
        }

        string UserText(IEnumerable<ScriptedSession> sessions) => string.Join(" ", sessions.SelectMany(s => s.Turns).Where(t => t.Role == "user").Select(t => t.Text));
        var first = UserText(item.Sessions.Take(1));
        var later = UserText(item.Sessions.Skip(1));
        var beforeLast = UserText(item.Sessions.Take(item.Sessions.Count - 1));
        foreach (var keyword in item.Questions.SelectMany(q => q.Current.Concat(q.Stale)).Concat(item.AsOf.SelectMany(a => a.Expected.Concat(a.Unexpected))))
        {
            if (!TermMatch.HasTerms(keyword))
            {
                Fail($"keyword '{keyword}' has no content term");
            }
        }

        foreach (var q in item.Questions)
        {
            if (q.Current.Count == 0)
            {
                Fail($"'{q.Question}' has no current keyword");
            }

            if (item.IsChange)
            {
                if (item.Sessions.Count < 2)
                {
                    Fail("a change item needs two sessions");
                }

                foreach (var k in q.Current.Where(k => TermMatch.Contains(first, k) || !TermMatch.Contains(later, k)))
                {
                    Fail($"current keyword '{k}' must be said after the first session and not in it");
                }

                foreach (var k in q.Stale.Where(k => !TermMatch.Contains(beforeLast, k)))
                {
                    Fail($"stale keyword '{k}' is not said before the last session");
                }

                if (q.Stale.Count == 0)
                {
                    Fail($"'{q.Question}' has no stale keyword");
                }
            }
            else
            {
                foreach (var k in q.Current.Where(k => !TermMatch.Contains(first, k)))
                {
                    Fail($"non-change current keyword '{k}' is not said in the first session");
                }

                if (q.Stale.Count > 0)
                {
                    Fail("a non-change item has no stale keyword");
                }
            }
        }

        foreach (var a in item.AsOf)
        {
            var until = UserText(item.Sessions.Where(s => s.Day <= a.Day));
            foreach (var k in a.Expected.Where(k => !TermMatch.Contains(until, k)))
            {
                Fail($"as-of keyword '{k}' is not said by day {a.Day}");
            }
        }
    }
}
