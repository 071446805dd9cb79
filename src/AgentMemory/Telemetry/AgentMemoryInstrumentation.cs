using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace AgentMemory.Telemetry;

/// <summary>The activity source and instruments of one AgentMemory container (a singleton).</summary>
internal sealed class AgentMemoryInstrumentation : IDisposable
{
    private readonly Meter _meter;
    private readonly bool _ownsMeter;

    public AgentMemoryInstrumentation(IMeterFactory? meterFactory = null)
    {
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
        QueueDepth = _meter.CreateHistogram<long>(AgentMemoryTelemetry.QueueDepth, "{job}", "Formation jobs pending or in flight.");
        QueueAge = _meter.CreateHistogram<double>(AgentMemoryTelemetry.QueueAge, "s", "Age of the oldest queued formation job.");
        ModelTokens = _meter.CreateHistogram<long>(AgentMemoryTelemetry.ModelTokens, "{token}", "Model tokens used.");
        Created = _meter.CreateCounter<long>(AgentMemoryTelemetry.MemoriesCreated, "{memory}", "Memories created.");
        Evicted = _meter.CreateCounter<long>(AgentMemoryTelemetry.MemoriesEvicted, "{memory}", "Memories evicted by the budget.");
        Expired = _meter.CreateCounter<long>(AgentMemoryTelemetry.MemoriesExpired, "{memory}", "Memories removed after their expiry.");
        Blocked = _meter.CreateCounter<long>(AgentMemoryTelemetry.MemoriesBlocked, "{memory}", "Candidates blocked by a guard.");
        Parked = _meter.CreateCounter<long>(AgentMemoryTelemetry.JobsParked, "{job}", "Formation jobs parked as failed.");
    }

    public ActivitySource ActivitySource { get; }

    public Meter Meter => _meter;

    public Histogram<double> RecallDuration { get; }

    public Histogram<double> FormationDuration { get; }

    public Histogram<long> QueueDepth { get; }

    public Histogram<double> QueueAge { get; }

    public Histogram<long> ModelTokens { get; }

    public Counter<long> Created { get; }

    public Counter<long> Evicted { get; }

    public Counter<long> Expired { get; }

    public Counter<long> Blocked { get; }

    public Counter<long> Parked { get; }

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

    /// <summary>Starts a span around a store call, tagged with OpenTelemetry's database attributes.</summary>
    public Activity? StartStoreActivity(IMemoryStore store, string operation)
    {
        var activity = ActivitySource.StartActivity("agentmemory.store." + operation, ActivityKind.Client);
        activity?.SetTag("db.system.name", store.Name);
        activity?.SetTag("db.operation.name", operation);
        return activity;
    }

    /// <summary>Records model token usage for an operation (extract, reconcile, embed, expand).</summary>
    public void RecordTokens(string operation, long? inputTokens, long? outputTokens)
    {
        if (!ModelTokens.Enabled)
        {
            return;
        }

        if (inputTokens is { } input)
        {
            ModelTokens.Record(input, new KeyValuePair<string, object?>("gen_ai.operation.name", operation), new KeyValuePair<string, object?>("gen_ai.token.type", "input"));
        }

        if (outputTokens is { } output)
        {
            ModelTokens.Record(output, new KeyValuePair<string, object?>("gen_ai.operation.name", operation), new KeyValuePair<string, object?>("gen_ai.token.type", "output"));
        }
    }

    /// <summary>Marks a span as failed.</summary>
    public static void SetError(Activity? activity, Exception exception)
    {
        activity?.SetStatus(ActivityStatusCode.Error, exception.GetType().Name);
        activity?.SetTag("error.type", exception.GetType().FullName);
    }

    public void Dispose()
    {
        ActivitySource.Dispose();
        if (_ownsMeter)
        {
            _meter.Dispose();
        }
    }
}
