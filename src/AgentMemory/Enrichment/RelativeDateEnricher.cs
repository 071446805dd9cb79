namespace AgentMemory.Retrieval;

/// <summary>
/// A formation-time rewrite that resolves relative dates in episodic memories against when they happened:
/// a candidate with <see cref="MemoryCandidate.OccurredAt"/> = 8 May 2023 and text "went to the support group
/// yesterday" is stored as "went to the support group yesterday (7 May 2023)", so it stays true and is found by
/// questions naming the date. Candidates without an event time, or without relative dates, pass unchanged.
/// Registered by <c>AddRelativeDateResolution()</c> on the AgentMemory builder.
/// </summary>
public sealed class RelativeDateGuard : IMemoryGuard
{
    private readonly RelativeDateResolver _resolver;

    /// <summary>Creates the guard (default resolver: a new <see cref="RelativeDateResolver"/>).</summary>
    public RelativeDateGuard(RelativeDateResolver? resolver = null) => _resolver = resolver ?? new RelativeDateResolver();

    /// <inheritdoc />
    public ValueTask<GuardVerdict> InspectAsync(MemoryCandidate candidate, GuardContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        cancellationToken.ThrowIfCancellationRequested();
        if (candidate.OccurredAt is not { } at)
        {
            return ValueTask.FromResult(GuardVerdict.Allow);
        }

        var text = _resolver.Annotate(candidate.Text, at);
        return ValueTask.FromResult(ReferenceEquals(text, candidate.Text) || text == candidate.Text
            ? GuardVerdict.Allow
            : new GuardVerdict(GuardAction.Rewrite, candidate with { Text = text }, "relative dates resolved"));
    }
}
