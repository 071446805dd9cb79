using AgentMemory.Extraction;
using Microsoft.Extensions.Options;

namespace AgentMemory.Reconciliation;

/// <summary>
/// The offline reconciler: compares a candidate with its nearest stored memories by cosine similarity.
/// <list type="bullet">
/// <item>similarity ≥ <see cref="ReconciliationOptions.DuplicateThreshold"/> with a memory of the same kind: the same fact, nothing is stored;</item>
/// <item>a semantic or procedural memory with the same subject key (metadata <c>subject</c>, e.g. "my sister lives in …")
/// but different text, or one of the same kind and topic with similarity in
/// [<see cref="ReconciliationOptions.SupersedeThreshold"/>, <see cref="ReconciliationOptions.DuplicateThreshold"/>):
/// the fact changed, the old memory is superseded (its previous text stays in the history);</item>
/// <item>otherwise the candidate is added.</item>
/// </list>
/// Episodic memories are events: they are only ever de-duplicated, never superseded.
/// </summary>
internal sealed class SimilarityReconciler : IMemoryReconciler
{
    private readonly IOptionsMonitor<AgentMemoryOptions> _options;

    /// <summary>Creates the reconciler.</summary>
    public SimilarityReconciler(IOptionsMonitor<AgentMemoryOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
    }

    /// <inheritdoc />
    public Task<ReconciliationDecision> ReconcileAsync(ReconciliationRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        cancellationToken.ThrowIfCancellationRequested();
        var options = _options.CurrentValue.Reconciliation;
        var candidate = request.Candidate;
        candidate.Metadata.TryGetValue(OfflineExtractor.SubjectKey, out var subject);

        ScoredMemory? bestSameKind = null;
        foreach (var neighbour in request.Neighbours.OrderByDescending(n => n.Score))
        {
            if (neighbour.Record.Kind != candidate.Kind)
            {
                continue;
            }

            bestSameKind ??= neighbour;
            if (neighbour.Score >= options.DuplicateThreshold
                || string.Equals(Normalise(neighbour.Record.Text), Normalise(candidate.Text), StringComparison.Ordinal))
            {
                return Task.FromResult(new ReconciliationDecision(ReconciliationAction.None, neighbour.Record.Id, Reason: "duplicate"));
            }
        }

        if (candidate.Kind == MemoryKind.Episodic && FindChanged(request, candidate, subject, options) is { } outdated)
        {
            // The user's own words state a change of a fact held as semantic memory: the event is stored and the fact it
            // changes is closed (the event names it as the fact's next value).
            return Task.FromResult(new ReconciliationDecision(ReconciliationAction.Supersede, outdated.Id, candidate.Text, "change cue in the user's words"));
        }

        if (candidate.Kind != MemoryKind.Episodic)
        {
            if (subject is not null)
            {
                foreach (var neighbour in request.Neighbours)
                {
                    if (neighbour.Record.Kind == candidate.Kind
                        && neighbour.Record.Metadata.TryGetValue(OfflineExtractor.SubjectKey, out var other)
                        && string.Equals(subject, other, StringComparison.Ordinal))
                    {
                        return Task.FromResult(new ReconciliationDecision(ReconciliationAction.Supersede, neighbour.Record.Id, candidate.Text, "same subject, new value"));
                    }
                }
            }

            if (FindChanged(request, candidate, subject, options) is { } changed)
            {
                return Task.FromResult(new ReconciliationDecision(ReconciliationAction.Supersede, changed.Id, candidate.Text, "change cue, same subject, new value"));
            }

            if (bestSameKind is { } best
                && best.Score >= options.SupersedeThreshold
                && candidate.Topic is not null
                && string.Equals(best.Record.Topic, candidate.Topic, StringComparison.OrdinalIgnoreCase)
                && (subject is null || !best.Record.Metadata.ContainsKey(OfflineExtractor.SubjectKey)))
            {
                return Task.FromResult(new ReconciliationDecision(ReconciliationAction.Supersede, best.Record.Id, candidate.Text, "same topic, similar fact"));
            }
        }

        return Task.FromResult(ReconciliationDecision.Add);
    }

    /// <summary>
    /// The current semantic memory a user statement with a change cue (or another number for the same thing) changes: the most similar one (cosine at least
    /// <see cref="ReconciliationOptions.ChangeThreshold"/>) about the same thing (it shares a content term that is not a
    /// cue word or is at least <see cref="ReconciliationOptions.ChangeSimilarThreshold"/> similar and, when it has a subject key, all of its attribute's terms, and the keys do not differ) whose value
    /// differs (the statement brings a content term the memory lacks), and that was true before the statement was made
    /// (a turn never changes a fact formed from the same turn). A statement about something else ("I visited
    /// Berlin" after "I live in Madrid"), a hypothetical or a plan changes nothing.
    /// </summary>
    private static MemoryRecord? FindChanged(ReconciliationRequest request, MemoryCandidate candidate, string? subject, ReconciliationOptions options)
    {
        if (candidate.Provenance.Source != MemorySource.User)
        {
            return null;
        }

        var cue = ChangeCues.SignalsChange(candidate.Text);

        HashSet<string>? terms = null;
        foreach (var neighbour in request.Neighbours.OrderByDescending(n => n.Score))
        {
            var record = neighbour.Record;
            if (record.Kind != MemoryKind.Semantic || record.IsSuperseded || neighbour.Score < options.ChangeThreshold
                || record.Provenance.Source != MemorySource.User
                || (candidate.OccurredAt is { } said && record.ValidFrom >= said))
            {
                continue;
            }

            record.Metadata.TryGetValue(OfflineExtractor.SubjectKey, out var otherSubject);
            if (subject is not null && otherSubject is not null && !string.Equals(subject, otherSubject, StringComparison.Ordinal))
            {
                continue;
            }

            if (!cue && !ChangeCues.GivesAnotherNumber(candidate.Text, record.Text))
            {
                continue;
            }

            terms ??= ChangeCues.ContentTerms(candidate.Text);
            var held = ChangeCues.ContentTerms(record.Text);
            var sameThing = held.Overlaps(terms) || neighbour.Score >= options.ChangeSimilarThreshold;
            if (!sameThing || terms.IsSubsetOf(held) || (otherSubject is not null && !AttributeTerms(otherSubject).IsSubsetOf(terms)))
            {
                continue;
            }

            return record;
        }

        return null;
    }

    /// <summary>The content terms of a subject key's attribute ("user|phone number|is" → phone, number).</summary>
    private static HashSet<string> AttributeTerms(string subject)
    {
        var parts = subject.Split('|');
        return parts.Length >= 2 ? ChangeCues.ContentTerms(parts[1]) : [];
    }

    private static string Normalise(string text) => string.Join(' ', Lexical.TextAnalyzer.Default.Analyze(text));
}
