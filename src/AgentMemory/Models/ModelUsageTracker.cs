using System.Collections.Concurrent;

namespace AgentMemory.Models;

/// <summary>
/// The default <see cref="IModelUsageTracker"/>: lock-free counters per (scope, operation). (The meter's
/// <c>gen_ai.client.token.usage</c> histogram is recorded by AgentMemory's instrumented model clients, without scopes:
/// their number is unbounded; read a scope's usage with <see cref="GetUsage(MemoryScope)"/>.)
/// The per-scope counters are bounded: beyond <see cref="DefaultMaxTrackedKeys"/> (scope, operation) pairs, usage of a
/// new scope is counted under its tenant (<see cref="MemoryScope.TenantShared"/>), and beyond twice that under no scope,
/// so tenant and total figures stay exact while a long-running host meets ever new users and sessions.
/// </summary>
internal sealed class ModelUsageTracker : IModelUsageTracker
{
    /// <summary>How many (scope, operation) pairs are counted separately by default (≈ 100–200 bytes each).</summary>
    public const int DefaultMaxTrackedKeys = 100_000;

    private readonly ConcurrentDictionary<(MemoryScope? Scope, string Operation), Counters> _counters = new();
    private readonly int _maxKeys;

    /// <summary>Creates a tracker.</summary>
    /// <param name="maxTrackedKeys">How many (scope, operation) pairs are counted separately before usage is folded into tenants.</param>
    public ModelUsageTracker(int maxTrackedKeys = DefaultMaxTrackedKeys)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxTrackedKeys);
        _maxKeys = maxTrackedKeys;
    }

    /// <inheritdoc />
    public void Record(MemoryScope? scope, string operation, long? inputTokens, long? outputTokens)
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
