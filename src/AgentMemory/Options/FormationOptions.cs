namespace AgentMemory;

/// <summary>Options for memory formation: extraction, guards, reconciliation and storage of new memories.</summary>
public sealed class FormationOptions
{
    /// <summary>Background (queue and return, the default) or inline.</summary>
    public FormationMode Mode { get; set; } = FormationMode.Background;

    /// <summary>
    /// Whether persistent memories formed in a session scope are stored at that session only. By default (false) they
    /// are stored at the scope without its session, so later sessions of the same user and agent recall them.
    /// </summary>
    public bool KeepSessionScope { get; set; }

    /// <summary>Whether the hosted <c>FormationWorker</c> processes the queue (true by default). Without it, call <c>IFormationPump</c> or <c>FlushAsync</c>.</summary>
    public bool RunHostedWorker { get; set; } = true;

    /// <summary>The most jobs the formation queue holds (pending and in flight) before back-pressure (see <see cref="QueueFullTimeout"/>).</summary>
    public int QueueCapacity { get; set; } = 10_000;

    /// <summary>
    /// How long a caller waits for room when the queue is full (back-pressure: the worker, or without one the caller
    /// itself, forms queued jobs) before <see cref="FormationQueueFullException"/> is thrown; default 30 seconds.
    /// <see cref="TimeSpan.Zero"/> rejects at once.
    /// </summary>
    public TimeSpan QueueFullTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a worker holds a claimed job; a job whose worker died is claimed again after it.</summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How many jobs (of distinct scopes) a worker claims at once.</summary>
    public int BatchSize { get; set; } = 8;

    /// <summary>How often the hosted worker polls an empty queue.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How many times a formation job is attempted before it is parked as failed (default 8: with the default delays
    /// about four minutes of retries under the hosted worker). A parked job is kept, counted in
    /// <see cref="FormationQueueStats.Failed"/>, listed by <c>IFormationPump.ListFailedAsync</c> and queued again by
    /// <c>IFormationPump.RetryFailedAsync</c>; it is never dropped. <c>FlushAsync</c> retries a failing job without
    /// waiting for its back-off, so it returns once every job is completed or parked.
    /// </summary>
    public int MaxAttempts { get; set; } = 8;

    /// <summary>The first retry delay of a failed job; each further attempt doubles it, up to <see cref="RetryMaxDelay"/>. Jobs are never dropped.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>The longest delay between two attempts of a failed job.</summary>
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>The most memories one scope keeps; beyond it the lowest retention score is evicted (default 1,000).</summary>
    public int MemoryBudget { get; set; } = 1_000;

    /// <summary>Per-tenant budgets overriding <see cref="MemoryBudget"/>, keyed by tenant id.</summary>
    public Dictionary<string, int> TenantMemoryBudgets { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Half-life of the recency part of the retention score used for eviction.</summary>
    public TimeSpan RetentionHalfLife { get; set; } = TimeSpan.FromDays(30);

    /// <summary>Default time to live per memory kind, applied when a candidate carries no expiry (none by default).</summary>
    public Dictionary<MemoryKind, TimeSpan> DefaultTimeToLive { get; set; } = [];

    /// <summary>How often the hosted worker removes expired memories.</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// The extraction schema version stamped on every record formed (<see cref="MemoryRecord.SchemaVersion"/>). Raise it
    /// when the extractor's output changes, then re-process older records with <c>IFormationPump.ReprocessAsync</c>.
    /// </summary>
    public int SchemaVersion { get; set; } = 1;

    /// <summary>Returns the memory budget of <paramref name="tenantId"/>.</summary>
    public int GetMemoryBudget(string tenantId)
        => tenantId is not null && TenantMemoryBudgets.TryGetValue(tenantId, out var budget) ? budget : MemoryBudget;
}
