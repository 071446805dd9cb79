using System.Collections.Concurrent;

namespace AgentMemory.Storage;

/// <summary>
/// A durable store's per-process cache of <see cref="ScopeIndex"/>es, keyed by the store's scope key, bounded in scopes
/// and in the memories they hold together: beyond either bound the least recently used are dropped (never those a
/// search is using). Each index is checked against the generation the store read for its scope and reloaded by the
/// store when it differs, so writes of other processes or instances are seen on the next search.
/// </summary>
/// <typeparam name="TKey">The store's key of a scope (a row id, a scope key).</typeparam>
internal sealed class ScopeIndexCache<TKey>
    where TKey : notnull
{
    private readonly ConcurrentDictionary<TKey, ScopeIndex> _indexes;
    private readonly Func<MemoryScope, ScopeIndex> _create;
    private readonly int _maxScopes;
    private readonly long _maxMemories;
    private long _clock;
    private int _grew;

    /// <param name="maxScopes">The most scopes cached.</param>
    /// <param name="maxMemories">The most memories the cached scopes hold together.</param>
    /// <param name="create">Makes an empty index for a scope (the store's vector options).</param>
    /// <param name="comparer">Compares keys (default: the type's).</param>
    public ScopeIndexCache(int maxScopes, long maxMemories, Func<MemoryScope, ScopeIndex> create, IEqualityComparer<TKey>? comparer = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxScopes);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxMemories);
        _maxScopes = maxScopes;
        _maxMemories = maxMemories;
        _create = create;
        _indexes = new ConcurrentDictionary<TKey, ScopeIndex>(comparer);
    }

    public int Count => _indexes.Count;

    /// <summary>The memories the cached indexes hold together (read without their locks: off by a racing write at most).</summary>
    public long Memories => Totals().Memories;

    /// <summary>
    /// The index of <paramref name="scope"/>, current at <paramref name="generation"/>: when it holds another generation
    /// it is emptied and <paramref name="load"/> refills it (under its write lock) before it is returned.
    /// </summary>
    public ScopeIndex Acquire<TState>(TKey key, MemoryScope scope, long generation, Action<ScopeIndex, TState> load, TState state)
    {
        var index = _indexes.GetOrAdd(key, static (_, s) => s.Create(s.Scope), (Create: _create, Scope: scope));
        if (index.Generation != generation)
        {
            index.Lock.EnterWriteLock();
            try
            {
                if (index.Generation != generation)
                {
                    index.Clear();
                    load(index, state);
                    index.Generation = generation;
                    Volatile.Write(ref _grew, 1);
                }
            }
            finally
            {
                index.Lock.ExitWriteLock();
            }
        }

        index.LastUsed = Interlocked.Increment(ref _clock);
        return index;
    }

    /// <summary>
    /// After this process committed a change that moved a scope to <paramref name="generation"/>: applies it to the
    /// cached index when that index was current just before, or marks the index for reload when it missed a change.
    /// </summary>
    public void Apply(TKey key, long generation, Action<ScopeIndex> apply)
    {
        if (!_indexes.TryGetValue(key, out var index))
        {
            return;
        }

        index.Lock.EnterWriteLock();
        try
        {
            if (index.Generation == generation - 1)
            {
                apply(index);
                index.Generation = generation;
                Volatile.Write(ref _grew, 1);
            }
            else if (index.Generation < generation)
            {
                index.Generation = -1;
            }
        }
        finally
        {
            index.Lock.ExitWriteLock();
        }
    }

    public bool TryGet(TKey key, out ScopeIndex index) => _indexes.TryGetValue(key, out index!);

    /// <summary>Caches <paramref name="index"/> for <paramref name="key"/>, replacing any other.</summary>
    public void Set(TKey key, ScopeIndex index)
    {
        index.LastUsed = Interlocked.Increment(ref _clock);
        _indexes[key] = index;
        Volatile.Write(ref _grew, 1);
    }

    public void Remove(TKey key) => _indexes.TryRemove(key, out _);

    /// <summary>Drops every index whose scope <paramref name="drop"/> selects (erasure).</summary>
    public void RemoveWhere(Func<ScopeIndex, bool> drop)
    {
        foreach (var (key, index) in _indexes)
        {
            if (drop(index))
            {
                _indexes.TryRemove(new KeyValuePair<TKey, ScopeIndex>(key, index));
            }
        }
    }

    public void Clear() => _indexes.Clear();

    /// <summary>
    /// Drops the least recently used indexes (never those in <paramref name="inUse"/>) while they hold more than the
    /// memory bound together, and a quarter of the scope bound's worth once there are more scopes than it.
    /// </summary>
    /// <remarks>
    /// Called after every search, so it counts only when the cache may have grown since it last counted (a load, a
    /// <see cref="Set"/>, an applied change), and on every 64th use otherwise; counting walks every cached index, which at
    /// 1,000 cached scopes cost more than a warm search of a small scope.
    /// </remarks>
    public void Trim(IReadOnlyCollection<ScopeIndex> inUse)
    {
        if (Volatile.Read(ref _grew) == 0 && (Volatile.Read(ref _clock) & 63) != 0)
        {
            return;
        }

        Volatile.Write(ref _grew, 0); // written only when set: a write per search would bounce the line between cores

        var (scopes, memories) = Totals();
        if (scopes <= _maxScopes && memories <= _maxMemories)
        {
            return;
        }

        // Over the scope bound, drop a quarter of the scopes at once, so the sort stays rare.
        var target = scopes > _maxScopes ? Math.Max(0, _maxScopes - Math.Max(1, _maxScopes / 4)) : scopes;
        foreach (var (key, victim) in _indexes.Where(p => !inUse.Contains(p.Value)).OrderBy(p => p.Value.LastUsed).ToList())
        {
            if (scopes <= target && memories <= _maxMemories)
            {
                break;
            }

            if (_indexes.TryRemove(new KeyValuePair<TKey, ScopeIndex>(key, victim)))
            {
                scopes--;
                memories -= victim.Records.Count;
            }
        }
    }

    /// <summary>
    /// The cached scopes and the memories they hold, in one walk of the dictionary's lock-free enumerator (its
    /// <c>Count</c> and <c>Values</c> take every bucket lock, and <c>Values</c> copies).
    /// </summary>
    private (int Scopes, long Memories) Totals()
    {
        var scopes = 0;
        long memories = 0;
        foreach (var pair in _indexes)
        {
            scopes++;
            memories += pair.Value.Records.Count;
        }

        return (scopes, memories);
    }
}
