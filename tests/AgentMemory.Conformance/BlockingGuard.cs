namespace AgentMemory.Conformance;

/// <summary>A guard that blocks every candidate whose text contains <paramref name="word"/> (ordinal, case-insensitive).</summary>
public sealed class BlockingGuard(string word) : IMemoryGuard
{
    /// <inheritdoc />
    public ValueTask<GuardVerdict> InspectAsync(MemoryCandidate candidate, GuardContext context, CancellationToken cancellationToken = default)
        => ValueTask.FromResult(candidate.Text.Contains(word, StringComparison.OrdinalIgnoreCase)
            ? new GuardVerdict(GuardAction.Block, Reason: "blocked word", Score: 1)
            : GuardVerdict.Allow);
}
