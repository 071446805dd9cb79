using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace AgentMemory.Evaluation;

/// <summary>
/// <c>locomo --data PATH [--store inmemory|sqlite] [--embeddings onnx|hashing|none] [--fusion rrf|weighted] [--json PATH] [--details PATH]</c>: ingests each LoCoMo
/// conversation into a fresh memory (one episodic memory per turn), asks every question through the recall API and
/// reports evidence recall@1/5/10/25 and MRR per category and overall, plus recall latency p50/p95. <c>--details</c>
/// writes one JSON line per question (evidence, where each evidence turn ranked, the top hits) for failure analysis.
/// </summary>
internal static class LocomoCommand
{
    private const int Depth = 25;

    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true };
    private const int WarmupQuestions = 50;

    private static readonly Dictionary<int, string> CategoryNames = new()
    {
        [1] = "multi-hop", [2] = "temporal", [3] = "open-domain", [4] = "single-hop", [5] = "adversarial",
    };

    public static async Task<int> RunAsync(string[] args)
    {
        string? data = null, json = null, details = null, fusion = null, store = "inmemory", embeddings = "onnx";
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : null;
            switch (args[i])
            {
                case "--data": data = value; i++; break;
                case "--json": json = value; i++; break;
                case "--details": details = value; i++; break;
                case "--fusion": fusion = value; i++; break;
                case "--store": store = value; i++; break;
                case "--embeddings": embeddings = value == "local" ? "hashing" : value; i++; break;
                default:
                    Console.Error.WriteLine($"locomo: unknown option '{args[i]}'");
                    return 2;
            }
        }

        if (data is null || !File.Exists(data) || store is not ("inmemory" or "sqlite") || embeddings is not ("onnx" or "hashing" or "none") || fusion is not (null or "rrf" or "weighted"))
        {
            Console.Error.WriteLine("usage: locomo --data PATH [--store inmemory|sqlite] [--embeddings onnx|hashing|none] [--fusion rrf|weighted] [--json PATH] [--details PATH]");
            return 2;
        }

        using var detailWriter = details is null ? null : new StreamWriter(details);
        var log = new EvidenceLog();
        var conversations = LocomoDataset.Load(data, log);
        Console.Error.WriteLine(log.ToString());

        var overall = new RecallMetrics();
        var categories = new SortedDictionary<int, RecallMetrics>();
        var latencies = new List<double>();
        var retrieverLatencies = new List<double>();
        var outcomes = new Dictionary<FormationOutcomeKind, int>();
        var rejected = 0;
        var description = string.Empty;
        var warmedUp = false;
        using var cts = new CancellationTokenSource();
        var ct = cts.Token;
        foreach (var conversation in conversations)
        {
            var clock = new FixedTimeProvider { Now = conversation.Turns.Count > 0 ? conversation.Turns.Max(t => t.SessionDate) : DateTimeOffset.UnixEpoch };
            await using var target = EvaluationTargets.Create(store, embeddings, fusion switch { "rrf" => FusionMode.ReciprocalRank, "weighted" => FusionMode.WeightedScore, _ => null }, clock);
            description = target.Description;
            var scope = MemoryScope.ForUser("locomo", conversation.SampleId);
            await target.AddTurnsAsync(scope, conversation.Turns, ct).ConfigureAwait(false);
            foreach (var (kind, count) in target.Outcomes)
            {
                outcomes[kind] = outcomes.GetValueOrDefault(kind) + count;
            }

            rejected += target.Rejected;

            if (!warmedUp)
            {
                // Let the JIT tier up before anything is timed; these answers are not scored.
                for (var w = 0; w < WarmupQuestions; w++)
                {
                    var q = conversation.Questions[w % conversation.Questions.Count];
                    await target.RecallAsync(Request(scope, q.Question), ct).ConfigureAwait(false);
                }

                warmedUp = true;
            }

            foreach (var q in conversation.Questions)
            {
                var start = Stopwatch.GetTimestamp();
                var hits = await target.RecallAsync(Request(scope, q.Question), ct).ConfigureAwait(false);
                latencies.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                retrieverLatencies.Add(await target.TimeRetrieverOnlyAsync(Request(scope, q.Question), ct).ConfigureAwait(false));
                if (q.Evidence.Count == 0)
                {
                    continue;
                }

                var ranked = hits.SelectMany(DiaIds).ToList();
                overall.Add(ranked, q.Evidence);
                if (!categories.TryGetValue(q.Category, out var m))
                {
                    categories[q.Category] = m = new RecallMetrics();
                }

                m.Add(ranked, q.Evidence);
                detailWriter?.WriteLine(QuestionDetail.Json(conversation, q, ranked, hits));
            }
        }

        latencies.Sort();
        retrieverLatencies.Sort();
        var p50 = Percentile(latencies, 0.50);
        var p95 = Percentile(latencies, 0.95);
        Console.Error.WriteLine("turns: " + string.Join(", ", outcomes.Select(p => $"{p.Value} {p.Key}")) + $", {rejected} rejected");
        PrintTable(description, overall, categories, p50, p95, latencies.Count);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"retriever only (no access recording): p50 {Percentile(retrieverLatencies, 0.50):0.000} ms, p95 {Percentile(retrieverLatencies, 0.95):0.000} ms"));
        if (json is not null)
        {
            var report = new Dictionary<string, object>
            {
                ["overall"] = overall.ToJson(),
                ["categories"] = categories.ToDictionary(p => p.Key.ToString(CultureInfo.InvariantCulture), p => (object)p.Value.ToJson()),
                ["latency_ms"] = new Dictionary<string, double> { ["p50"] = Math.Round(p50, 4), ["p95"] = Math.Round(p95, 4) },
            };
            await File.WriteAllTextAsync(json, JsonSerializer.Serialize(report, JsonOptions), ct).ConfigureAwait(false);
        }

        return 0;
    }

    private static RecallRequest Request(MemoryScope scope, string question) => new() { Scope = scope, Query = question, TopK = Depth, MinScore = 0 };

    /// <summary>The dia_ids a hit stands for: its "dia_id" metadata, which may list several ids separated by commas.</summary>
    private static IEnumerable<string?> DiaIds(MemoryHit hit)
    {
        if (!hit.Record.Metadata.TryGetValue(TurnMemory.DiaIdKey, out var ids))
        {
            return [null];
        }

        return ids.Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries);
    }

    private static double Percentile(List<double> sorted, double p)
        => sorted.Count == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];

    private static void PrintTable(string description, RecallMetrics overall, SortedDictionary<int, RecallMetrics> categories, double p50, double p95, int asked)
    {
        var inv = CultureInfo.InvariantCulture;
        Console.WriteLine($"LoCoMo evidence recall ({description}), {asked} questions asked");
        Console.WriteLine("| category | questions | R@1 | R@5 | R@10 | R@25 | MRR |");
        Console.WriteLine("|---|---|---|---|---|---|---|");
        foreach (var (category, m) in categories)
        {
            Row($"{category} {CategoryNames.GetValueOrDefault(category, "?")}", m);
        }

        Row("overall", overall);
        Console.WriteLine(string.Create(inv, $"recall latency: p50 {p50:0.000} ms, p95 {p95:0.000} ms"));

        void Row(string name, RecallMetrics m) => Console.WriteLine(string.Create(inv,
            $"| {name} | {m.Questions} | {m.Recall(1) * 100:0.0} | {m.Recall(5) * 100:0.0} | {m.Recall(10) * 100:0.0} | {m.Recall(25) * 100:0.0} | {m.Mrr:0.000} |"));
    }
}
