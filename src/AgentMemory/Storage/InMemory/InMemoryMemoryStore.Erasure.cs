using System.Runtime.CompilerServices;

namespace AgentMemory.Storage.InMemory;

internal sealed partial class InMemoryMemoryStore
{
    /// <inheritdoc />
    public Task<ErasureReceipt> EraseAsync(MemoryScope scope, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        ArgumentNullException.ThrowIfNull(scope);
        long records = 0, history = 0, quarantined = 0, jobs;
        var now = _time.GetUtcNow();
        var auditScope = MemoryErasure.CreateAuditScope(scope);
        _gate.EnterWriteLock();
        try
        {
            foreach (var p in _partitions.Values.Where(p => scope.Contains(p.Scope)).ToList())
            {
                records += p.Records.Count;
                history += p.HistoryCount;
                quarantined += p.Quarantine.Count;
                foreach (var id in p.Records.Keys)
                {
                    _ids.TryRemove(new KeyValuePair<Guid, string>(id, p.Scope.Key));
                }

                _partitions.TryRemove(p.Scope.Key, out _);
                p.Index.Clear();
                p.History.Clear();
                p.Quarantine.Clear();
                p.Dispose();
            }

            jobs = RemoveJobs(scope);
            PseudonymizeAudit(scope, auditScope);
            Audit(AuditAction.Erased, auditScope, now, [], count: records);
        }
        finally
        {
            _gate.ExitWriteLock();
        }

        return Task.FromResult(new ErasureReceipt(scope, records, history, jobs, quarantined, now) { AuditScope = auditScope });
    }
}
