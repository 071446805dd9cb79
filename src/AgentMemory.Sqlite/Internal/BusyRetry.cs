using Polly;
using Polly.Retry;

namespace AgentMemory.Sqlite.Internal;

/// <summary>
/// The store's resilience pipelines (Polly): <c>SQLITE_BUSY</c> or <c>SQLITE_LOCKED</c> still met after the connection's
/// busy timeout is retried with exponential back-off and jitter (10 ms doubling, at most 1 s a wait), the waits on the
/// store's <see cref="TimeProvider"/>. After the last retry the provider's exception surfaces, and the store wraps it.
/// </summary>
internal static class BusyRetry
{
    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;

    /// <summary>The first wait; each retry doubles it (with jitter).</summary>
    public static readonly TimeSpan BaseDelay = TimeSpan.FromMilliseconds(10);

    /// <summary>The longest wait between two attempts.</summary>
    public static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(1);

    /// <summary>Whether another connection holds the lock the operation needs (worth a retry).</summary>
    public static bool IsBusy(SqliteException ex) => (ex.SqliteErrorCode & 0xFF) is SqliteBusy or SqliteLocked;

    /// <summary>Retries an operation that failed with <c>SQLITE_BUSY</c> up to <paramref name="retries"/> times (0: runs it once).</summary>
    public static ResiliencePipeline Create(int retries, TimeProvider time)
    {
        if (retries == 0)
        {
            return ResiliencePipeline.Empty;
        }

        var options = new RetryStrategyOptions { ShouldHandle = new PredicateBuilder().Handle<SqliteException>(IsBusy) };
        Pace(options, retries);
        return new ResiliencePipelineBuilder { TimeProvider = time }.AddRetry(options).Build();
    }

    /// <summary>Runs an attempt again, up to <paramref name="retries"/> times, while it returns false (e.g. a checkpoint readers held back).</summary>
    public static ResiliencePipeline<bool> UntilTrue(int retries, TimeProvider time)
    {
        if (retries == 0)
        {
            return ResiliencePipeline<bool>.Empty;
        }

        var options = new RetryStrategyOptions<bool> { ShouldHandle = new PredicateBuilder<bool>().HandleResult(false) };
        Pace(options, retries);
        return new ResiliencePipelineBuilder<bool> { TimeProvider = time }.AddRetry(options).Build();
    }

    private static void Pace<T>(RetryStrategyOptions<T> options, int retries)
    {
        options.MaxRetryAttempts = retries;
        options.Delay = BaseDelay;
        options.MaxDelay = MaxDelay;
        options.BackoffType = DelayBackoffType.Exponential;
        options.UseJitter = true;
    }
}
