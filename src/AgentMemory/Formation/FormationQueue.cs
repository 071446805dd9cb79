using AgentMemory.Telemetry;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace AgentMemory.Formation;

/// <summary>Queues formation jobs in the store's outbox, within <see cref="FormationOptions.QueueCapacity"/>.</summary>
internal sealed class FormationQueue : IDisposable
{
    private readonly IFormationOutbox _outbox;
    private readonly IMemoryStore _store;
    private readonly IFormationPump _pump;
    private readonly FormationSignals _signals;
    private readonly IOptionsMonitor<AgentMemoryOptions> _options;
    private readonly TimeProvider _time;
    private readonly AgentMemoryInstrumentation _telemetry;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _gate = new(1, 1);

    public FormationQueue(
        IFormationOutbox outbox,
        IMemoryStore store,
        IFormationPump pump,
        FormationSignals signals,
        IOptionsMonitor<AgentMemoryOptions> options,
        TimeProvider time,
        AgentMemoryInstrumentation telemetry,
        ILoggerFactory? loggerFactory = null)
    {
        _outbox = outbox;
        _store = store;
        _pump = pump;
        _signals = signals;
        _options = options;
        _time = time;
        _telemetry = telemetry;
        _logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger<FormationQueue>();
    }

    /// <summary>Queues <paramref name="job"/> durably; waits for room or throws <see cref="FormationQueueFullException"/> per options.</summary>
    public async Task EnqueueAsync(FormationJob job, int messageCount, CancellationToken cancellationToken)
    {
        var options = _options.CurrentValue.Formation;
        var deadline = _time.GetUtcNow() + options.QueueFullTimeout;

        // One enqueue at a time in this process, so concurrent callers cannot overshoot the capacity together.
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            while (true)
            {
                var stats = await _outbox.GetStatsAsync(cancellationToken).ConfigureAwait(false);
                if (stats.Pending + stats.InFlight < options.QueueCapacity)
                {
                    break;
                }

                if (_time.GetUtcNow() >= deadline)
                {
                    throw new FormationQueueFullException(
                        $"The memory formation queue holds {stats.Pending + stats.InFlight} jobs (capacity {options.QueueCapacity}); the conversation was not queued. Retry later, raise FormationOptions.QueueCapacity, or run more workers.")
                    { Component = "formation", Operation = "enqueue" };
                }

                if (_signals.WorkerRunning)
                {
                    // Back-pressure: wait for the worker to make room.
                    var poll = Task.Delay(TimeSpan.FromMilliseconds(50), _time, cancellationToken);
                    await Task.WhenAny(_signals.Progress, poll).ConfigureAwait(false);
                    cancellationToken.ThrowIfCancellationRequested();
                }
                else if (await _pump.RunOnceAsync(cancellationToken).ConfigureAwait(false) == 0)
                {
                    // No worker in this process: the caller makes room itself; nothing claimable means others hold the jobs.
                    await Task.WhenAny(_signals.Progress, Task.Delay(TimeSpan.FromMilliseconds(50), _time, cancellationToken)).ConfigureAwait(false);
                    cancellationToken.ThrowIfCancellationRequested();
                }
            }

            using (var call = _telemetry.StartStoreCall(_store, "enqueue"))
            {
                await call.Track(_outbox.EnqueueAsync(job, cancellationToken)).ConfigureAwait(false);
            }
        }
        finally
        {
            _gate.Release();
        }

        Log.JobQueued(_logger, job.Id, job.Scope.TenantId, messageCount);
        _signals.SignalEnqueued();
    }

    public void Dispose() => _gate.Dispose();
}
