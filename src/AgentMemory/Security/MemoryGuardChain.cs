namespace AgentMemory.Security;

/// <summary>
/// The one guard chain: runs the registered <see cref="IMemoryGuard"/>s in registration order with the contract's
/// semantics — a rewrite feeds the next guard, a block stops the chain. The formation pipeline (which then audits each
/// rewrite and quarantines a block), re-processing, the CLI's import and the security harness all run this chain.
/// </summary>
internal sealed class MemoryGuardChain
{
    private readonly IMemoryGuard[] _guards;
    private readonly AgentMemoryInstrumentation? _telemetry;

    /// <summary>Creates a chain over <paramref name="guards"/> (in the order given).</summary>
    /// <param name="guards">The guards.</param>
    /// <param name="telemetry">Traces each guard as a <c>guard</c> span when given.</param>
    public MemoryGuardChain(IEnumerable<IMemoryGuard> guards, AgentMemoryInstrumentation? telemetry = null)
    {
        ArgumentNullException.ThrowIfNull(guards);
        _guards = [.. guards];
        _telemetry = telemetry;
    }

    /// <summary>The guards, in order.</summary>
    public IReadOnlyList<IMemoryGuard> Guards => _guards;

    /// <summary>Runs every guard on <paramref name="candidate"/>.</summary>
    /// <param name="candidate">The candidate.</param>
    /// <param name="context">What the guards see.</param>
    /// <param name="cancellationToken">Cancels the run.</param>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public ValueTask<GuardChainResult> RunAsync(MemoryCandidate candidate, GuardContext context, CancellationToken cancellationToken = default)
        => RunAsync(candidate, context, context?.Scope, cancellationToken);

    /// <summary>Runs every guard on <paramref name="candidate"/>, tracing under <paramref name="target"/> (the scope the memory would be stored in).</summary>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public async ValueTask<GuardChainResult> RunAsync(MemoryCandidate candidate, GuardContext context, MemoryScope? target, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentNullException.ThrowIfNull(context);
        var current = candidate;
        List<GuardRewrite>? rewrites = null;
        double score = 0;
        foreach (var guard in _guards)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var name = guard.GetType().Name;
            GuardVerdict verdict;
            using (var activity = _telemetry?.StartActivity("guard", target ?? context.Scope))
            {
                activity?.SetTag("agentmemory.guard", name);
                verdict = await guard.InspectAsync(current, context, cancellationToken).ConfigureAwait(false);
                activity?.SetTag("agentmemory.guard.action", verdict.Action.ToString());
            }

            score = Math.Max(score, verdict.Score);
            switch (verdict.Action)
            {
                case GuardAction.Block:
                    // A guard may hand over a redacted copy to quarantine instead of the text it saw.
                    return new GuardChainResult(GuardAction.Block, verdict.Candidate ?? current, verdict.Reason ?? name, verdict.Score)
                    {
                        Guard = name,
                        Rewrites = rewrites ?? (IReadOnlyList<GuardRewrite>)[],
                    };
                case GuardAction.Rewrite when verdict.Candidate is not null:
                    current = verdict.Candidate;
                    (rewrites ??= []).Add(new GuardRewrite(name, verdict.Reason));
                    break;
            }
        }

        var reason = rewrites is null || rewrites.All(r => r.Reason is null) ? null : string.Join(';', rewrites.Where(r => r.Reason is not null).Select(r => r.Reason));
        return new GuardChainResult(GuardAction.Allow, current, reason, score) { Rewrites = rewrites ?? (IReadOnlyList<GuardRewrite>)[] };
    }
}
