namespace AgentMemory.Storage.InMemory;

/// <summary>A queued formation job and its lease.</summary>
internal sealed class FormationJobState(FormationJob job)
{
    public FormationJob Job { get; set; } = job;

    public string? Worker { get; set; }

    public DateTimeOffset LeaseUntil { get; set; }

    public bool IsLeased(DateTimeOffset now) => Worker is not null && LeaseUntil > now;
}
