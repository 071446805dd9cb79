using Microsoft.Extensions.Logging;

namespace AgentMemory.Sqlite;

/// <summary>The SQLite store's log messages.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 2001, Level = LogLevel.Information, Message = "An erasure's scrub of '{DataSource}' is pending: a reader keeps the WAL from being checkpointed; retrying every {Interval}.")]
    public static partial void ScrubPending(ILogger logger, string dataSource, TimeSpan interval);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Information, Message = "The pending erasure scrub of '{DataSource}' completed: the WAL is checkpointed and empty.")]
    public static partial void ScrubCompleted(ILogger logger, string dataSource);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Warning, Message = "An attempt to scrub '{DataSource}' after an erasure failed; it is retried.")]
    public static partial void ScrubFailed(ILogger logger, string dataSource, Exception exception);
}
