using System.Collections.Concurrent;

namespace AgentMemory.PostgreSql.Internal;

/// <summary>
/// Per-instance snapshots of scopes' vectors, keyed by <see cref="MemoryScope.Key"/>, bounded in scopes and in the
/// memories they hold together: beyond either bound the least recently used snapshots are dropped (never the one just
/// stored, which a search is using). Reads take no lock; stores and removals serialise on one.
/// </summary>
internal sealed class ScopeVectorCache(int maxScopes, long maxMemories)
{
    private readonly ConcurrentDictionary<string, ScopeSnapshot> _snapshots = new(StringComparer.Ordinal);
    private readonly Lock _sync = new();
    private long _clock;
    private long _memories;

    public int Count => _snapshots.Count;

    /// <summary>The memories the cached snapshots hold together.</summary>
    public long Memories => Interlocked.Read(ref _memories);

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
        lock (_sync)
        {
            if (_snapshots.TryGetValue(key, out var replaced))
            {
                Interlocked.Add(ref _memories, -replaced.Headers.Count);
            }

            _snapshots[key] = snapshot;
            Interlocked.Add(ref _memories, snapshot.Headers.Count);
            if (_snapshots.Count <= maxScopes && _memories <= maxMemories)
            {
                return;
            }

            // Over a bound: drop the least recently used until within both (at least a quarter of the scopes when the
            // count is the bound, so the sort stays rare).
            var target = _snapshots.Count > maxScopes ? Math.Max(0, maxScopes - Math.Max(1, maxScopes / 4)) : _snapshots.Count;
            foreach (var (victimKey, victim) in _snapshots.OrderBy(p => p.Value.LastUsed).ToList())
            {
                if (_snapshots.Count <= target && _memories <= maxMemories)
                {
                    break;
                }

                if (!ReferenceEquals(victim, snapshot) && _snapshots.TryRemove(new KeyValuePair<string, ScopeSnapshot>(victimKey, victim)))
                {
                    Interlocked.Add(ref _memories, -victim.Headers.Count);
                }
            }
        }
    }

    public void Remove(string key)
    {
        lock (_sync)
        {
            if (_snapshots.TryRemove(key, out var removed))
            {
                Interlocked.Add(ref _memories, -removed.Headers.Count);
            }
        }
    }

    /// <summary>Drops every snapshot of a scope within <paramref name="scope"/> (erasure).</summary>
    public void RemoveWithin(MemoryScope scope)
    {
        foreach (var key in _snapshots.Keys)
        {
            if (MemoryScope.TryParse(key, out var s) && scope.Contains(s))
            {
                Remove(key);
            }
        }
    }
}
