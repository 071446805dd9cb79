using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace AgentMemory.Telemetry;

/// <summary>The activity source and instruments of one AgentMemory container (a singleton).</summary>
internal sealed class AgentMemoryInstrumentation : IDisposable
{
    private readonly Meter _meter;
    private readonly bool _ownsMeter;
    private readonly TimeProvider _time;
    private QueueObservation? _queue;

    public AgentMemoryInstrumentation(IMeterFactory? meterFactory = null, TimeProvider? timeProvider = null)
    {
        _time = timeProvider ?? TimeProvider.System;
        ActivitySource = new ActivitySource(AgentMemoryTelemetry.SourceName);
        if (meterFactory is null)
        {
            _meter = new Meter(AgentMemoryTelemetry.SourceName);
            _ownsMeter = true;
        }
        else
        {
            _meter = meterFactory.Create(AgentMemoryTelemetry.SourceName);
        }

        RecallDuration = _meter.CreateHistogram<double>(AgentMemoryTelemetry.RecallDuration, "s", "Recall latency.");
        FormationDuration = _meter.CreateHistogram<double>(AgentMemoryTelemetry.FormationDuration, "s", "Memory formation latency.");
        QueueDepth = _meter.CreateObservableGauge(AgentMemoryTelemetry.QueueDepth, ObserveQueueDepth, "{job}", "Formation jobs pending or in flight, as last observed by the formation pump.");
        QueueAge = _meter.CreateObservableGauge(AgentMemoryTelemetry.QueueAge, ObserveQueueAge, "s", "Age of the oldest queued formation job.");
        TokenUsage = CreateAdvisedHistogram(AgentMemoryTelemetry.GenAiTokenUsage, "{token}", "Number of input and output tokens used.", SemanticConventions.TokenBuckets);
        ModelDuration = CreateAdvisedHistogram(AgentMemoryTelemetry.GenAiOperationDuration, "s", "GenAI operation duration.", SemanticConventions.ModelDurationBuckets);
        StoreDuration = CreateAdvisedHistogram(AgentMemoryTelemetry.DbOperationDuration, "s", "Duration of memory store operations.", SemanticConventions.DbDurationBuckets);
        Created = _meter.CreateCounter<long>(AgentMemoryTelemetry.MemoriesCreated, "{memory}", "Memories created.");
        Evicted = _meter.CreateCounter<long>(AgentMemoryTelemetry.MemoriesEvicted, "{memory}", "Memories evicted by the budget.");
        Expired = _meter.CreateCounter<long>(AgentMemoryTelemetry.MemoriesExpired, "{memory}", "Memories removed after their expiry.");
        Blocked = _meter.CreateCounter<long>(AgentMemoryTelemetry.MemoriesBlocked, "{memory}", "Candidates blocked by a guard.");
        Parked = _meter.CreateCounter<long>(AgentMemoryTelemetry.JobsParked, "{job}", "Formation jobs parked as failed.");
    }

    /// <summary>A histogram advising the semantic conventions' bucket boundaries.</summary>
    private Histogram<T> CreateAdvisedHistogram<T>(string name, string unit, string description, IReadOnlyList<T> buckets)
        where T : struct
        => _meter.CreateHistogram(name, unit, description, tags: null, new InstrumentAdvice<T> { HistogramBucketBoundaries = buckets });

    public ActivitySource ActivitySource { get; }

    public Meter Meter => _meter;

    public Histogram<double> RecallDuration { get; }

    public Histogram<double> FormationDuration { get; }

    public ObservableGauge<long> QueueDepth { get; }

    public ObservableGauge<double> QueueAge { get; }

    public Histogram<long> TokenUsage { get; }

    public Histogram<double> ModelDuration { get; }

    public Histogram<double> StoreDuration { get; }

    public Counter<long> Created { get; }

    public Counter<long> Evicted { get; }

    public Counter<long> Expired { get; }

    public Counter<long> Blocked { get; }

    public Counter<long> Parked { get; }

    /// <summary>Whether anyone listens to the formation queue gauges (so the pump reads the queue's statistics).</summary>
    public bool ObservesQueue => QueueDepth.Enabled || QueueAge.Enabled;

    /// <summary>Whether a model call is worth measuring: a span or a GenAI metric has a listener.</summary>
    public bool ObservesModelCalls => ActivitySource.HasListeners() || ModelDuration.Enabled || TokenUsage.Enabled;

    /// <summary>Starts an internal span named <c>agentmemory.{operation}</c> (null when nobody listens).</summary>
    public Activity? StartActivity(string operation, MemoryScope? scope = null, ActivityKind kind = ActivityKind.Internal)
    {
        var activity = ActivitySource.StartActivity("agentmemory." + operation, kind);
        if (activity is not null && scope is not null)
        {
            activity.SetTag("agentmemory.tenant", scope.TenantId);
        }

        return activity;
    }

    /// <summary>
    /// Starts measuring a store call: a client span named <paramref name="operation"/> with the database conventions'
    /// attributes, and <c>db.client.operation.duration</c> when it ends. Free (nothing allocated) when nobody listens.
    /// </summary>
    public StoreCall StartStoreCall(IMemoryStore store, string operation)
    {
        if (!StoreDuration.Enabled && !ActivitySource.HasListeners())
        {
            return default;
        }

        var activity = ActivitySource.StartActivity(operation, ActivityKind.Client);
        if (activity is not null)
        {
            activity.SetTag(SemanticConventions.DbSystemName, store.Name);
            activity.SetTag(SemanticConventions.DbOperationName, operation);
        }

        return new StoreCall(new StoreCallState(this, activity, store.Name, operation));
    }

    /// <summary>
    /// Starts measuring a model call under the GenAI conventions: a client span named
    /// <c>{operationName} {requestModel}</c>; <see cref="ModelCall.Succeeded"/> or <see cref="ModelCall.Failed"/> records
    /// the outcome and the metrics. Null when nobody listens.
    /// </summary>
    public ModelCall? StartModelCall(string operationName, string? providerName, string? requestModel, string purpose)
    {
        if (!ObservesModelCalls)
        {
            return null;
        }

        var activity = ActivitySource.StartActivity(requestModel is null ? operationName : operationName + " " + requestModel, ActivityKind.Client);
        if (activity is not null)
        {
            activity.SetTag(SemanticConventions.GenAiOperationName, operationName);
            activity.SetTag(SemanticConventions.GenAiProviderName, providerName);
            activity.SetTag(SemanticConventions.GenAiRequestModel, requestModel);
            activity.SetTag(AgentMemoryTelemetry.OperationAttribute, purpose);
        }

        return new ModelCall(this, activity, operationName, providerName, requestModel, purpose);
    }

    /// <summary>Wraps <paramref name="chatClient"/> so its calls are measured under the GenAI conventions, for <paramref name="purpose"/>.</summary>
    public IChatClient Instrument(IChatClient chatClient, string purpose) => new InstrumentedChatClient(chatClient, this, purpose);

    /// <summary>Wraps <paramref name="generator"/> so its calls are measured under the GenAI conventions, for <paramref name="purpose"/>.</summary>
    public IEmbeddingGenerator<string, Embedding<float>> Instrument(IEmbeddingGenerator<string, Embedding<float>> generator, string purpose)
        => new InstrumentedEmbeddingGenerator(generator, this, purpose);

    /// <summary>Counts one blocked candidate with its low-cardinality category (the reason's prefix before <c>:</c>) and guard.</summary>
    public void RecordBlocked(string? reason, string guard)
    {
        if (Blocked.Enabled)
        {
            Blocked.Add(1, new KeyValuePair<string, object?>(AgentMemoryTelemetry.BlockReasonAttribute, BlockCategory(reason)), new KeyValuePair<string, object?>(AgentMemoryTelemetry.GuardAttribute, guard));
        }
    }

    /// <summary>Keeps the queue statistics the formation pump read, for the queue gauges.</summary>
    public void ObserveQueue(FormationQueueStats stats)
        => Volatile.Write(ref _queue, new QueueObservation(stats.Pending + stats.InFlight, stats.OldestEnqueuedAt));

    /// <summary>Marks a span as failed.</summary>
    public static void SetError(Activity? activity, Exception exception)
    {
        activity?.SetStatus(ActivityStatusCode.Error, exception.GetType().Name);
        activity?.SetTag(SemanticConventions.ErrorType, exception.GetType().FullName);
    }

    public void Dispose()
    {
        ActivitySource.Dispose();
        if (_ownsMeter)
        {
            _meter.Dispose();
        }
    }

    /// <summary>The category of a guard's reason: <c>poisoning</c> of "poisoning:exfiltration", else <c>other</c>.</summary>
    internal static string BlockCategory(string? reason)
    {
        var colon = reason?.IndexOf(':', StringComparison.Ordinal) ?? -1;
        if (reason is null || colon <= 0 || colon > 32)
        {
            return "other";
        }

        var category = reason.AsSpan(0, colon);
        foreach (var c in category)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not '-' and not '_' and not '.')
            {
                return "other";
            }
        }

        return category.ToString();
    }

    private IEnumerable<Measurement<long>> ObserveQueueDepth()
        => Volatile.Read(ref _queue) is { } q ? [new Measurement<long>(q.Depth)] : [];

    private IEnumerable<Measurement<double>> ObserveQueueAge()
    {
        if (Volatile.Read(ref _queue) is not { } q)
        {
            return [];
        }

        var age = q.OldestEnqueuedAt is { } oldest ? Math.Max(0, (_time.GetUtcNow() - oldest).TotalSeconds) : 0;
        return [new Measurement<double>(age)];
    }

    private sealed record QueueObservation(long Depth, DateTimeOffset? OldestEnqueuedAt);
}
