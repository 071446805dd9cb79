using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using AgentMemory.Context;
using AgentMemory.Formation;
using AgentMemory.Storage;

namespace AgentMemory.Pipeline;

/// <summary>The <see cref="IAgentMemory"/> facade: formation through the queue or inline, recall, context, records, compliance.</summary>
internal sealed partial class AgentMemoryService(
    IMemoryStore store, FormationPipeline pipeline, FormationQueue queue, IFormationPump pump,
    IFormationOutbox outbox, FormationSignals signals, IServiceProvider services, MemoryContextRenderer renderer,
    EmbeddingService embeddings, IOptionsMonitor<AgentMemoryOptions> options, TimeProvider timeProvider,
    AgentMemoryInstrumentation telemetry, ILoggerFactory? loggerFactory = null) : IAgentMemory
{
    private readonly IOptionsMonitor<AgentMemoryOptions> _options = ReadOnce(options);
    private readonly ILogger _logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger<AgentMemoryService>();

    /// <summary>How often a wait re-reads a job worked on elsewhere (the local worker's progress wakes it at once).</summary>
    private static readonly TimeSpan WaitPoll = TimeSpan.FromMilliseconds(50);

    private readonly Lock _enqueueLock = new();
    private DateTimeOffset _lastEnqueuedAt;

    /// <summary>Reads the options once, so invalid options fail when the service is created even where no host runs ValidateOnStart.</summary>
    private static IOptionsMonitor<AgentMemoryOptions> ReadOnce(IOptionsMonitor<AgentMemoryOptions> options)
    {
        _ = options.CurrentValue;
        return options;
    }

    public async Task<RememberReceipt> RememberAsync(MemoryScope scope, IEnumerable<ChatMessage> messages, RememberOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(messages);
        var list = messages.ToList();
        if (list.Any(m => m is null))
        {
            throw new ArgumentException("The messages must not contain null.", nameof(messages));
        }

        list = [.. InputHygiene.Repair(list)];
        if (options?.Metadata is { } rememberMetadata)
        {
            MemoryRecordValidator.ValidateMetadata(rememberMetadata);
        }

        using var activity = telemetry.StartActivity("remember", scope);
        var jobId = Guid.CreateVersion7(timeProvider.GetUtcNow());
        var time = options?.ConversationTime ?? timeProvider.GetUtcNow();
        var mode = options?.Mode ?? _options.CurrentValue.Formation.Mode;
        activity?.SetTag("agentmemory.formation.mode", mode.ToString());
        if (list.Count == 0)
        {
            return new RememberReceipt(jobId, false, []) { Mode = mode };
        }

        try
        {
            if (mode == FormationMode.Inline)
            {
                var outcomes = await pipeline.FormAsync(new FormationWork(jobId, scope, list, time, options?.Metadata), cancellationToken).ConfigureAwait(false);
                return new RememberReceipt(jobId, false, outcomes) { Mode = mode, MessageCount = list.Count };
            }

            var job = new FormationJob
            {
                Id = jobId,
                Scope = scope,
                Payload = FormationPayload.Serialize(list, time, options?.Metadata),
                EnqueuedAt = NextEnqueueTime(),
            };
            await queue.EnqueueAsync(job, list.Count, cancellationToken).ConfigureAwait(false);
            return new RememberReceipt(jobId, true, []) { Mode = mode, MessageCount = list.Count, QueuedAt = job.EnqueuedAt };
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            AgentMemoryInstrumentation.SetError(activity, ex);
            throw;
        }
    }

    public async Task<FormationOutcome> SaveAsync(MemoryScope scope, MemoryCandidate candidate, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(candidate);
        candidate = InputHygiene.Prepare(candidate);
        using var activity = telemetry.StartActivity("save", scope);
        var started = Stopwatch.GetTimestamp();
        try
        {
            return await pipeline.ProcessCandidateAsync(scope, candidate, Guid.CreateVersion7(timeProvider.GetUtcNow()), new GuardContext(scope, []), throwOnInvalid: true, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            telemetry.FormationDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds);
        }
    }

    public async Task<IReadOnlyList<FormationOutcome>> SaveAsync(MemoryScope scope, IReadOnlyList<MemoryCandidate> candidates, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(candidates);
        var prepared = new MemoryCandidate[candidates.Count];
        var ids = new Guid[candidates.Count];
        for (var i = 0; i < prepared.Length; i++)
        {
            if (candidates[i] is not { } candidate)
            {
                throw new ArgumentException($"The candidates must not contain null (index {i}).", nameof(candidates));
            }

            prepared[i] = InputHygiene.Prepare(candidate);
            ids[i] = Guid.CreateVersion7(timeProvider.GetUtcNow());
        }

        if (prepared.Length == 0)
        {
            return [];
        }

        using var activity = telemetry.StartActivity("save", scope);
        activity?.SetTag("agentmemory.candidates", prepared.Length);
        var started = Stopwatch.GetTimestamp();
        try
        {
            return await pipeline.ProcessCandidatesAsync(scope, prepared, ids, new GuardContext(scope, []), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            AgentMemoryInstrumentation.SetError(activity, ex);
            throw;
        }
        finally
        {
            telemetry.FormationDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds);
        }
    }

    public async Task<IReadOnlyList<MemoryHit>> RecallAsync(RecallRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        request = InputHygiene.Prepare(request);
        var retriever = services.GetService<IRetriever>()
            ?? throw new InvalidOperationException("No IRetriever is registered. AddAgentMemory registers the hybrid retriever by default; register one with services.AddSingleton<IRetriever, …>().");

        using var activity = telemetry.StartActivity("recall", request.Scope);
        var started = Stopwatch.GetTimestamp();
        try
        {
            var hits = await retriever.RetrieveAsync(request, cancellationToken).ConfigureAwait(false);
            activity?.SetTag("agentmemory.hits", hits.Count);
            if (hits.Count > 0)
            {
                using (var call = telemetry.StartStoreCall(store, "record_access"))
                {
                    await call.Track(store.RecordAccessAsync(request.Scope, hits.Select(h => h.Record.Id).ToList(), QueryHash(request.Query), cancellationToken)).ConfigureAwait(false);
                }
            }

            var elapsed = Stopwatch.GetElapsedTime(started).TotalSeconds;
            telemetry.RecallDuration.Record(elapsed);
            Log.Recalled(_logger, hits.Count, elapsed);
            return hits;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            AgentMemoryInstrumentation.SetError(activity, ex);
            throw;
        }
    }

    public async Task<MemoryContext> BuildContextAsync(RecallRequest request, int? tokenBudget = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var budget = tokenBudget ?? _options.CurrentValue.Context.TokenBudget;
        ArgumentOutOfRangeException.ThrowIfNegative(budget, nameof(tokenBudget));
        var hits = await RecallAsync(request, cancellationToken).ConfigureAwait(false);
        return renderer.Render(hits, budget);
    }

    public async Task FlushAsync(CancellationToken cancellationToken = default)
    {
        using var activity = telemetry.StartActivity("flush");
        await pump.DrainAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<FormationJobResult> WaitForFormationAsync(Guid jobId, CancellationToken cancellationToken = default)
    {
        using var activity = telemetry.StartActivity("wait");
        activity?.SetTag("agentmemory.job.id", jobId.ToString());
        while (true)
        {
            var progress = signals.Progress; // taken before the read, so progress made after it wakes the wait below
            FormationJob? job;
            using (var call = telemetry.StartStoreCall(store, "get_job"))
            {
                job = await call.Track(outbox.GetJobAsync(jobId, cancellationToken)).ConfigureAwait(false);
            }

            if (job is null)
            {
                return new FormationJobResult(jobId, FormationJobStatus.Completed);
            }

            if (job.FailedAt is not null)
            {
                return new FormationJobResult(jobId, FormationJobStatus.Failed, job.Attempts, job.LastError);
            }

            if (!signals.WorkerRunning)
            {
                // No worker in this process: do the work here, as FlushAsync does (it ends with every job completed or parked).
                await pump.DrainAsync(cancellationToken).ConfigureAwait(false);
                continue;
            }

            await Task.WhenAny(progress, Task.Delay(WaitPoll, timeProvider, cancellationToken)).ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
        }
    }

    /// <summary>
    /// A strictly increasing enqueue time (by at least 1 µs, the precision of durable stores' timestamps), so jobs of one
    /// scope queued in the same clock tick are still claimed in the order they were remembered.
    /// </summary>
    private DateTimeOffset NextEnqueueTime()
    {
        lock (_enqueueLock)
        {
            var now = timeProvider.GetUtcNow();
            _lastEnqueuedAt = now > _lastEnqueuedAt ? now : _lastEnqueuedAt.AddTicks(TimeSpan.TicksPerMicrosecond);
            return _lastEnqueuedAt;
        }
    }

    /// <summary>The SHA-256 of the query (hex), recorded in the audit trail instead of the query text.</summary>
    internal static string QueryHash(string query) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(query)));
}
