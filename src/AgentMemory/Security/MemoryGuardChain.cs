namespace AgentMemory.Security;

/// <summary>
/// Runs guards in registration order with the <see cref="IMemoryGuard"/> contract's semantics: a rewrite feeds the next
/// guard, a block stops the chain. The pipeline's formation path and the evaluation console use the same chain.
/// </summary>
public sealed class MemoryGuardChain
{
    private readonly IMemoryGuard[] _guards;

    /// <summary>Creates a chain over <paramref name="guards"/> (in the order given).</summary>
    public MemoryGuardChain(IEnumerable<IMemoryGuard> guards)
    {
        ArgumentNullException.ThrowIfNull(guards);
        _guards = [.. guards];
    }

    /// <summary>The guards, in order.</summary>
    public IReadOnlyList<IMemoryGuard> Guards => _guards;

    /// <summary>Runs every guard on <paramref name="candidate"/>.</summary>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public async ValueTask<GuardChainResult> RunAsync(MemoryCandidate candidate, GuardContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentNullException.ThrowIfNull(context);
        var current = candidate;
        var reasons = new List<string>();
        double score = 0;
        foreach (var guard in _guards)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var verdict = await guard.InspectAsync(current, context, cancellationToken).ConfigureAwait(false);
            score = Math.Max(score, verdict.Score);
            switch (verdict.Action)
            {
                case GuardAction.Block:
                    return new GuardChainResult(GuardAction.Block, verdict.Candidate ?? current, verdict.Reason ?? "blocked", verdict.Score);
                case GuardAction.Rewrite when verdict.Candidate is not null:
                    current = verdict.Candidate;
                    if (verdict.Reason is not null)
                    {
                        reasons.Add(verdict.Reason);
                    }

                    break;
            }
        }

        return new GuardChainResult(GuardAction.Allow, current, reasons.Count == 0 ? null : string.Join(';', reasons), score);
    }
}
