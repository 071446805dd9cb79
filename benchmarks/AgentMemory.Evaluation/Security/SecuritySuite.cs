using System.Text.Json;
using AgentMemory.Security;
using Microsoft.Extensions.AI;

namespace AgentMemory.Evaluation.Security;

/// <summary>
/// Runs poisoning and PII suites (JSONL) through the library's guard chain: the same guards, in the same order, with the
/// same default configuration that remember uses. Shared by the evaluation console and the test suite.
/// </summary>
internal static class SecuritySuite
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNameCaseInsensitive = true };

    /// <summary>Reads a JSONL file (blank lines skipped).</summary>
    public static IReadOnlyList<T> ReadJsonl<T>(string path) =>
        [.. File.ReadLines(path).Where(l => !string.IsNullOrWhiteSpace(l)).Select(l => JsonSerializer.Deserialize<T>(l, Json)
            ?? throw new InvalidDataException($"Empty line in {path}."))];

    /// <summary>
    /// Feeds each turn of each item as a candidate with the item's source (the conversation so far as the context's
    /// messages, as formation would). An attack counts as blocked when every turn is blocked; a benign item is a false
    /// positive when any turn is blocked.
    /// </summary>
    /// <param name="items">The suite.</param>
    /// <param name="chain">The guard chain.</param>
    /// <param name="timingRepeats">How many times each candidate is run; its time is the fastest run (on a shared, loaded
    /// machine the fastest of a few runs is the guard's own cost, the others include time the thread was not scheduled).</param>
    /// <param name="cancellationToken">Cancels the run.</param>
    public static async Task<PoisoningReport> RunPoisoningAsync(IReadOnlyList<PoisoningItem> items, MemoryGuardChain chain, int timingRepeats = 1, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(chain);
        var scope = MemoryScope.ForUser("eval-tenant", "eval-user").WithSession("eval-session");
        int attacks = 0, blocked = 0, benign = 0, falsePositives = 0;
        var missed = new List<string>();
        var fps = new List<string>();
        var outcomes = new List<PoisoningOutcome>(items.Count);
        var times = new List<double>();
        foreach (var item in items)
        {
            var source = ParseSource(item.Source);
            var role = source switch { MemorySource.User => ChatRole.User, MemorySource.Assistant => ChatRole.Assistant, _ => ChatRole.Tool };
            var messages = item.Turns.Select(t => new ChatMessage(role, t)).ToList();
            var context = new GuardContext(scope, messages);
            var turnsBlocked = 0;
            string? reason = null;
            foreach (var turn in item.Turns)
            {
                var candidate = new MemoryCandidate
                {
                    Kind = source == MemorySource.User ? MemoryKind.Semantic : MemoryKind.Episodic,
                    Text = turn,
                    Provenance = new MemoryProvenance(source),
                };
                GuardChainResult result = null!;
                var fastest = double.MaxValue;
                for (var r = 0; r < Math.Max(1, timingRepeats); r++)
                {
                    var started = System.Diagnostics.Stopwatch.GetTimestamp();
                    result = await chain.RunAsync(candidate, context, cancellationToken).ConfigureAwait(false);
                    fastest = Math.Min(fastest, System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                }

                times.Add(fastest);
                if (result.IsBlocked && (result.Reason?.StartsWith("poisoning:", StringComparison.Ordinal) ?? false))
                {
                    turnsBlocked++;
                    reason ??= result.Reason;
                }
            }

            if (string.Equals(item.Label, "attack", StringComparison.OrdinalIgnoreCase))
            {
                attacks++;
                outcomes.Add(new PoisoningOutcome(item, turnsBlocked == item.Turns.Count));
                if (turnsBlocked == item.Turns.Count)
                {
                    blocked++;
                }
                else
                {
                    missed.Add($"{item.Id} ({item.Source}, {turnsBlocked}/{item.Turns.Count} turns blocked)");
                }
            }
            else
            {
                benign++;
                outcomes.Add(new PoisoningOutcome(item, turnsBlocked > 0));
                if (turnsBlocked > 0)
                {
                    falsePositives++;
                    fps.Add($"{item.Id} ({item.Source}, {reason})");
                }
            }
        }

        return new PoisoningReport(attacks, blocked, Rate(blocked, attacks), benign, falsePositives, Rate(falsePositives, benign))
        {
            MissedAttacks = missed,
            FalsePositiveItems = fps,
            Outcomes = outcomes,
            CandidateMilliseconds = times,
            TimingRepeats = Math.Max(1, timingRepeats),
        };
    }

    /// <summary>
    /// Runs the PII detector the guard uses over each item. An entity is found when a flagged span of the right type
    /// overlaps its value; a clean item is a false positive when anything in it is flagged.
    /// </summary>
    public static PiiReport RunPii(IReadOnlyList<PiiItem> items, PiiDetector detector)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(detector);
        var perType = new SortedDictionary<string, (int Entities, int Found, int FalsePositives)>(StringComparer.Ordinal);
        int entities = 0, found = 0, clean = 0, cleanFlagged = 0, structured = 0, structuredFound = 0;
        var misses = new List<string>();
        foreach (var item in items)
        {
            var matches = detector.Detect(item.Text);
            var labelled = new List<(string Type, int Start, int Length)>();
            foreach (var label in item.Pii)
            {
                var start = item.Text.IndexOf(label.Value, StringComparison.Ordinal);
                if (start < 0)
                {
                    throw new InvalidDataException($"{item.Id}: value '{label.Value}' is not in the text.");
                }

                labelled.Add((label.Type, start, label.Value.Length));
                var hit = matches.Any(m => TypeName(m.Type) == label.Type && m.Overlaps(start, label.Value.Length));
                var t = perType.GetValueOrDefault(label.Type);
                perType[label.Type] = (t.Entities + 1, t.Found + (hit ? 1 : 0), t.FalsePositives);
                entities++;
                found += hit ? 1 : 0;
                if (PiiReport.StructuredTypes.Contains(label.Type))
                {
                    structured++;
                    structuredFound += hit ? 1 : 0;
                }

                if (!hit)
                {
                    misses.Add($"{item.Id}: missed {label.Type} '{label.Value}'");
                }
            }

            foreach (var m in matches)
            {
                var name = TypeName(m.Type);
                if (!labelled.Any(l => l.Type == name && m.Overlaps(l.Start, l.Length)))
                {
                    var t = perType.GetValueOrDefault(name);
                    perType[name] = (t.Entities, t.Found, t.FalsePositives + 1);
                    misses.Add($"{item.Id}: false {name} '{item.Text.Substring(m.Start, m.Length)}'");
                }
            }

            if (item.Pii.Count == 0)
            {
                clean++;
                cleanFlagged += matches.Count > 0 ? 1 : 0;
            }
        }

        var byType = perType.ToDictionary(p => p.Key, p => new PiiTypeReport(p.Value.Entities, p.Value.Found, Rate(p.Value.Found, p.Value.Entities), p.Value.FalsePositives), StringComparer.Ordinal);
        return new PiiReport(entities, found, Rate(found, entities), clean, cleanFlagged, Rate(cleanFlagged, clean), byType)
        {
            StructuredRecall = Rate(structuredFound, structured),
            Misses = misses,
        };
    }

    /// <summary>The suite's name for a PII type.</summary>
    public static string TypeName(PiiType type) => type switch
    {
        PiiType.Email => "email",
        PiiType.Phone => "phone",
        PiiType.Card => "card",
        PiiType.Iban => "iban",
        PiiType.Ssn => "ssn",
        PiiType.IpAddress => "ip",
        PiiType.DateOfBirth => "dob",
        PiiType.Address => "address",
        _ => "special-category",
    };

    private static MemorySource ParseSource(string source) => source.ToLowerInvariant() switch
    {
        "user" => MemorySource.User,
        "tool" => MemorySource.Tool,
        "document" => MemorySource.Document,
        "assistant" => MemorySource.Assistant,
        "other" or "otherparty" => MemorySource.OtherParty,
        "system" => MemorySource.System,
        _ => throw new InvalidDataException($"Unknown source '{source}'."),
    };

    private static double Rate(int part, int whole) => whole == 0 ? 0 : Math.Round((double)part / whole, 4);
}
