namespace AgentMemory.Tests.Telemetry.Support;

/// <summary>Blocks every candidate containing "BLOCKME", with a categorised reason ("custom:marker").</summary>
public sealed class MarkerBlockingGuard : IMemoryGuard
{
    public ValueTask<GuardVerdict> InspectAsync(MemoryCandidate candidate, GuardContext context, CancellationToken cancellationToken = default)
        => ValueTask.FromResult(candidate.Text.Contains("BLOCKME", StringComparison.Ordinal)
            ? new GuardVerdict(GuardAction.Block, null, "custom:marker", 1)
            : GuardVerdict.Allow);
}
