using System.Text.Json;
using AgentMemory.Evaluation.Harness;

namespace AgentMemory.Evaluation.Paraphrase;

/// <summary>
/// <c>paraphrase [--split dev|frozen|all] [--store sqlite|inmemory] [--embeddings onnx|hashing] [--data DIR] [--json PATH] [--details PATH] [--check]</c>:
/// every item gets two fresh users in one shared store (so every question is asked next to hundreds of other users'
/// memories). One user saves the fact through <see cref="IAgentMemory.SaveAsync"/>; the other says it in a conversation
/// through <see cref="IAgentMemory.RememberAsync"/> + <see cref="IAgentMemory.FlushAsync"/> (the extractor path). Both
/// also save the shared distractors and the facts of <see cref="OtherFacts"/> other items of unrelated domains, in a
/// per-item shuffled order. Then the question goes through <see cref="IAgentMemory.RecallAsync"/> (top 10). A hit is
/// correct when it was formed from the item's fact and holds one of its answer keywords. Any hit owned by another user
/// is counted as a cross-user hit (it must be 0).
/// </summary>
internal static class ParaphraseCommand
{
    private const string Usage = "usage: paraphrase [--split dev|frozen|all] [--store sqlite|inmemory] [--embeddings onnx|hashing] [--data DIR] [--json PATH] [--details PATH] [--check]";
    private const string Tenant = "paraphrase-eval";
    private const string RoleKey = "eval.role";
    private const string ItemKey = "eval.item";
    private const string TargetRole = "target";
    private const string DistractorRole = "distractor";
    private const int Depth = 10;
    private const int OtherFacts = 8;

    private static readonly DateTimeOffset Said = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>Domains whose facts could answer each other's questions; another item's fact is a distractor only across unrelated domains.</summary>
    private static readonly HashSet<(string, string)> RelatedDomains =
    [
        ("diet", "health"), ("work", "schedule"), ("home", "money"), ("family", "education"), ("travel", "schedule"), ("family", "pets"),
    ];

    public static async Task<int> RunAsync(string[] args)
    {
        if (HarnessArguments.Parse("paraphrase", Usage, args) is not { } parsed)
        {
            return 2;
        }

        var (options, split, store, embeddings, folder) = parsed;
        var set = ParaphraseDataset.Load(folder, DatasetSplit.Parts(split));
        foreach (var violation in set.Violations)
        {
            Console.Error.WriteLine("dataset: " + violation);
        }

        Console.Error.WriteLine($"paraphrase set ({split}): {set.Items.Count} items, {set.Distractors.Count} shared distractors, {set.Violations.Count} check violations");
        if (set.Violations.Count > 0 || options.ContainsKey("--check"))
        {
            return set.Violations.Count > 0 ? 3 : 0;
        }

        if (!EmbeddingChoice.TryResolve(embeddings, out var configureEmbeddings, out var embeddingError))
        {
            Console.Error.WriteLine("paraphrase: " + embeddingError);
            return 2;
        }

        var report = new ParaphraseReport();
        var clock = new FixedTimeProvider { Now = Said };
        await using (var harness = new HarnessMemory(store, configureEmbeddings, clock, "paraphrase"))
        {
            var memory = harness.Memory;
            foreach (var (_, item) in set.Items)
            {
                await IngestAsync(memory, set, item, report).ConfigureAwait(false);
            }

            await memory.FlushAsync().ConfigureAwait(false);

            clock.Now = Said.AddDays(1);
            using var details = options.TryGetValue("--details", out var detailsPath) ? new StreamWriter(detailsPath) : null;
            foreach (var (itemSplit, item) in set.Items)
            {
                foreach (var path in new[] { ParaphraseReport.Direct, ParaphraseReport.Remember })
                {
                    var scope = UserScope(path, item);
                    var hits = await memory.RecallAsync(new RecallRequest { Scope = scope, Query = item.Question, TopK = Depth }).ConfigureAwait(false);
                    var rank = -1;
                    for (var r = 0; r < hits.Count; r++)
                    {
                        var owner = hits[r].Record.Scope;
                        if (!string.Equals(owner.UserId, scope.UserId, StringComparison.Ordinal))
                        {
                            report.CrossUserHits++;
                            report.CrossUserExamples.Add($"{scope.UserId} got a memory of {owner.Key}");
                        }
                        else if (rank < 0 && IsTarget(hits[r].Record, item))
                        {
                            rank = r;
                        }
                    }

                    report.Add(path, ParaphraseReport.GroupsOf(itemSplit, item), rank, hits.Count);
                    details?.WriteLine(JsonSerializer.Serialize(new
                    {
                        id = item.Id, split = itemSplit, path, item.Question, item.Fact, rank,
                        top = hits.Take(3).Select(h => new { text = h.Record.Text, kind = h.Record.Kind.ToString(), role = h.Record.Metadata.GetValueOrDefault(RoleKey), score = Math.Round(h.Score, 4) }),
                    }));
                }
            }
        }

        var description = $"split {split}, store {store}, embeddings {embeddings}, {set.Items.Count} items × 2 users, {set.Distractors.Count} shared + {OtherFacts} other-item distractors each";
        report.Print(description, split == DatasetSplit.All);
        if (options.TryGetValue("--json", out var jsonPath))
        {
            var json = new Dictionary<string, object> { ["split"] = split, ["store"] = store, ["embeddings"] = embeddings, ["items"] = set.Items.Count, ["report"] = report.ToJson() };
            await File.WriteAllTextAsync(jsonPath, JsonSerializer.Serialize(json, Indented)).ConfigureAwait(false);
        }

        return report.CrossUserHits == 0 ? 0 : 1;
    }

    private static MemoryScope UserScope(string path, ParaphraseItem item) => MemoryScope.ForUser(Tenant, path + "/" + item.Id);

    /// <summary>A memory formed from the item's own fact (tagged at ingestion) that still holds an answer keyword.</summary>
    private static bool IsTarget(MemoryRecord record, ParaphraseItem item) =>
        record.Metadata.GetValueOrDefault(RoleKey) == TargetRole
        && record.Metadata.GetValueOrDefault(ItemKey) == item.Id
        && TermMatch.ContainsAny(record.Text, item.Answers);

    private static async Task IngestAsync(IAgentMemory memory, ParaphraseSet set, ParaphraseItem item, ParaphraseReport report)
    {
        var distractors = set.Distractors.Select(d => d.Text).Concat(OtherItemFacts(set, item)).ToList();
        var order = Enumerable.Range(0, distractors.Count + 1).ToArray();
        new Random(StableSeed.Of(item.Id)).Shuffle(order);

        var direct = UserScope(ParaphraseReport.Direct, item);
        var remember = UserScope(ParaphraseReport.Remember, item);
        foreach (var index in order)
        {
            if (index == distractors.Count)
            {
                var outcome = await memory.SaveAsync(direct, Candidate(item.Fact, TargetRole, item.Id)).ConfigureAwait(false);
                report.TargetOutcomes[outcome.Kind.ToString()] = report.TargetOutcomes.GetValueOrDefault(outcome.Kind.ToString()) + 1;
                continue;
            }

            await memory.SaveAsync(direct, Candidate(distractors[index], DistractorRole, item.Id)).ConfigureAwait(false);
            await memory.SaveAsync(remember, Candidate(distractors[index], DistractorRole, item.Id)).ConfigureAwait(false);
        }

        await memory.RememberAsync(
            remember.WithSession("conversation"),
            item.Conversation.Select(t => t.ToMessage()),
            new RememberOptions
            {
                ConversationTime = Said,
                Metadata = new Dictionary<string, string>(StringComparer.Ordinal) { [RoleKey] = TargetRole, [ItemKey] = item.Id },
            }).ConfigureAwait(false);
    }

    /// <summary>The facts of <see cref="OtherFacts"/> other items of the same run, from unrelated domains, chosen by a stable hash.</summary>
    private static IEnumerable<string> OtherItemFacts(ParaphraseSet set, ParaphraseItem item) => set.Items
        .Select(p => p.Item)
        .Where(o => o.Domain != item.Domain && !RelatedDomains.Contains((o.Domain, item.Domain)) && !RelatedDomains.Contains((item.Domain, o.Domain)))
        .OrderBy(o => StableSeed.Key(item.Id + "|" + o.Id), StringComparer.Ordinal)
        .Take(OtherFacts)
        .Select(o => o.Fact);

    private static MemoryCandidate Candidate(string text, string role, string itemId) => new()
    {
        Kind = MemoryKind.Semantic,
        Text = text,
        Provenance = MemoryProvenance.FromUser,
        Metadata = new Dictionary<string, string>(StringComparer.Ordinal) { [RoleKey] = role, [ItemKey] = itemId },
    };
}
