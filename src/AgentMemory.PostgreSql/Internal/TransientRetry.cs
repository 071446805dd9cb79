using Polly;
using Polly.Retry;

namespace AgentMemory.PostgreSql.Internal;

/// <summary>
/// The store's resilience pipeline (Polly): a transient failure (dropped connection, server restarting, serialization
/// failure or deadlock) is retried up to <see cref="PostgreSqlMemoryStoreOptions.MaxRetries"/> times, the wait doubling
/// from <see cref="PostgreSqlMemoryStoreOptions.RetryBaseDelay"/> (at most 1,024 times it), on the store's
/// <see cref="TimeProvider"/>. A failure during cancellation is not retried. After the last retry the provider's
/// exception surfaces, and the store wraps it.
/// </summary>
internal static class TransientRetry
{
    /// <summary>The longest wait, as a multiple of the first.</summary>
    private const int MaxDoublings = 10;

    /// <param name="retries">How many retries (0: the operation runs once).</param>
    /// <param name="baseDelay">The first wait.</param>
    /// <param name="time">The clock the waits run on.</param>
    /// <param name="isTransient">Whether a failure is worth retrying.</param>
    /// <param name="onRetry">Called before each wait with the operation (the context's operation key), the attempt that failed (from 0) and its failure.</param>
    public static ResiliencePipeline Create(int retries, TimeSpan baseDelay, TimeProvider time, Func<Exception, bool> isTransient, Action<string, int, Exception?> onRetry)
    {
        if (retries == 0)
        {
            return ResiliencePipeline.Empty;
        }

        return new ResiliencePipelineBuilder { TimeProvider = time }
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = args => ValueTask.FromResult(args.Outcome.Exception is { } ex && isTransient(ex) && !args.Context.CancellationToken.IsCancellationRequested),
                MaxRetryAttempts = retries,
                Delay = baseDelay,
                MaxDelay = baseDelay > TimeSpan.Zero ? baseDelay * (1 << MaxDoublings) : null,
                BackoffType = DelayBackoffType.Exponential,
                OnRetry = args =>
                {
                    onRetry(args.Context.OperationKey ?? "operation", args.AttemptNumber, args.Outcome.Exception);
                    return ValueTask.CompletedTask;
                },
            })
            .Build();
    }
}
