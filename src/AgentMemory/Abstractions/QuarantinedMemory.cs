namespace AgentMemory;

/// <summary>A candidate memory a guard blocked: kept apart for review, never recalled, removed by erasure.</summary>
public sealed record QuarantinedMemory
{
    /// <summary>The quarantine entry's id.</summary>
    public required Guid Id { get; init; }

    /// <summary>The scope the candidate was meant for.</summary>
    public required MemoryScope Scope { get; init; }

    /// <summary>The blocked text, after redaction of personal data where the policy redacts.</summary>
    public required string Text { get; init; }

    /// <summary>Where the candidate came from.</summary>
    public required MemoryProvenance Provenance { get; init; }

    /// <summary>Why it was blocked (machine-readable, e.g. "poisoning:instruction-override").</summary>
    public required string Reason { get; init; }

    /// <summary>The detector's confidence in [0, 1].</summary>
    public double Score { get; init; }

    /// <summary>When it was quarantined.</summary>
    public required DateTimeOffset At { get; init; }
}
