using AgentMemory.Extraction;

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
/// An episode is the record of what was said: it is de-duplicated, and closed only when the chat user later says that
/// what it stated changed (see <c>FindChanged</c>).
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
    /// The current memory a user statement with a change cue (or another number for the same thing) changes: the most
    /// similar semantic memory (cosine at least <see cref="ReconciliationOptions.ChangeThreshold"/>) about the same thing,
    /// or, when no fact about it was formed, the chat user's own earlier statement of it (an episode: what it states is no
    /// longer true, though it was said). About the same thing: it shares a content term that is not a cue word or is at least
    /// <see cref="ReconciliationOptions.ChangeSimilarThreshold"/> similar; when it has a subject key, the statement names
    /// its attribute (a move names where the user lives), does not give it to someone else ("my daughter's new number"), and the keys do not differ. Its value
    /// differs (the statement brings a content term the memory lacks), and it was true before the statement was made (a
    /// turn never changes a memory formed from the same turn). A statement about something else ("I visited Berlin" after
    /// "I live in Madrid"), a hypothetical or a plan changes nothing.
    /// </summary>
    private static MemoryRecord? FindChanged(ReconciliationRequest request, MemoryCandidate candidate, string? subject, ReconciliationOptions options)
    {
        if (candidate.Provenance.Source != MemorySource.User)
        {
            return null;
        }

        var cue = ChangeCues.SignalsChange(candidate.Text);
        var ordered = request.Neighbours.OrderByDescending(n => n.Score).ToList();
        var terms = ChangeCues.ContentTerms(candidate.Text);
        return Changed(ordered, candidate, subject, cue, terms, options, MemoryKind.Semantic)
            ?? (SpeakerPrefix.IsChatUser(candidate.Provenance) ? Changed(ordered, candidate, subject, cue, terms, options, MemoryKind.Episodic) : null);
    }

    private static MemoryRecord? Changed(
        List<ScoredMemory> neighbours,
        MemoryCandidate candidate,
        string? subject,
        bool cue,
        HashSet<string> terms,
        ReconciliationOptions options,
        MemoryKind kind)
    {
        foreach (var neighbour in neighbours)
        {
            var record = neighbour.Record;
            if (record.Kind != kind || record.IsSuperseded || neighbour.Score < options.ChangeThreshold
                || record.Provenance.Source != MemorySource.User
                || (kind == MemoryKind.Episodic && !SpeakerPrefix.IsChatUser(record.Provenance))
                || (candidate.OccurredAt is { } said && record.ValidFrom >= said))
            {
                continue;
            }

            record.Metadata.TryGetValue(OfflineExtractor.SubjectKey, out var otherSubject);
            if (subject is not null && otherSubject is not null && !string.Equals(subject, otherSubject, StringComparison.Ordinal))
            {
                continue;
            }

            var heldText = SpeakerPrefix.Strip(record);
            if (!cue && !ChangeCues.GivesAnotherNumber(candidate.Text, heldText))
            {
                continue;
            }

            var held = ChangeCues.ContentTerms(heldText);
            var moves = ChangeCues.MovesHome(candidate.Text, held);
            var sameThing = moves || held.Overlaps(terms) || neighbour.Score >= options.ChangeSimilarThreshold;
            if (!sameThing || terms.IsSubsetOf(held))
            {
                continue;
            }

            // What the memory is about: its subject key's attribute, or (without a key) all it says.
            var attribute = otherSubject is not null ? AttributeTerms(otherSubject) : held;
            if ((otherSubject is not null && attribute.Count > 0 && !moves && !attribute.Overlaps(terms))
                || ChangeCues.GivesToSomeoneElse(candidate.Text, attribute))
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
