using System.Globalization;
using System.Text.Json;
using AgentMemory.Evaluation.Security;
using AgentMemory.Security;
using Microsoft.Extensions.DependencyInjection;

namespace AgentMemory.Evaluation;

/// <summary>
/// <c>security [--dataset DIR] [--split dev,frozen] [--core-only] [--details] [--json PATH] [--timing-repeats N]</c> or
/// <c>security --poisoning FILE.jsonl --pii FILE.jsonl</c>: runs the suites through the guard chain of the README's
/// recommended setup (<c>UseDefaultGuards()</c> and <c>UseLocalEmbeddings()</c>, default options, no chat model; with
/// <c>--core-only</c>, the core alone) and prints the rates overall and per technique, language, obfuscation, source and
/// PII type, each split separately, with the guards' per-candidate time (p50/p95, after a warm-up pass).
/// Splits of a dataset directory: <c>train</c> (train-poisoning.jsonl: the learned detector's training corpus),
/// <c>dev</c> (dev-*.jsonl: tuned on) and <c>frozen</c> (frozen/frozen-*.jsonl: never looked at while tuning).
/// </summary>
public static class SecurityCommand
{
    private const string Usage = "Usage: security [--dataset DIR] [--split dev,frozen] [--core-only] [--details] [--json PATH] [--timing-repeats N] | security --poisoning FILE.jsonl --pii FILE.jsonl [--core-only] [--details]";
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>Runs the command; returns the process exit code.</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        string? poisoningPath = null, piiPath = null, jsonPath = null;
        var dataset = Path.Combine("benchmarks", "datasets", "security");
        var splits = new[] { "dev", "frozen" };
        bool coreOnly = false, details = false;
        var timingRepeats = 1;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--poisoning" when i + 1 < args.Length: poisoningPath = args[++i]; break;
                case "--pii" when i + 1 < args.Length: piiPath = args[++i]; break;
                case "--json" when i + 1 < args.Length: jsonPath = args[++i]; break;
                case "--dataset" when i + 1 < args.Length: dataset = args[++i]; break;
                case "--split" when i + 1 < args.Length: splits = args[++i].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries); break;
                case "--core-only": coreOnly = true; break;
                case "--timing-repeats" when i + 1 < args.Length: timingRepeats = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--details": details = true; break;
                case "security": break;
                default:
                    Console.Error.WriteLine($"Unknown argument '{args[i]}'. {Usage}");
                    return 2;
            }
        }

        var sets = new List<(string Name, string? Poisoning, string? Pii)>();
        if (poisoningPath is not null || piiPath is not null)
        {
            sets.Add(("custom", poisoningPath, piiPath));
        }
        else
        {
            foreach (var split in splits)
            {
                var set = split switch
                {
                    "train" => ("train", Path.Combine(dataset, "train-poisoning.jsonl"), (string?)null),
                    "dev" => ("dev", Path.Combine(dataset, "dev-poisoning.jsonl"), Path.Combine(dataset, "dev-pii.jsonl")),
                    "frozen" => ("frozen", Path.Combine(dataset, "frozen", "frozen-poisoning.jsonl"), Path.Combine(dataset, "frozen", "frozen-pii.jsonl")),
                    _ => default,
                };
                if (set.Item1 is null)
                {
                    Console.Error.WriteLine($"Unknown split '{split}' (expected train, dev or frozen). {Usage}");
                    return 2;
                }

                sets.Add(set);
            }
        }

        foreach (var path in sets.SelectMany(s => new[] { s.Poisoning, s.Pii }).OfType<string>())
        {
            if (!File.Exists(path))
            {
                Console.Error.WriteLine($"Missing {path} (generate it with benchmarks/datasets/security/generate.py). {Usage}");
                return 2;
            }
        }

        var services = new ServiceCollection();
        var builder = new AgentMemoryBuilder(services).UseDefaultGuards();
        if (!coreOnly)
        {
            builder.UseLocalEmbeddings();
        }

        await using var provider = services.BuildServiceProvider();
        var chain = provider.GetRequiredService<MemoryGuardChain>();
        var piiDetector = provider.GetRequiredService<PiiDetector>();
        Console.WriteLine(coreOnly ? "setup: core alone (UseDefaultGuards)" : "setup: recommended (UseDefaultGuards + UseLocalEmbeddings)");
        var reports = new Dictionary<string, SecuritySuiteReport>(StringComparer.Ordinal);
        foreach (var (name, poisoningFile, piiFile) in sets)
        {
            Console.WriteLine();
            Console.WriteLine($"=== {name} ===");
            PoisoningReport? poisoning = null;
            if (poisoningFile is not null)
            {
                var items = SecuritySuite.ReadJsonl<PoisoningItem>(poisoningFile);
                await SecuritySuite.RunPoisoningAsync(items.Take(200).ToList(), chain).ConfigureAwait(false); // warm-up (JIT tiering)
                poisoning = await SecuritySuite.RunPoisoningAsync(items, chain, timingRepeats).ConfigureAwait(false);
                PrintPoisoning(poisoning, details);
            }

            PiiReport? pii = null;
            if (piiFile is not null)
            {
                var items = SecuritySuite.ReadJsonl<PiiItem>(piiFile);
                pii = SecuritySuite.RunPii(items, piiDetector);
                PrintPii(items, pii, piiDetector, details);
            }

            if (poisoning is not null && pii is not null)
            {
                reports[name] = new SecuritySuiteReport(poisoning, pii);
            }
        }

        if (jsonPath is not null)
        {
            await File.WriteAllTextAsync(jsonPath, JsonSerializer.Serialize(reports, Indented)).ConfigureAwait(false);
        }

        return 0;
    }

    private static void PrintPoisoning(PoisoningReport r, bool details)
    {
        Console.WriteLine(Format($"Poisoning: {r.Blocked}/{r.Attacks} attacks blocked ({r.BlockRate:P1}); {r.FalsePositives}/{r.Benign} benign blocked ({r.FalsePositiveRate:P1})"));
        var ms = r.CandidateMilliseconds.Order().ToArray();
        if (ms.Length > 0)
        {
            Console.WriteLine(Format($"Guard chain per candidate{(r.TimingRepeats > 1 ? $" (fastest of {r.TimingRepeats} runs)" : "")}: {Spread(ms)} ({ms.Length} candidates)"));
        }

        foreach (var (axis, key) in new (string, Func<PoisoningItem, string?>)[]
        {
            ("technique", i => i.Technique), ("language", i => i.Language), ("obfuscation", i => i.Obfuscation), ("source", i => i.Source),
        })
        {
            var groups = r.Outcomes.GroupBy(o => key(o.Item) ?? "-").OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
            if (groups.Count <= 1)
            {
                continue;
            }

            Console.WriteLine($"  {axis,-22}{"attacks",8}{"blocked",9}{"benign",8}{"blocked",9}");
            foreach (var g in groups)
            {
                var attacks = g.Where(o => IsAttack(o.Item)).ToList();
                var benign = g.Where(o => !IsAttack(o.Item)).ToList();
                Console.WriteLine(Format($"  {g.Key,-22}{attacks.Count,8}{Rate(attacks.Count(o => o.Blocked), attacks.Count),9}{benign.Count,8}{Rate(benign.Count(o => o.Blocked), benign.Count),9}"));
            }
        }

        if (details)
        {
            r.MissedAttacks.ToList().ForEach(m => Console.WriteLine("missed attack: " + m));
            r.FalsePositiveItems.ToList().ForEach(m => Console.WriteLine("benign blocked: " + m));
        }
    }

    private static void PrintPii(IReadOnlyList<PiiItem> items, PiiReport pii, PiiDetector detector, bool details)
    {
        Console.WriteLine(Format($"PII: {pii.Found}/{pii.Entities} entities found ({pii.Recall:P1}); {pii.FalsePositiveItems}/{pii.CleanItems} clean items flagged ({pii.FalsePositiveRate:P1})"));
        Console.WriteLine($"  {"type",-10}{"entities",10}{"found",8}{"recall",9}{"false+",8}");
        foreach (var (type, t) in pii.ByType)
        {
            Console.WriteLine(Format($"  {type,-10}{t.Entities,10}{t.Found,8}{t.Recall,9:P1}{t.FalsePositives,8}"));
        }

        var ms = MeasureDetect(items, detector);
        Console.WriteLine(Format($"PII detector per item (after a warm-up pass): {Spread(ms)} ({ms.Length} items)"));
        var languages = items.GroupBy(i => i.Language ?? "-").OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
        if (languages.Count > 1)
        {
            Console.WriteLine($"  {"language",-10}{"entities",10}{"recall",9}{"clean",8}{"flagged",9}");
            foreach (var g in languages)
            {
                var r = SecuritySuite.RunPii(g.ToList(), detector);
                Console.WriteLine(Format($"  {g.Key,-10}{r.Entities,10}{Rate(r.Found, r.Entities),9}{r.CleanItems,8}{Rate(r.FalsePositiveItems, r.CleanItems),9}"));
            }
        }

        if (details)
        {
            pii.Misses.ToList().ForEach(m => Console.WriteLine("pii: " + m));
        }
    }

    private static double[] MeasureDetect(IReadOnlyList<PiiItem> items, PiiDetector detector)
    {
        foreach (var item in items)
        {
            detector.Detect(item.Text);
        }

        var ms = new double[items.Count];
        for (var i = 0; i < items.Count; i++)
        {
            var start = System.Diagnostics.Stopwatch.GetTimestamp();
            detector.Detect(items[i].Text);
            ms[i] = System.Diagnostics.Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }

        Array.Sort(ms);
        return ms;
    }

    /// <summary>p50, p95 and max of sorted per-item times in ms.</summary>
    private static string Spread(double[] sorted) => Format($"p50 {sorted[sorted.Length / 2]:F3} ms, p95 {sorted[(int)(sorted.Length * 0.95)]:F3} ms, max {sorted[^1]:F3} ms");

    private static bool IsAttack(PoisoningItem item) => string.Equals(item.Label, "attack", StringComparison.OrdinalIgnoreCase);

    private static string Rate(int part, int whole) => whole == 0 ? "-" : ((double)part / whole).ToString("P1", CultureInfo.InvariantCulture);

    private static string Format(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
