namespace AgentMemory;

/// <summary>Per-call options for <see cref="IAgentMemory.RememberAsync"/>.</summary>
public sealed record RememberOptions
{
    /// <summary>When the conversation took place (null: now, from the <see cref="TimeProvider"/>).</summary>
    public DateTimeOffset? ConversationTime { get; init; }

    /// <summary>Overrides the configured formation mode for this call.</summary>
    public FormationMode? Mode { get; init; }

    /// <summary>Metadata added to every memory formed from this call.</summary>
    public IReadOnlyDictionary<string, string>? Metadata { get; init; }
}
