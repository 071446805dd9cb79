using Microsoft.Extensions.Logging;

namespace AgentMemory.PostgreSql;

/// <summary>The PostgreSQL store's log messages.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 3001, Level = LogLevel.Debug, Message = "The {Store} store retries '{Operation}' (attempt {Attempt}) after a transient failure.")]
    public static partial void TransientFailure(ILogger logger, string store, string operation, int attempt, Exception exception);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Information, Message = "The {Store} store migrated schema '{Schema}' from version {From} to {To}.")]
    public static partial void Migrated(ILogger logger, string store, string schema, int from, int to);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Information, Message = "The {Store} store scrubbed schema '{Schema}': {Tables} tables rewritten in {ElapsedMs} ms.")]
    public static partial void Scrubbed(ILogger logger, string store, string schema, int tables, double elapsedMs);

    [LoggerMessage(EventId = 3004, Level = LogLevel.Warning, Message = "The {Store} store erased a scope in schema '{Schema}' but the scrub after erasure did not complete; the receipt says the scrub is pending.")]
    public static partial void ScrubAfterErasureFailed(ILogger logger, string store, string schema, Exception exception);

    [LoggerMessage(EventId = 3006, Level = LogLevel.Information, Message = "The {Store} store skipped CHECKPOINT while scrubbing schema '{Schema}': the role lacks superuser or pg_checkpoint.")]
    public static partial void ScrubCheckpointSkipped(ILogger logger, string store, string schema);
}
