namespace AgentMemory.Evaluation;

/// <summary>A clock whose "now" the harness sets (the conversation's latest session date while it is evaluated).</summary>
internal sealed class FixedTimeProvider : TimeProvider
{
    public DateTimeOffset Now { get; set; } = DateTimeOffset.UnixEpoch;

    public override DateTimeOffset GetUtcNow() => Now;
}
