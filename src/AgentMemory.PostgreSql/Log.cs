using Microsoft.Extensions.Logging;

namespace AgentMemory.PostgreSql;

/// <summary>The PostgreSQL store's log messages.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 3001, Level = LogLevel.Debug, Message = "The {Store} store retries '{Operation}' (attempt {Attempt}) after a transient failure.")]
    public static partial void TransientFailure(ILogger logger, string store, string operation, int attempt, Exception exception);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Information, Message = "The {Store} store migrated schema '{Schema}' from version {From} to {To}.")]
    public static partial void Migrated(ILogger logger, string store, string schema, int from, int to);
}
