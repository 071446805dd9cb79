using Microsoft.Extensions.Logging;

namespace AgentMemory.Telemetry;

/// <summary>AgentMemory's source-generated log messages. Memory text is never logged above Trace.</summary>
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

    [LoggerMessage(1040, LogLevel.Debug, "Consolidated a scope of tenant {Tenant}: {Compared} pairs compared, {Merged} merged, {Promoted} promoted, complete {Complete}.")]
    public static partial void Consolidated(ILogger logger, string tenant, int compared, int merged, int promoted, bool complete);

    [LoggerMessage(1041, LogLevel.Warning, "Consolidation of a scope of tenant {Tenant} failed; it is tried again on the next pass.")]
    public static partial void ConsolidationFailed(ILogger logger, Exception exception, string tenant);
}
