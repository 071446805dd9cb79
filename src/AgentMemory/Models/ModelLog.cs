using Microsoft.Extensions.Logging;

namespace AgentMemory.Models;

/// <summary>Source-generated log messages of the model-backed components (event ids 4100–4199).</summary>
internal static partial class ModelLog
{
    [LoggerMessage(4101, LogLevel.Information, "Model output for {Operation} was unusable (attempt {Attempt} of {MaxAttempts}): {Problem}")]
    public static partial void OutputRejected(ILogger logger, string operation, int attempt, int maxAttempts, string problem);

    [LoggerMessage(4102, LogLevel.Warning, "Model output for {Operation} was unusable after {MaxAttempts} attempts: {Problem}")]
    public static partial void OutputFailed(ILogger logger, string operation, int maxAttempts, string problem);

    [LoggerMessage(4103, LogLevel.Warning, "The model call for {Operation} failed: {ErrorType}")]
    public static partial void CallFailed(ILogger logger, string operation, string errorType);

    [LoggerMessage(4104, LogLevel.Information, "Query expansion gave up after {ElapsedMs} ms ({Reason}); recall goes on with the plain query")]
    public static partial void ExpansionSkipped(ILogger logger, long elapsedMs, string reason);
}
