namespace AgentMemory;

/// <summary>
/// Inspects a candidate before anything is stored: personal data, poisoning (instructions smuggled in through tools,
/// documents or other parties). Guards run in registration order; a rewrite feeds the next guard; a block stops the chain.
/// </summary>
public interface IMemoryGuard
{
    /// <summary>Inspects one candidate.</summary>
    ValueTask<GuardVerdict> InspectAsync(MemoryCandidate candidate, GuardContext context, CancellationToken cancellationToken = default);
}
