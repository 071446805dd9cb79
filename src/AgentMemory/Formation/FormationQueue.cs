namespace AgentMemory.Formation;

/// <summary>Queues formation jobs in the store's outbox, within <see cref="FormationOptions.QueueCapacity"/>.</summary>
internal sealed class FormationQueue(
    IFormationOutbox outbox, IMemoryStore store, IFormationPump pump, FormationSignals signals,
    IOptionsMonitor<AgentMemoryOptions> optionsMonitor, TimeProvider time, AgentMemoryInstrumentation telemetry,
    ILoggerFactory? loggerFactory = null) : IDisposable
{
    private readonly ILogger _logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger<FormationQueue>();
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>Queues <paramref name="job"/> durably; waits for room or throws <see cref="FormationQueueFullException"/> per options.</summary>
    public async Task EnqueueAsync(FormationJob job, int messageCount, CancellationToken cancellationToken)
    {
        var options = optionsMonitor.CurrentValue.Formation;
        var deadline = time.GetUtcNow() + options.QueueFullTimeout;

        // One enqueue at a time in this process, so concurrent callers cannot overshoot the capacity together.
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            while (true)
            {
                var stats = await outbox.GetStatsAsync(cancellationToken).ConfigureAwait(false);
                if (stats.Pending + stats.InFlight < options.QueueCapacity)
                {
                    break;
                }

                if (time.GetUtcNow() >= deadline)
                {
                    throw new FormationQueueFullException(
                        $"The memory formation queue holds {stats.Pending + stats.InFlight} jobs (capacity {options.QueueCapacity}); the conversation was not queued. Retry later, raise FormationOptions.QueueCapacity, or run more workers.")
                    { Component = "formation", Operation = "enqueue" };
                }

                if (signals.WorkerRunning)
                {
                    // Back-pressure: wait for the worker to make room.
                    var poll = Task.Delay(TimeSpan.FromMilliseconds(50), time, cancellationToken);
                    await Task.WhenAny(signals.Progress, poll).ConfigureAwait(false);
                    cancellationToken.ThrowIfCancellationRequested();
                }
                else if (await pump.RunOnceAsync(cancellationToken).ConfigureAwait(false) == 0)
                {
                    // No worker in this process: the caller makes room itself; nothing claimable means others hold the jobs.
                    await Task.WhenAny(signals.Progress, Task.Delay(TimeSpan.FromMilliseconds(50), time, cancellationToken)).ConfigureAwait(false);
                    cancellationToken.ThrowIfCancellationRequested();
                }
            }

            using (var call = telemetry.StartStoreCall(store, "enqueue"))
            {
                await call.Track(outbox.EnqueueAsync(job, cancellationToken)).ConfigureAwait(false);
            }
        }
        finally
        {
            _gate.Release();
        }

        Log.JobQueued(_logger, job.Id, job.Scope.TenantId, messageCount);
        signals.SignalEnqueued();
    }

    public void Dispose() => _gate.Dispose();
}
