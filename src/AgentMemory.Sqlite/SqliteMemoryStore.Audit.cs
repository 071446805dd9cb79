using System.Runtime.CompilerServices;

namespace AgentMemory.Sqlite;

public sealed partial class SqliteMemoryStore
{
    /// <inheritdoc />
    public Task AppendAuditAsync(AuditEntry entry, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        Storage.MemoryRecordValidator.ValidateAudit(entry);
        var ids = entry.MemoryIds ?? [];
        return RunAsync("append-audit", Transaction.Write, c =>
        {
            InsertAudit(c, entry.At, entry.Action, EnsureScope(c, entry.Scope), ids, entry.QueryHash, entry.Detail, entry.Count);
            return true;
        }, cancellationToken);
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<AuditEntry> QueryAuditAsync(AuditQuery query, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(query.Scope, nameof(query));
        await FlushAccessesAsync(cancellationToken).ConfigureAwait(false);
        var actions = query.Actions?.Select(a => (int)a).ToHashSet();
        await foreach (var entry in ReadRowsAsync(
            "query-audit",
            c =>
            {
                var cmd = c.Command(
                    "SELECT seq, at, action, scope_id, memory_ids, query_hash, detail, count FROM audit WHERE scope_id IN " + ScopeSql.Within
                    + " AND ($from IS NULL OR at >= $from) AND ($to IS NULL OR at < $to) ORDER BY seq");
                ScopeSql.BindWithin(cmd, query.Scope);
                cmd.Parameters.AddWithValue("$from", SqliteValues.ToDb(query.From));
                cmd.Parameters.AddWithValue("$to", SqliteValues.ToDb(query.To));
                return cmd;
            },
            (c, r) =>
            {
                var action = r.GetInt32(2);
                return actions is not null && !actions.Contains(action) ? null : new AuditEntry
                {
                    Sequence = r.GetInt64(0),
                    At = SqliteValues.ReadTime(r, 1),
                    Action = (AuditAction)action,
                    Scope = ScopeOf(c, r.GetInt64(3)),
                    MemoryIds = r.IsDBNull(4) ? [] : SqliteValues.BlobToIds(r.GetFieldValue<byte[]>(4)),
                    QueryHash = SqliteValues.ReadNullableString(r, 5),
                    Detail = SqliteValues.ReadNullableString(r, 6),
                    Count = r.GetInt64(7),
                };
            },
            Math.Max(0, query.Limit),
            cancellationToken).ConfigureAwait(false))
        {
            yield return entry;
        }
    }
}
