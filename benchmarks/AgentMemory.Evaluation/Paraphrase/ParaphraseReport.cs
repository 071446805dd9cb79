using System.Globalization;
using AgentMemory.Evaluation.Harness;

namespace AgentMemory.Evaluation.Paraphrase;

/// <summary>Top-1 / top-3 / MRR per ingestion path (direct saves, conversations through the extractor) for each group of questions.</summary>
internal sealed class ParaphraseReport
{
    public const string Direct = "direct";
    public const string Remember = "remember";

    private readonly SortedDictionary<string, (RankTally Direct, RankTally Remember)> _groups = new(StringComparer.Ordinal);

    public int CrossUserHits { get; set; }

    public List<string> CrossUserExamples { get; } = [];

    public Dictionary<string, int> TargetOutcomes { get; } = new(StringComparer.Ordinal);

    /// <summary>Adds one question's outcome on one path to every group it belongs to.</summary>
    public void Add(string path, IEnumerable<string> groups, int rank, int hitCount)
    {
        foreach (var group in groups)
        {
            if (!_groups.TryGetValue(group, out var tallies))
            {
                _groups[group] = tallies = (new RankTally(), new RankTally());
            }

            (path == Direct ? tallies.Direct : tallies.Remember).Add(rank, hitCount);
        }
    }

    /// <summary>The groups of one question: its split, "all", its domain and its language.</summary>
    public static IEnumerable<string> GroupsOf(string split, ParaphraseItem item) =>
        ["1 split " + split, "2 all", "3 domain " + item.Domain, "4 lang " + item.Lang];

    public void Print(string description, bool bothSplits)
    {
        var inv = CultureInfo.InvariantCulture;
        Console.WriteLine($"Paraphrase recall ({description}); top-1 / top-3 / MRR@10 in %, 'empty' = questions that recalled nothing");
        Console.WriteLine("| questions | n | direct top-1 | direct top-3 | direct MRR | direct empty | remember top-1 | remember top-3 | remember MRR | remember empty |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|");
        foreach (var (group, (direct, remember)) in _groups)
        {
            if (group.StartsWith("2 ", StringComparison.Ordinal) && !bothSplits)
            {
                continue;
            }

            Console.WriteLine(string.Create(inv,
                $"| {group[2..]} | {direct.Questions} | {direct.Top1 * 100:0.0} | {direct.Top3 * 100:0.0} | {direct.Mrr * 100:0.0} | {direct.Empty} | {remember.Top1 * 100:0.0} | {remember.Top3 * 100:0.0} | {remember.Mrr * 100:0.0} | {remember.Empty} |"));
        }

        Console.WriteLine($"cross-user hits: {CrossUserHits}" + (CrossUserHits == 0 ? " (none: no other user's memory was returned)" : " — ISOLATION FAILURE: " + string.Join("; ", CrossUserExamples.Take(5))));
        Console.WriteLine("target facts on the direct path: " + string.Join(", ", TargetOutcomes.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Value} {p.Key}")));
    }

    public Dictionary<string, object> ToJson() => new()
    {
        ["groups"] = _groups.ToDictionary(p => p.Key[2..], p => (object)new Dictionary<string, object>
        {
            [Direct] = p.Value.Direct.ToJson(),
            [Remember] = p.Value.Remember.ToJson(),
        }),
        ["crossUserHits"] = CrossUserHits,
        ["targetOutcomes"] = TargetOutcomes,
    };
}
