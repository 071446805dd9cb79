using System.Globalization;
using System.Text.Json;
using AgentMemory.Evaluation.Harness;

namespace AgentMemory.Evaluation.FactsOverTime;

/// <summary>
/// <c>facts-over-time [--split dev|frozen|all] [--store sqlite|inmemory] [--embeddings onnx|hashing] [--data DIR] [--json PATH] [--details PATH] [--check]</c>:
/// every item gets a fresh user in one shared store. Each session goes through <see cref="IAgentMemory.RememberAsync"/>
/// (with <see cref="RememberOptions.ConversationTime"/> and the clock at the session's day, the first on
/// <see cref="Start"/>) and <see cref="IAgentMemory.FlushAsync"/>. After every item is in, each question is asked through
/// <see cref="IAgentMemory.RecallAsync"/> (top 3) on day <see cref="AskedOnDay"/>. Reported: the current value ranked
/// first; for change items a stale value in the top 3 (any kind, and semantic only) and a stale semantic memory still
/// listed; for non-change items whether the original semantic fact, once formed, was superseded; as-of questions (not
/// supported while <see cref="RecallRequest"/> has no as-of moment, see <see cref="AsOfRecall"/>).
/// </summary>
internal static class FactsOverTimeCommand
{
    private const string Usage = "usage: facts-over-time [--split dev|frozen|all] [--store sqlite|inmemory] [--embeddings onnx|hashing] [--data DIR] [--json PATH] [--details PATH] [--check]";
    private const string Tenant = "facts-over-time-eval";
    private const int Depth = 3;
    private const int AskedOnDay = 61;

    private static readonly DateTimeOffset Start = new(2026, 1, 12, 18, 0, 0, TimeSpan.Zero);
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static async Task<int> RunAsync(string[] args)
    {
        if (HarnessArguments.Parse("facts-over-time", Usage, args) is not { } parsed)
        {
            return 2;
        }

        var (options, split, store, embeddings, folder) = parsed;
        var set = FactsOverTimeDataset.Load(folder, DatasetSplit.Parts(split));
        foreach (var violation in set.Violations)
        {
            Console.Error.WriteLine("dataset: " + violation);
        }

        Console.Error.WriteLine($"facts-over-time set ({split}): {set.Items.Count} items, {set.Violations.Count} check violations");
        if (set.Violations.Count > 0 || options.ContainsKey("--check"))
        {
            return set.Violations.Count > 0 ? 3 : 0;
        }

        if (!EmbeddingChoice.TryResolve(embeddings, out var configureEmbeddings, out var embeddingError))
        {
            Console.Error.WriteLine("facts-over-time: " + embeddingError);
            return 2;
        }

        var tallies = new SortedDictionary<string, FactsOverTimeTally>(StringComparer.Ordinal);
        var crossUserHits = 0;
        var clock = new FixedTimeProvider { Now = Start };
        await using (var harness = new HarnessMemory(store, configureEmbeddings, clock, "facts-over-time"))
        {
            var memory = harness.Memory;
            var listed = new Dictionary<string, (bool Formed, bool Kept, bool StaleListed)>(StringComparer.Ordinal);
            foreach (var (_, item) in set.Items)
            {
                listed[item.Id] = await IngestAsync(memory, item, clock).ConfigureAwait(false);
            }

            clock.Now = Start.AddDays(AskedOnDay);
            using var details = options.TryGetValue("--details", out var detailsPath) ? new StreamWriter(detailsPath) : null;
            foreach (var (itemSplit, item) in set.Items)
            {
                var groups = new[] { "1 split " + itemSplit, "2 all", "3 domain " + item.Domain, "4 kind " + item.Kind };
                var tallyRows = groups.Select(g => tallies.TryGetValue(g, out var t) ? t : tallies[g] = new FactsOverTimeTally()).ToList();
                var (formed, kept, staleListed) = listed[item.Id];
                var scope = UserScope(item);
                foreach (var t in tallyRows)
                {
                    if (item.IsChange)
                    {
                        t.ChangeItems++;
                        t.StaleSemanticListed += staleListed ? 1 : 0;
                    }
                    else
                    {
                        t.NonChangeItems++;
                        t.NonChangeFormed += formed ? 1 : 0;
                        t.NonChangeSuperseded += formed && !kept ? 1 : 0;
                    }
                }

                foreach (var q in item.Questions)
                {
                    var request = new RecallRequest { Scope = scope.WithSession("question"), Query = q.Question, TopK = Depth };
                    var hits = await memory.RecallAsync(request).ConfigureAwait(false);
                    crossUserHits += hits.Count(h => !string.Equals(h.Record.Scope.UserId, scope.UserId, StringComparison.Ordinal));
                    var currentFirst = hits.Count > 0 && TermMatch.ContainsAny(hits[0].Record.Text, q.Current);
                    var stale = hits.Where(h => TermMatch.ContainsAny(h.Record.Text, q.Stale) && !TermMatch.ContainsAny(h.Record.Text, q.Current)).ToList();
                    foreach (var t in tallyRows)
                    {
                        t.Questions++;
                        t.CurrentFirst += currentFirst ? 1 : 0;
                        if (item.IsChange)
                        {
                            t.ChangeQuestions++;
                            t.StaleInTop3 += stale.Count > 0 ? 1 : 0;
                            t.StaleSemanticInTop3 += stale.Any(h => h.Record.Kind != MemoryKind.Episodic) ? 1 : 0;
                        }
                    }

                    details?.WriteLine(JsonSerializer.Serialize(new
                    {
                        id = item.Id, split = itemSplit, item.Kind, q.Question, currentFirst, staleInTop3 = stale.Count > 0,
                        top = hits.Select(h => new { text = h.Record.Text, kind = h.Record.Kind.ToString(), score = Math.Round(h.Score, 4) }),
                    }));
                }

                foreach (var a in item.AsOf)
                {
                    var request = AsOfRecall.At(new RecallRequest { Scope = scope.WithSession("question"), Query = a.Question, TopK = Depth }, Start.AddDays(a.Day));
                    var hits = request is null ? null : await memory.RecallAsync(request).ConfigureAwait(false);
                    foreach (var t in tallyRows)
                    {
                        t.AsOfQuestions++;
                        t.AsOfUnsupported += hits is null ? 1 : 0;
                        t.AsOfExpectedFirst += hits is { Count: > 0 } && TermMatch.ContainsAny(hits[0].Record.Text, a.Expected) ? 1 : 0;
                    }
                }
            }
        }

        Print($"split {split}, store {store}, embeddings {embeddings}, {set.Items.Count} items", tallies, split == DatasetSplit.All, crossUserHits);
        if (options.TryGetValue("--json", out var jsonPath))
        {
            var json = new Dictionary<string, object>
            {
                ["split"] = split, ["store"] = store, ["embeddings"] = embeddings, ["items"] = set.Items.Count, ["crossUserHits"] = crossUserHits,
                ["groups"] = tallies.ToDictionary(p => p.Key[2..], p => (object)p.Value.ToJson()),
            };
            await File.WriteAllTextAsync(jsonPath, JsonSerializer.Serialize(json, Indented)).ConfigureAwait(false);
        }

        return crossUserHits == 0 ? 0 : 1;
    }

    private static MemoryScope UserScope(FactsOverTimeItem item) => MemoryScope.ForUser(Tenant, item.Id);

    /// <summary>
    /// Remembers the item's sessions in order, each drained before the next. Returns, from the user's non-episodic
    /// memories, whether the first session formed one holding the (non-change) original value, whether one still holds it
    /// after the last session, and (change items) whether one holding only a stale value is still listed.
    /// </summary>
    private static async Task<(bool Formed, bool Kept, bool StaleListed)> IngestAsync(IAgentMemory memory, FactsOverTimeItem item, FixedTimeProvider clock)
    {
        var scope = UserScope(item);
        var current = item.Questions.SelectMany(q => q.Current).ToList();
        var stale = item.Questions.SelectMany(q => q.Stale).ToList();
        var formed = false;
        for (var i = 0; i < item.Sessions.Count; i++)
        {
            var session = item.Sessions[i];
            clock.Now = Start.AddDays(session.Day);
            await memory.RememberAsync(
                scope.WithSession("session-" + (i + 1).ToString(CultureInfo.InvariantCulture)),
                session.Turns.Select(t => t.ToMessage()),
                new RememberOptions { ConversationTime = clock.Now }).ConfigureAwait(false);
            await memory.FlushAsync().ConfigureAwait(false);
            if (i == 0)
            {
                formed = (await FactsAsync(memory, scope).ConfigureAwait(false)).Any(t => TermMatch.ContainsAny(t, current));
            }
        }

        var facts = await FactsAsync(memory, scope).ConfigureAwait(false);
        var kept = facts.Any(t => TermMatch.ContainsAny(t, current));
        var staleListed = facts.Any(t => TermMatch.ContainsAny(t, stale) && !TermMatch.ContainsAny(t, current));
        return (formed, kept, staleListed);
    }

    private static async Task<List<string>> FactsAsync(IAgentMemory memory, MemoryScope scope)
    {
        var texts = new List<string>();
        await foreach (var record in memory.ListAsync(scope).ConfigureAwait(false))
        {
            if (record.Kind != MemoryKind.Episodic)
            {
                texts.Add(record.Text);
            }
        }

        return texts;
    }

    private static void Print(string description, SortedDictionary<string, FactsOverTimeTally> tallies, bool bothSplits, int crossUserHits)
    {
        var inv = CultureInfo.InvariantCulture;
        Console.WriteLine($"Facts over time ({description}); recall top {Depth}, asked on day {AskedOnDay}");
        Console.WriteLine("| questions | items | current first % | stale in top 3 % (change) | stale semantic in top 3 % | stale semantic still listed % | non-change wrongly superseded | as-of |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|");
        foreach (var (group, t) in tallies)
        {
            if (group.StartsWith("2 ", StringComparison.Ordinal) && !bothSplits)
            {
                continue;
            }

            var asOf = t.AsOfQuestions == 0 ? "-" : t.AsOfUnsupported == t.AsOfQuestions
                ? $"{t.AsOfQuestions} not supported"
                : string.Create(inv, $"{FactsOverTimeTally.Share(t.AsOfExpectedFirst, t.AsOfQuestions - t.AsOfUnsupported):0.0}% of {t.AsOfQuestions - t.AsOfUnsupported}");
            var superseded = t.NonChangeItems == 0 ? "-" : $"{t.NonChangeSuperseded}/{t.NonChangeFormed} formed ({t.NonChangeItems - t.NonChangeFormed} not formed)";
            Console.WriteLine(string.Create(inv,
                $"| {group[2..]} | {t.ChangeItems + t.NonChangeItems} | {FactsOverTimeTally.Share(t.CurrentFirst, t.Questions):0.0} ({t.Questions}) | {Pct(t.StaleInTop3, t.ChangeQuestions)} | {Pct(t.StaleSemanticInTop3, t.ChangeQuestions)} | {Pct(t.StaleSemanticListed, t.ChangeItems)} | {superseded} | {asOf} |"));
        }

        Console.WriteLine($"cross-user hits: {crossUserHits}" + (crossUserHits == 0 ? " (none)" : " — ISOLATION FAILURE"));

        string Pct(int count, int of) => of == 0 ? "-" : string.Create(inv, $"{FactsOverTimeTally.Share(count, of):0.0}");
    }
}
