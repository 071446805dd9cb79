using System.Runtime.CompilerServices;

namespace AgentMemory.Storage.InMemory;

internal sealed partial class InMemoryMemoryStore
{
    /// <inheritdoc />
    public Task QuarantineAsync(QuarantinedMemory item, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        MemoryRecordValidator.ValidateQuarantined(item, _maxTextLength);
        _gate.EnterReadLock();
        try
        {
            var p = _partitions.GetOrAdd(item.Scope.Key, static (_, s) => new ScopePartition(s.Scope, s.Options), (item.Scope, Options: _options));
            p.Lock.EnterWriteLock();
            try
            {
                if (p.Quarantine.Exists(q => q.Id == item.Id))
                {
                    return Task.CompletedTask;
                }

                p.Quarantine.Add(item with { Scope = p.Scope });
                Audit(AuditAction.Blocked, p.Scope, item.At, [item.Id], item.Reason);
            }
            finally
            {
                p.Lock.ExitWriteLock();
            }
        }
        finally
        {
            _gate.ExitReadLock();
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<QuarantinedMemory> ListQuarantineAsync(MemoryScope scope, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var result = new List<QuarantinedMemory>();
        ReadCovered(scope, ScopeMatch.Within, p => result.AddRange(p.Quarantine));
        result.Sort(static (a, b) => a.At != b.At ? a.At.CompareTo(b.At) : a.Id.CompareTo(b.Id));
        foreach (var q in result)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return q;
        }

        await Task.CompletedTask.ConfigureAwait(false);
    }
}
