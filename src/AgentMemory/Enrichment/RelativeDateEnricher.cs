namespace AgentMemory.Enrichment;

/// <summary>
/// Resolves relative dates in episodic memories against when they happened: a candidate with
/// <see cref="MemoryCandidate.OccurredAt"/> = 8 May 2023 and text "went to the support group yesterday" is stored as
/// "went to the support group yesterday (7 May 2023)", so it stays true and is found by questions naming the date.
/// Candidates without an event time, or without relative dates, pass unchanged.
/// Registered by <c>AddRelativeDateResolution()</c> on the AgentMemory builder (and by default).
/// </summary>
internal sealed class RelativeDateEnricher : IMemoryEnricher
{
    private readonly RelativeDateResolver _resolver;

    /// <summary>Creates the enricher (default resolver: a new <see cref="RelativeDateResolver"/>).</summary>
    public RelativeDateEnricher(RelativeDateResolver? resolver = null) => _resolver = resolver ?? new RelativeDateResolver();

    /// <inheritdoc />
    public MemoryCandidate Enrich(MemoryCandidate candidate)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        if (candidate.OccurredAt is not { } at)
        {
            return candidate;
        }

        var text = _resolver.Annotate(candidate.Text, at);
        return ReferenceEquals(text, candidate.Text) || text == candidate.Text ? candidate : candidate with { Text = text };
    }
}
