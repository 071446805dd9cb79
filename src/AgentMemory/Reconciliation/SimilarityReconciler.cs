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
public sealed class SimilarityReconciler : IMemoryReconciler
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

    private static string Normalise(string text) => string.Join(' ', Lexical.TextAnalyzer.Default.Analyze(text));
}
