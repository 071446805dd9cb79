namespace AgentMemory.Telemetry;

/// <summary>
/// AgentMemory's source-generated log messages, the one <c>Log</c> class of the assembly. Event ids: 1000–1099 formation
/// and recall, 4000–4099 guards (machine reasons and counts, never memory text), 4100–4199 model-backed steps. Memory
/// text is never logged above Trace.
/// </summary>
internal static partial class Log
{
    [LoggerMessage(1001, LogLevel.Debug, "Queued formation job {JobId} for scope of tenant {Tenant} ({MessageCount} messages).")]
    public static partial void JobQueued(ILogger logger, Guid jobId, string tenant, int messageCount);

    [LoggerMessage(1002, LogLevel.Debug, "Formation job {JobId}: {Added} added, {Updated} updated, {Unchanged} unchanged, {Blocked} blocked.")]
    public static partial void JobProcessed(ILogger logger, Guid jobId, int added, int updated, int unchanged, int blocked);

    [LoggerMessage(1003, LogLevel.Warning, "Formation job {JobId} failed on attempt {Attempt}; retrying at {RetryAt}.")]
    public static partial void JobFailed(ILogger logger, Exception exception, Guid jobId, int attempt, DateTimeOffset retryAt);

    [LoggerMessage(1030, LogLevel.Warning, "Formation job {JobId} failed on attempt {Attempt} of {MaxAttempts} and is parked as failed; IFormationPump.RetryFailedAsync queues it again.")]
    public static partial void JobParked(ILogger logger, Exception exception, Guid jobId, int attempt, int maxAttempts);

    [LoggerMessage(1031, LogLevel.Information, "Parked formation job {JobId} was queued again.")]
    public static partial void JobRetried(ILogger logger, Guid jobId);

    [LoggerMessage(1004, LogLevel.Warning, "Formation job {JobId} could not be completed: its lease was lost (another worker may process it again; memory ids are deterministic, so nothing is duplicated).")]
    public static partial void LeaseLost(ILogger logger, Guid jobId);

    [LoggerMessage(1005, LogLevel.Information, "A memory candidate was blocked by guard {Guard}: {Reason}.")]
    public static partial void CandidateBlocked(ILogger logger, string guard, string? reason);

    [LoggerMessage(1006, LogLevel.Debug, "A memory candidate was rewritten by guard {Guard}.")]
    public static partial void CandidateRewritten(ILogger logger, string guard);

    [LoggerMessage(1007, LogLevel.Information, "Evicted {Count} memories from a scope of tenant {Tenant} over its budget of {Budget}.")]
    public static partial void Evicted(ILogger logger, int count, string tenant, int budget);

    [LoggerMessage(1008, LogLevel.Information, "Removed {Count} expired memories.")]
    public static partial void Expired(ILogger logger, int count);

    [LoggerMessage(1009, LogLevel.Trace, "Formed memory candidate ({Kind}): {Text}")]
    public static partial void CandidateText(ILogger logger, MemoryKind kind, string text);

    [LoggerMessage(1010, LogLevel.Information, "Formation worker {WorkerId} started.")]
    public static partial void WorkerStarted(ILogger logger, string workerId);

    [LoggerMessage(1011, LogLevel.Error, "Formation worker {WorkerId} hit an unexpected error; it continues.")]
    public static partial void WorkerError(ILogger logger, Exception exception, string workerId);

    [LoggerMessage(1012, LogLevel.Information, "Erased scope of tenant {Tenant}: {Records} records, {Jobs} queued jobs.")]
    public static partial void Erased(ILogger logger, string tenant, long records, long jobs);

    [LoggerMessage(1013, LogLevel.Debug, "Recall returned {Count} memories in {Seconds:0.000} s.")]
    public static partial void Recalled(ILogger logger, int count, double seconds);

    [LoggerMessage(1014, LogLevel.Warning, "The TTL sweep failed; it will run again.")]
    public static partial void SweepFailed(ILogger logger, Exception exception);

    // Guards (4000–4099).
    [LoggerMessage(EventId = 4001, Level = LogLevel.Information, Message = "Memory candidate blocked: {Reason} (source {Source}, score {Score:0.00}).")]
    public static partial void CandidateBlocked(ILogger logger, string reason, MemorySource source, double score);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Debug, Message = "Memory candidate rewritten: {Reason} ({Count} spans).")]
    public static partial void CandidateRewritten(ILogger logger, string reason, int count);

    [LoggerMessage(EventId = 4003, Level = LogLevel.Debug, Message = "User preference kept as a procedural memory of the user (score {Score:0.00}).")]
    public static partial void PreferenceKept(ILogger logger, double score);

    [LoggerMessage(EventId = 4004, Level = LogLevel.Debug, Message = "Asking the model judge about an ambiguous candidate (local score {Score:0.00}).")]
    public static partial void JudgeAsked(ILogger logger, double score);

    [LoggerMessage(EventId = 4005, Level = LogLevel.Warning, Message = "The model judge failed or answered malformed output ({ErrorType}); falling back to the local verdict.")]
    public static partial void JudgeFailed(ILogger logger, string errorType);

    [LoggerMessage(EventId = 4006, Level = LogLevel.Debug, Message = "A procedural memory from {Source} kept as a semantic fact: only the user and trusted sources give standing instructions.")]
    public static partial void DirectiveDemoted(ILogger logger, MemorySource source);

    // Model-backed steps (4100–4199).
    [LoggerMessage(4101, LogLevel.Information, "Model output for {Operation} was unusable (attempt {Attempt} of {MaxAttempts}): {Problem}")]
    public static partial void OutputRejected(ILogger logger, string operation, int attempt, int maxAttempts, string problem);

    [LoggerMessage(4102, LogLevel.Warning, "Model output for {Operation} was unusable after {MaxAttempts} attempts: {Problem}")]
    public static partial void OutputFailed(ILogger logger, string operation, int maxAttempts, string problem);

    [LoggerMessage(4103, LogLevel.Warning, "The model call for {Operation} failed: {ErrorType}")]
    public static partial void CallFailed(ILogger logger, string operation, string errorType);

    [LoggerMessage(4104, LogLevel.Information, "Query expansion gave up after {ElapsedMs} ms ({Reason}); recall goes on with the plain query")]
    public static partial void ExpansionSkipped(ILogger logger, long elapsedMs, string reason);

    // Consolidation (1040–1049).
    [LoggerMessage(1040, LogLevel.Debug, "Consolidated a scope of tenant {Tenant}: {Compared} pairs compared, {Merged} merged, {Promoted} promoted, complete {Complete}.")]
    public static partial void Consolidated(ILogger logger, string tenant, int compared, int merged, int promoted, bool complete);

    [LoggerMessage(1041, LogLevel.Warning, "Consolidation of a scope of tenant {Tenant} failed; it is tried again on the next pass.")]
    public static partial void ConsolidationFailed(ILogger logger, Exception exception, string tenant);

    [LoggerMessage(1043, LogLevel.Warning, "Distilling the sessions of a scope of tenant {Tenant} failed; they are tried again on the next pass.")]
    public static partial void DistillationFailed(ILogger logger, Exception exception, string tenant);

    [LoggerMessage(1042, LogLevel.Debug, "Distilled a session of tenant {Tenant}: {Episodes} episodes read, {Facts} facts formed or changed.")]
    public static partial void SessionDistilled(ILogger logger, string tenant, int episodes, int facts);
}
