using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace AgentMemory.Models;

/// <summary>
/// The default <see cref="IModelUsageTracker"/>: lock-free counters per (scope, operation) and a histogram on the
/// <c>AgentMemory</c> meter tagged <c>gen_ai.operation.name</c>, <c>gen_ai.token.type</c> and <c>agentmemory.tenant</c>
/// (users are not a metric attribute: their number is unbounded; read them with <see cref="GetUsage(MemoryScope)"/>).
/// The per-scope counters are bounded: beyond <see cref="DefaultMaxTrackedKeys"/> (scope, operation) pairs, usage of a
/// new scope is counted under its tenant (<see cref="MemoryScope.TenantShared"/>), and beyond twice that under no scope,
/// so tenant and total figures stay exact while a long-running host meets ever new users and sessions.
/// </summary>
public sealed class ModelUsageTracker : IModelUsageTracker, IDisposable
{
    /// <summary>The meter's name.</summary>
    public const string MeterName = "AgentMemory";

    /// <summary>The token histogram's name.</summary>
    public const string TokensInstrument = "agentmemory.model.tokens";

    /// <summary>How many (scope, operation) pairs are counted separately by default (≈ 100–200 bytes each).</summary>
    public const int DefaultMaxTrackedKeys = 100_000;

    private readonly ConcurrentDictionary<(MemoryScope? Scope, string Operation), Counters> _counters = new();
    private readonly int _maxKeys;
    private readonly Meter _meter;
    private readonly bool _ownsMeter;
    private readonly Histogram<long> _tokens;

    /// <summary>Creates a tracker whose meter comes from <paramref name="meterFactory"/> (or is its own when null).</summary>
    /// <param name="meterFactory">The meter factory, or null for a meter of its own.</param>
    /// <param name="maxTrackedKeys">How many (scope, operation) pairs are counted separately before usage is folded into tenants.</param>
    public ModelUsageTracker(IMeterFactory? meterFactory = null, int maxTrackedKeys = DefaultMaxTrackedKeys)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxTrackedKeys);
        _maxKeys = maxTrackedKeys;
        if (meterFactory is null)
        {
            _meter = new Meter(MeterName);
            _ownsMeter = true;
        }
        else
        {
            _meter = meterFactory.Create(MeterName);
        }

        _tokens = _meter.CreateHistogram<long>(TokensInstrument, "{token}", "Model tokens used.");
    }

    /// <inheritdoc />
    public void Record(MemoryScope? scope, string operation, long? inputTokens, long? outputTokens)
    {
        Count(scope, operation, inputTokens, outputTokens);
        if (!_tokens.Enabled)
        {
            return;
        }

        var tenant = new KeyValuePair<string, object?>("agentmemory.tenant", scope?.TenantId);
        var op = new KeyValuePair<string, object?>("gen_ai.operation.name", operation);
        if (inputTokens is { } input)
        {
            _tokens.Record(input, op, new KeyValuePair<string, object?>("gen_ai.token.type", "input"), tenant);
        }

        if (outputTokens is { } output)
        {
            _tokens.Record(output, op, new KeyValuePair<string, object?>("gen_ai.token.type", "output"), tenant);
        }
    }

    /// <inheritdoc />
    public void Count(MemoryScope? scope, string operation, long? inputTokens, long? outputTokens)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(operation);
        if (!_counters.TryGetValue((scope, operation), out var counters))
        {
            if (_counters.Count >= _maxKeys && scope is not null)
            {
                // Over the bound: count under the tenant, or (over twice the bound) under no scope.
                scope = _counters.Count < 2 * (long)_maxKeys ? MemoryScope.TenantShared(scope.TenantId) : null;
            }

            counters = _counters.GetOrAdd((scope, operation), static _ => new Counters());
        }

        Interlocked.Increment(ref counters.Calls);
        Interlocked.Add(ref counters.Input, Math.Max(0, inputTokens ?? 0));
        Interlocked.Add(ref counters.Output, Math.Max(0, outputTokens ?? 0));
    }

    /// <inheritdoc />
    public ModelUsage GetUsage(MemoryScope scope) => Sum(scope, null);

    /// <inheritdoc />
    public ModelUsage GetUsage(MemoryScope scope, string operation)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(operation);
        return Sum(scope, operation);
    }

    /// <inheritdoc />
    public ModelUsage GetTotal()
    {
        var total = default(ModelUsage);
        foreach (var pair in _counters)
        {
            total += pair.Value.Snapshot();
        }

        return total;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (_ownsMeter)
        {
            _meter.Dispose();
        }
    }

    private ModelUsage Sum(MemoryScope scope, string? operation)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var total = default(ModelUsage);
        foreach (var pair in _counters)
        {
            if (pair.Key.Scope is { } owner && scope.Contains(owner)
                && (operation is null || string.Equals(pair.Key.Operation, operation, StringComparison.Ordinal)))
            {
                total += pair.Value.Snapshot();
            }
        }

        return total;
    }

    private sealed class Counters
    {
        public long Calls;
        public long Input;
        public long Output;

        public ModelUsage Snapshot() => new(Volatile.Read(ref Calls), Volatile.Read(ref Input), Volatile.Read(ref Output));
    }
}
