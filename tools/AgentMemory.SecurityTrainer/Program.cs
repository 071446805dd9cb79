using System.Globalization;
using System.Text.Json;
using AgentMemory;
using AgentMemory.Security;
using AgentMemory.Security.Learned;
using AgentMemory.SecurityTrainer;

// Usage:
//   train --train TRAIN.jsonl --out MODEL.bin
//   loo   --train TRAIN.jsonl --eval DEV.jsonl [--threshold 0.6]   (leave-one-technique-out and leave-one-language-out)
var command = args.Length > 0 ? args[0] : "";
string Arg(string name, string? fallback = null)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback ?? throw new ArgumentException($"{name} is required.");
}

static List<TrainingItem> Read(string path) =>
    [.. File.ReadLines(path).Where(l => l.Length > 0).Select(l => JsonSerializer.Deserialize<TrainingItem>(l) ?? throw new InvalidDataException(path))];

static string Pct(int part, int whole) => whole == 0 ? "—" : ((double)part / whole).ToString("P1", CultureInfo.InvariantCulture);

switch (command)
{
    case "train":
    {
        var items = Read(Arg("--train"));
        var model = new LogisticTrainer().Fit(items);
        await using var file = File.Create(Arg("--out"));
        model.Write(file);
        Console.WriteLine($"trained on {items.Count} items ({items.Count(i => i.IsAttack)} attacks); wrote {file.Length} bytes");
        return 0;
    }

    case "loo":
    {
        var train = Read(Arg("--train"));
        var eval = Read(Arg("--eval"));
        var threshold = double.Parse(Arg("--threshold", "0.6"), CultureInfo.InvariantCulture);
        Console.WriteLine("held out            attacks  model-alone  model+rules | benign  model-alone  model+rules");
        foreach (var (axis, keys, select) in new (string, IEnumerable<string>, Func<TrainingItem, string?>)[]
        {
            ("technique", train.Where(i => i.IsAttack).Select(i => i.Technique!).Distinct().Order(), i => i.Technique),
            ("language", train.Select(i => i.Language!).Distinct().Order(), i => i.Language),
        })
        {
            foreach (var key in keys)
            {
                // Leave out a technique: its attacks. Leave out a language: every item in it.
                var fit = train.Where(i => axis == "technique" ? !(i.IsAttack && select(i) == key) : select(i) != key).ToList();
                var model = new LogisticTrainer().Fit(fit);
                var attacks = eval.Where(i => i.IsAttack && select(i) == key).ToList();
                var benign = axis == "technique" ? eval.Where(i => !i.IsAttack).ToList() : eval.Where(i => !i.IsAttack && select(i) == key).ToList();
                // Alone: the classifier's own decision (p ≥ 0.7, the detector's decision point). With the patterns: the library's detector built on this
                // held-out fit, at the guard's block threshold.
                var detector = new PoisoningDetector(model);
                int Flag(IEnumerable<TrainingItem> set, bool withRules) => set.Count(i => withRules
                    ? detector.Analyze(i.Text, i.MemorySource).Score >= threshold
                    : model.Score(i.Text, i.MemorySource) >= 0.7);
                Console.WriteLine($"{axis[..4]}:{key,-14} {attacks.Count,7}  {Pct(Flag(attacks, false), attacks.Count),11}  {Pct(Flag(attacks, true), attacks.Count),11} | {benign.Count,6}  {Pct(Flag(benign, false), benign.Count),11}  {Pct(Flag(benign, true), benign.Count),11}");
            }
        }

        return 0;
    }

    case "sweep":
    {
        // Policy exploration on a tuning set: the classifier alone at several thresholds (user items: patterns only),
        // the library's detector, and their union. An item is flagged as the guard flags it: every turn (attack) / any
        // turn (benign), each turn scored alone and with the item's other turns.
        var eval = Read(Arg("--eval"));
        var model = args.Contains("--model") ? InjectionModel.Read(File.OpenRead(Arg("--model"))) : InjectionModel.Default;
        var detector = new PoisoningDetector(model);
        var rulesOnly = new PoisoningDetector(model: null);
        double TurnMax(TrainingItem i, Func<string, double> f) => i.Turns.Count == 1 ? f(i.Turns[0]) : i.Turns.Min(t => Math.Max(f(t), f(i.Text)));
        var rows = eval.Select(i => (Item: i,
            Model: TurnMax(i, t => model.Score(t, i.MemorySource)),
            Det: TurnMax(i, t => detector.Analyze(t, i.MemorySource).Score),
            Rules: TurnMax(i, t => rulesOnly.Analyze(t, i.MemorySource).Score))).ToList();
        var attacks = rows.Where(r => r.Item.IsAttack).ToList();
        var benign = rows.Where(r => !r.Item.IsAttack).ToList();
        void Line(string name, Func<(TrainingItem Item, double Model, double Det, double Rules), bool> flag) =>
            Console.WriteLine($"{name,-34} attacks {Pct(attacks.Count(flag), attacks.Count),7}  benign {Pct(benign.Count(flag), benign.Count),6}  user-att {Pct(attacks.Count(r => r.Item.MemorySource == MemorySource.User && flag(r)), attacks.Count(r => r.Item.MemorySource == MemorySource.User)),7}");
        Line("detector >= 0.6", r => r.Det >= 0.6);
        Line("rules >= 0.6", r => r.Rules >= 0.6);
        foreach (var t in new[] { 0.5, 0.6, 0.7, 0.8, 0.9 })
        {
            Line($"model >= {t} (all sources)", r => r.Model >= t);
            Line($"model >= {t} (non-user) | rules", r => r.Rules >= 0.6 || (r.Item.MemorySource != MemorySource.User && r.Model >= t));
            Line($"model >= {t} | rules", r => r.Rules >= 0.6 || r.Model >= t);
            Line($"model >= {t} | rules & model >= .2", r => (r.Rules >= 0.6 && r.Model >= 0.2) || r.Model >= t);
            Line($"model >= {t} | rules & model >= .1", r => (r.Rules >= 0.6 && r.Model >= 0.1) || r.Model >= t);
            Line($"model >= {t} | rules >= .85", r => r.Rules >= 0.85 || r.Model >= t);
        }

        foreach (var r in rows.Where(r => !r.Item.IsAttack && r.Rules >= 0.6).Take(int.Parse(Arg("--rules-fp", "0"), CultureInfo.InvariantCulture)))
        {
            Console.WriteLine($"  RULE-FP {r.Item.Source,-9} m={r.Model:F2} r={r.Rules:F2} {r.Item.Technique}/{r.Item.Language}: {r.Item.Text.Replace('\n', ' ')[..Math.Min(140, r.Item.Text.Length)]}");
        }

        if (args.Contains("--by"))
        {
            var t = double.Parse(Arg("--by"), CultureInfo.InvariantCulture);
            bool Flag((TrainingItem Item, double Model, double Det, double Rules) r) => r.Det >= 0.6 || (r.Item.MemorySource != MemorySource.User && r.Model >= t);
            foreach (var g in rows.GroupBy(r => r.Item.Technique + (r.Item.IsAttack ? "" : " (benign)")).OrderBy(g => g.Key))
            {
                Console.WriteLine($"  {g.Key,-30} {g.Count(),5} {Pct(g.Count(Flag), g.Count()),7}");
            }

            foreach (var g in rows.GroupBy(r => r.Item.Language + (r.Item.IsAttack ? " attack" : " benign")).OrderBy(g => g.Key))
            {
                Console.WriteLine($"  {g.Key,-30} {g.Count(),5} {Pct(g.Count(Flag), g.Count()),7}");
            }

            foreach (var r in rows.Where(r => Flag(r) != r.Item.IsAttack).Take(int.Parse(Arg("--show", "0"), CultureInfo.InvariantCulture)))
            {
                Console.WriteLine($"  {(r.Item.IsAttack ? "MISS" : "FP  ")} {r.Item.Source,-9} m={r.Model:F2} d={r.Det:F2} {r.Item.Technique}/{r.Item.Language}: {r.Item.Text.Replace('\n', ' ')[..Math.Min(160, r.Item.Text.Length)]}");
            }
        }

        return 0;
    }

    case "score":
    {
        var source = Enum.Parse<MemorySource>(Arg("--source", "Tool"), ignoreCase: true);
        var text = Arg("--text");
        var analysis = new PoisoningDetector().Analyze(text, source);
        Console.WriteLine($"model {InjectionModel.Default.Score(text, source):F3}; detector {analysis.Score:F3} {string.Join(", ", analysis.Signals.Select(p => $"{p.Key}={p.Value:F2}"))}");
        return 0;
    }

    case "profile":
    {
        // Where the guards' time goes (diagnostics only; the published figure is the evaluation harness's p95).
        var items = Read(Arg("--eval"));
        var texts = items.Select(i => (i.Text, i.MemorySource)).ToList();
        var rules = new PoisoningDetector(model: null);
        var model = InjectionModel.Default;
        var pii = new PiiDetector();
        foreach (var (name, act) in new (string, Action<string, MemorySource>)[]
        {
            ("rules", (t, s) => rules.Analyze(t, s)), ("model", (t, s) => model.Score(t, s)), ("pii", (t, _) => pii.Detect(t)),
        })
        {
            foreach (var (t, s) in texts.Take(300))
            {
                act(t, s);
            }

            var ms = new List<double>();
            var slow = new List<(double, string)>();
            for (var k = 0; k < texts.Count; k++)
            {
                var (t, s) = texts[k];
                var start = System.Diagnostics.Stopwatch.GetTimestamp();
                act(t, s);
                var e = System.Diagnostics.Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                ms.Add(e);
                slow.Add((e, items[k].Id + " " + t.Length));
            }

            Console.WriteLine(string.Join(", ", slow.OrderByDescending(x => x.Item1).Take(8).Select(x => $"{x.Item2}:{x.Item1:F1}")));
            ms.Sort();
            Console.WriteLine($"{name,-6} p50 {ms[ms.Count / 2]:F3} ms  p95 {ms[(int)(ms.Count * 0.95)]:F3} ms  max {ms[^1]:F3} ms");
        }

        return 0;
    }

    default:
        Console.Error.WriteLine("Usage: train --train TRAIN.jsonl --out MODEL.bin | loo --train TRAIN.jsonl --eval DEV.jsonl [--threshold 0.6]");
        return 2;
}
