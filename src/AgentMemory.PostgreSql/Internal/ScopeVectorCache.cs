using System.Collections.Concurrent;

namespace AgentMemory.PostgreSql.Internal;

/// <summary>Per-instance snapshots of scopes' vectors, keyed by <see cref="MemoryScope.Key"/>, bounded in count.</summary>
internal sealed class ScopeVectorCache(int maxScopes)
{
    private readonly ConcurrentDictionary<string, ScopeSnapshot> _snapshots = new(StringComparer.Ordinal);
    private long _clock;

    public int Count => _snapshots.Count;

    public ScopeSnapshot? Get(string key)
    {
        if (_snapshots.TryGetValue(key, out var s))
        {
            s.LastUsed = Interlocked.Increment(ref _clock);
            return s;
        }

        return null;
    }

    public void Set(string key, ScopeSnapshot snapshot)
    {
        snapshot.LastUsed = Interlocked.Increment(ref _clock);
        _snapshots[key] = snapshot;
        if (_snapshots.Count > maxScopes)
        {
            // Evict the least recently used quarter; rare, so a sort is fine.
            foreach (var victim in _snapshots.OrderBy(p => p.Value.LastUsed).Take(Math.Max(1, maxScopes / 4)).ToList())
            {
                _snapshots.TryRemove(victim);
            }
        }
    }

    public void Remove(string key) => _snapshots.TryRemove(key, out _);

    /// <summary>Drops every snapshot of a scope within <paramref name="scope"/> (erasure).</summary>
    public void RemoveWithin(MemoryScope scope)
    {
        foreach (var key in _snapshots.Keys)
        {
            if (MemoryScope.TryParse(key, out var s) && scope.Contains(s))
            {
                _snapshots.TryRemove(key, out _);
            }
        }
    }
}
