using System.Runtime.CompilerServices;

namespace AgentMemory.Storage.InMemory;

internal sealed partial class InMemoryMemoryStore
{
    private readonly Lock _auditLock = new();
    private readonly List<AuditEntry> _audit = [];
    private long _auditSequence;

    /// <inheritdoc />
    public Task AppendAuditAsync(AuditEntry entry, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        MemoryRecordValidator.ValidateAudit(entry);
        lock (_auditLock)
        {
            _audit.Add(entry with { Sequence = ++_auditSequence, MemoryIds = [.. entry.MemoryIds] });
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<AuditEntry> QueryAuditAsync(AuditQuery query, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(query.Scope, nameof(query));
        List<AuditEntry> result;
        lock (_auditLock)
        {
            result = _audit
                .Where(a => query.Scope.Contains(a.Scope)
                    && (query.From is null || a.At >= query.From)
                    && (query.To is null || a.At < query.To)
                    && (query.Actions is null || query.Actions.Contains(a.Action)))
                .Take(Math.Max(0, query.Limit))
                .ToList();
        }

        foreach (var a in result)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return a;
        }

        await Task.CompletedTask.ConfigureAwait(false);
    }

    private void PseudonymizeAudit(MemoryScope erased, MemoryScope auditScope)
    {
        lock (_auditLock)
        {
            for (var i = 0; i < _audit.Count; i++)
            {
                if (erased.Contains(_audit[i].Scope))
                {
                    _audit[i] = _audit[i] with { Scope = auditScope, QueryHash = null };
                }
            }
        }
    }

    private void Audit(AuditAction action, MemoryScope scope, DateTimeOffset at, List<Guid> ids, string? detail = null, string? queryHash = null, long count = 0)
    {
        lock (_auditLock)
        {
            _audit.Add(new AuditEntry
            {
                Sequence = ++_auditSequence,
                At = at,
                Action = action,
                Scope = scope,
                MemoryIds = ids,
                Detail = detail,
                QueryHash = queryHash,
                Count = count == 0 ? ids.Count : count,
            });
        }
    }
}
