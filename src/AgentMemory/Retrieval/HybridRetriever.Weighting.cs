using AgentMemory.Extraction;
using AgentMemory.Lexical;

namespace AgentMemory.Retrieval;

internal sealed partial class HybridRetriever
{
    private static ScoredCandidate Weigh(FusedCandidate c, WeightingContext ctx)
    {
        var components = new List<ScoreComponent>(c.Parts.Count + 5);
        components.AddRange(c.Parts);
        var score = c.Relevance * Multipliers(c.Record, ctx, components);
        return new ScoredCandidate(c.Record, score, components);
    }

    /// <summary>The product of freshness, importance, kind, time, speaker and entity factors; each factor ≠ 1 is added to <paramref name="components"/>.</summary>
    private static double Multipliers(MemoryRecord r, WeightingContext ctx, List<ScoreComponent> components)
    {
        var o = ctx.Options;
        var factor = 1.0;
        if (o.FreshnessWeight > 0 && o.FreshnessHalfLife > TimeSpan.Zero)
        {
            var reference = r.OccurredAt ?? r.UpdatedAt;
            var ageDays = Math.Max(0, (ctx.Now - reference).TotalDays);
            var f = (1 - o.FreshnessWeight) + (o.FreshnessWeight * Math.Pow(0.5, ageDays / o.FreshnessHalfLife.TotalDays));
            Apply("freshness", ageDays, f);
        }

        if (o.ImportanceWeight > 0)
        {
            Apply("importance", r.Importance, 1 + (o.ImportanceWeight * (r.Importance - 0.5)));
        }

        if (o.KindWeights.TryGetValue(r.Kind, out var kindWeight))
        {
            Apply("kind", (int)r.Kind, kindWeight);
        }

        if (o.SourceWeights.TryGetValue(r.Provenance.Source, out var sourceWeight))
        {
            Apply("source", (int)r.Provenance.Source, sourceWeight);
        }

        var when = r.OccurredAt ?? r.CreatedAt;
        if (ctx.Time.Window is { } w && w.Contains(when))
        {
            Apply("time-window", (when - ctx.Now).TotalDays, o.TimeWindowBoost);
        }

        if (ctx.Time.AsksWhen && r.Kind == MemoryKind.Episodic && r.OccurredAt is not null)
        {
            Apply("when", 1, o.WhenQuestionBoost);
        }

        if (SpeakerNamed(r, ctx.QueryWords))
        {
            Apply("speaker", 1, o.SpeakerBoost);
        }
        else if (o.EntityBoost != 1.0 && MemoryEntityKeys.Named(r, ctx.QueryWords))
        {
            Apply("entity", 1, o.EntityBoost);
        }

        return factor;

        void Apply(string name, double value, double multiplier)
        {
            if (multiplier != 1.0)
            {
                factor *= multiplier;
                components.Add(new ScoreComponent(name, value, multiplier));
            }
        }
    }

    /// <summary>Whether the query names the memory's speaker (provenance speaker or metadata "speaker"), by any word of the name.</summary>
    internal static bool SpeakerNamed(MemoryRecord r, HashSet<string> queryWords)
    {
        var speaker = r.Provenance.Speaker;
        if (string.IsNullOrWhiteSpace(speaker) && !r.Metadata.TryGetValue("speaker", out speaker))
        {
            return false;
        }

        foreach (var part in TextAnalyzer.Words(speaker))
        {
            if (part.Length > 1 && queryWords.Contains(part))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The window the question names; for "before/after the trip" the window is bounded by the event time of the memory
    /// that best matches "the trip".
    /// </summary>
    private async Task<TimeWindow?> ResolveWindowAsync(RecallRequest request, QueryTimeInfo time, CancellationToken cancellationToken)
    {
        if (time.Window is not null || time.RelativeTo is null || string.IsNullOrWhiteSpace(time.AnchorPhrase))
        {
            return time.Window;
        }

        var anchor = await SearchStoreAsync(
            new MemorySearchRequest { Scope = request.Scope, Text = time.AnchorPhrase, Limit = 1, Filter = request.Filter with { Kinds = EpisodicOnly } },
            cancellationToken).ConfigureAwait(false);
        if (anchor.LexicalMatches.Count == 0 || anchor.LexicalMatches[0].Record.OccurredAt is not { } at)
        {
            return null;
        }

        var expression = time.RelativeTo + " " + time.AnchorPhrase;
        return time.RelativeTo == "before"
            ? new TimeWindow(DateTimeOffset.MinValue, at, expression)
            : new TimeWindow(at, DateTimeOffset.MaxValue, expression);
    }

    private static readonly HashSet<MemoryKind> EpisodicOnly = [MemoryKind.Episodic];
    private static readonly HashSet<MemoryKind> ProceduralOnly = [MemoryKind.Procedural];
    private const int ProceduralSearchLimit = 32;

    /// <summary>
    /// Adds (or lifts) the procedural memories whose topic matches the request's task type, scored as relevant as the
    /// best candidate so they surface even when they share no words with the query.
    /// </summary>
    private async Task SurfaceProceduralAsync(RecallRequest request, ReadOnlyMemory<float> vector, List<ScoredCandidate> scored, WeightingContext ctx, CancellationToken cancellationToken)
    {
        var o = ctx.Options;
        if (!o.SurfaceProcedural || o.MaxSurfacedProcedural <= 0 || (request.Filter.Kinds is { } kinds && !kinds.Contains(MemoryKind.Procedural)))
        {
            return;
        }

        var topics = new TaskTypeClassifier(o.TaskTypeTopics).Topics(request.Query);
        if (topics.Count == 0)
        {
            return;
        }

        // One filtered store search, not a listing (stores list by scanning): the vector side returns the scope's
        // procedural memories nearest the request whatever words they share; the lexical side adds those naming a topic.
        var found = await SearchStoreAsync(
            new MemorySearchRequest
            {
                Scope = request.Scope,
                Vector = vector,
                Text = string.Join(" ", topics),
                Limit = ProceduralSearchLimit,
                Filter = request.Filter with { Kinds = ProceduralOnly },
            },
            cancellationToken).ConfigureAwait(false);
        var matches = new List<MemoryRecord>();
        foreach (var m in found.VectorMatches.Concat(found.LexicalMatches))
        {
            if (m.Record.Topic is not null && topics.Contains(m.Record.Topic) && !matches.Exists(x => x.Id == m.Record.Id))
            {
                matches.Add(m.Record);
            }
        }

        if (matches.Count == 0)
        {
            return;
        }

        var top = 0.0;
        foreach (var s in scored)
        {
            if (s.Record.Kind != MemoryKind.Procedural)
            {
                top = Math.Max(top, s.Score);
            }
        }

        var baseRelevance = top > 0 ? top : 1.0;
        foreach (var r in matches.OrderByDescending(m => m.Importance).ThenBy(m => m.Id).Take(o.MaxSurfacedProcedural))
        {
            var components = new List<ScoreComponent> { new("task-type", 1, baseRelevance) };
            var score = baseRelevance * Multipliers(r, ctx, components);
            var existing = scored.FindIndex(s => s.Record.Id == r.Id);
            if (existing < 0)
            {
                scored.Add(new ScoredCandidate(r, score, components));
            }
            else if (scored[existing].Score < score)
            {
                scored[existing] = new ScoredCandidate(r, score, components);
            }
        }
    }
}
