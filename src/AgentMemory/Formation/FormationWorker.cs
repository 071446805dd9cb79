using Microsoft.Extensions.Hosting;

namespace AgentMemory.Formation;

/// <summary>
/// The hosted formation worker: processes the outbox whenever work is queued (and every
/// <see cref="FormationOptions.PollInterval"/>, for jobs queued by other processes or due for a retry), and runs the
/// TTL sweeper every <see cref="FormationOptions.SweepInterval"/> and a consolidation pass over the scopes that formed
/// memories every <see cref="ConsolidationOptions.Interval"/>. Disable it with <see cref="FormationOptions.RunHostedWorker"/>.
/// </summary>
internal sealed class FormationWorker : BackgroundService
{
    private readonly FormationPump _pump;
    private readonly FormationSignals _signals;
    private readonly IOptionsMonitor<AgentMemoryOptions> _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    public FormationWorker(FormationPump pump, FormationSignals signals, IOptionsMonitor<AgentMemoryOptions> options, TimeProvider time, ILoggerFactory? loggerFactory = null)
    {
        _pump = pump;
        _signals = signals;
        _options = options;
        _time = time;
        _logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger<FormationWorker>();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!_options.CurrentValue.Formation.RunHostedWorker)
        {
            return;
        }

        _signals.WorkerStarted();
        Log.WorkerStarted(_logger, _pump.WorkerId);
        try
        {
            var nextSweep = _time.GetUtcNow();
            var nextConsolidation = _time.GetUtcNow() + _options.CurrentValue.Consolidation.Interval;
            while (!stoppingToken.IsCancellationRequested)
            {
                var options = _options.CurrentValue.Formation;
                var wake = _signals.Enqueued;
                try
                {
                    if (_time.GetUtcNow() >= nextSweep)
                    {
                        nextSweep = _time.GetUtcNow() + options.SweepInterval;
                        await SweepAsync(stoppingToken).ConfigureAwait(false);
                    }

                    if (_time.GetUtcNow() >= nextConsolidation)
                    {
                        nextConsolidation = _time.GetUtcNow() + _options.CurrentValue.Consolidation.Interval;
                        await _pump.ConsolidateFormedScopesAsync(stoppingToken).ConfigureAwait(false);
                    }

                    if (await _pump.RunOnceAsync(stoppingToken).ConfigureAwait(false) > 0)
                    {
                        continue;
                    }
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    break;
                }
                catch (Exception ex)
                {
                    // The outbox itself failed (e.g. the database is down): keep going, the jobs are durable.
                    Log.WorkerError(_logger, ex, _pump.WorkerId);
                }

                await Task.WhenAny(wake, Task.Delay(options.PollInterval, _time, stoppingToken)).ConfigureAwait(false);
            }
        }
        finally
        {
            _signals.WorkerStopped();
        }
    }

    private async Task SweepAsync(CancellationToken cancellationToken)
    {
        try
        {
            await _pump.SweepExpiredAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Log.SweepFailed(_logger, ex);
        }
    }
}
