using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using AgentMemory.Consolidation;
using AgentMemory.Pipeline;

namespace AgentMemory.Formation;

/// <summary>Claims jobs from the outbox under a lease, forms their memories, completes or releases them with backoff.</summary>
internal sealed partial class FormationPump(
    IFormationOutbox outbox, IMemoryStore store, FormationPipeline pipeline, FormationSignals signals,
    IOptionsMonitor<AgentMemoryOptions> optionsMonitor, TimeProvider time, AgentMemoryInstrumentation telemetry,
    IMemoryConsolidator consolidator, ILoggerFactory? loggerFactory = null) : IFormationPump
{
    private readonly ILogger _logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger<FormationPump>();

    /// <summary>The scopes that formed memories since their last complete consolidation pass.</summary>
    private readonly ConcurrentDictionary<MemoryScope, byte> _toConsolidate = new();

    /// <summary>This pump's identity in the outbox's leases.</summary>
    public string WorkerId { get; } = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";

    public Task<int> RunOnceAsync(CancellationToken cancellationToken = default) => RunBatchAsync(ignoreRetryTime: false, cancellationToken);

    public async Task<int> DrainAsync(CancellationToken cancellationToken = default)
    {
        var processed = 0;
        while (true)
        {
            // Jobs backing off are retried at once: a drain never waits on a retry timer. A job failing on every attempt
            // reaches MaxAttempts within this loop and is parked, so the drain ends.
            var claimed = await RunBatchAsync(ignoreRetryTime: true, cancellationToken).ConfigureAwait(false);
            processed += claimed;
            if (claimed > 0)
            {
                continue;
            }

            var stats = await outbox.GetStatsAsync(cancellationToken).ConfigureAwait(false);
            if (stats.Pending + stats.InFlight == 0)
            {
                return processed;
            }

            // Jobs are leased by another worker (until it finishes or its lease expires): wait for progress or poll again.
            var poll = Task.Delay(TimeSpan.FromMilliseconds(50), time, cancellationToken);
            await Task.WhenAny(signals.Progress, poll).ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
        }
    }

    public async IAsyncEnumerable<FormationJob> ListFailedAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var job in outbox.ListFailedAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return job;
        }
    }

    public async Task<bool> RetryFailedAsync(Guid jobId, CancellationToken cancellationToken = default)
    {
        bool retried;
        using (var call = telemetry.StartStoreCall(store, "retry_failed"))
        {
            retried = await call.Track(outbox.RetryFailedAsync(jobId, cancellationToken)).ConfigureAwait(false);
        }

        if (retried)
        {
            Log.JobRetried(_logger, jobId);
            signals.SignalEnqueued();
        }

        return retried;
    }

    public async Task<int> RetryAllFailedAsync(CancellationToken cancellationToken = default)
    {
        var ids = new List<Guid>();
        await foreach (var job in outbox.ListFailedAsync(cancellationToken).ConfigureAwait(false))
        {
            ids.Add(job.Id);
        }

        var retried = 0;
        foreach (var id in ids)
        {
            if (await RetryFailedAsync(id, cancellationToken).ConfigureAwait(false))
            {
                retried++;
            }
        }

        return retried;
    }

    private async Task<int> RunBatchAsync(bool ignoreRetryTime, CancellationToken cancellationToken)
    {
        var options = optionsMonitor.CurrentValue.Formation;
        await RecordQueueStatsAsync(cancellationToken).ConfigureAwait(false);
        IReadOnlyList<FormationJob> jobs;
        using (var call = telemetry.StartStoreCall(store, "claim"))
        {
            jobs = await call.Track(outbox.ClaimAsync(WorkerId, options.BatchSize, options.LeaseDuration, ignoreRetryTime, cancellationToken)).ConfigureAwait(false);
        }

        if (jobs.Count == 0)
        {
            return 0;
        }

        // Jobs of one batch belong to distinct scopes (the outbox's claim rule), so they may run side by side.
        await Task.WhenAll(jobs.Select(job => ProcessAsync(job, WorkerId, cancellationToken))).ConfigureAwait(false);
        signals.SignalProgress();
        return jobs.Count;
    }

    /// <summary>
    /// Processes one claimed job and completes it, or releases it for a retry with exponential backoff, or — on its
    /// <see cref="FormationOptions.MaxAttempts"/>th failure — parks it as failed.
    /// </summary>
    internal async Task<bool> ProcessAsync(FormationJob job, string workerId, CancellationToken cancellationToken)
    {
        try
        {
            var (messages, time, metadata) = FormationPayload.Deserialize(job.Payload);
            await pipeline.FormAsync(new FormationWork(job.Id, job.Scope, messages, time, metadata), cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutting down: the lease expires and another worker (or this one after a restart) takes the job again.
            throw;
        }
        catch (Exception ex)
        {
            var options = optionsMonitor.CurrentValue.Formation;
            var attempt = job.Attempts + 1;
            var failure = $"{ex.GetType().Name}: {ex.Message}";
            if (attempt >= options.MaxAttempts)
            {
                Log.JobParked(_logger, ex, job.Id, attempt, options.MaxAttempts);
                using (var call = telemetry.StartStoreCall(store, "park"))
                {
                    await call.Track(outbox.ParkAsync(job.Id, workerId, failure, CancellationToken.None)).ConfigureAwait(false);
                }

                telemetry.Parked.Add(1);
                return false;
            }

            var retryAt = time.GetUtcNow() + Backoff(job.Attempts, options);
            Log.JobFailed(_logger, ex, job.Id, attempt, retryAt);
            using (var call = telemetry.StartStoreCall(store, "release"))
            {
                await call.Track(outbox.ReleaseAsync(job.Id, workerId, failure, retryAt, CancellationToken.None)).ConfigureAwait(false);
            }

            return false;
        }

        bool completed;
        using (var call = telemetry.StartStoreCall(store, "complete"))
        {
            completed = await call.Track(outbox.CompleteAsync(job.Id, workerId, CancellationToken.None)).ConfigureAwait(false);
        }

        if (!completed)
        {
            Log.LeaseLost(_logger, job.Id);
        }

        NoteFormed(job.Scope);
        return completed;
    }

    /// <summary>The delay before attempt <paramref name="attempts"/> + 1: base × 2^attempts, capped at the maximum.</summary>
    internal static TimeSpan Backoff(int attempts, FormationOptions options)
    {
        var factor = Math.Pow(2, Math.Clamp(attempts, 0, 30));
        var ticks = Math.Min(options.RetryBaseDelay.Ticks * factor, options.RetryMaxDelay.Ticks);
        return TimeSpan.FromTicks((long)ticks);
    }

    private async Task RecordQueueStatsAsync(CancellationToken cancellationToken)
    {
        if (!telemetry.ObservesQueue)
        {
            return;
        }

        telemetry.ObserveQueue(await outbox.GetStatsAsync(cancellationToken).ConfigureAwait(false));
    }
}
