using System.Runtime.CompilerServices;
using System.Text;

namespace AgentMemory.PostgreSql;

public sealed partial class PostgreSqlMemoryStore
{
    /// <inheritdoc />
    public async Task AppendAuditAsync(AuditEntry entry, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        MemoryRecordValidator.ValidateAudit(entry);
        entry = entry with { Detail = TextGuard.Clean(entry.Detail), QueryHash = TextGuard.Clean(entry.QueryHash) };
        TextGuard.Check(entry.Detail, nameof(entry));
        TextGuard.Check(entry.QueryHash, nameof(entry));
        var writeId = Guid.NewGuid();
        await WriteAsync("audit", writeId, async (c, tx, ct) =>
        {
            await ExecuteBatchAsync(c, tx, [AuditCommand(entry with { At = Columns.Micro(entry.At) }, writeId)], ct).ConfigureAwait(false);
            return 0;
        }, applied: (_, _) => Task.FromResult(0), cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<AuditEntry> QueryAuditAsync(AuditQuery query, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(query.Scope, nameof(query));
        await foreach (var entry in ReadRowsAsync("audit-query", c => AuditQueryCommand(c, query), ReadAuditEntry, cancellationToken).ConfigureAwait(false))
        {
            yield return entry;
        }
    }

    private NpgsqlCommand AuditQueryCommand(NpgsqlConnection c, AuditQuery query)
    {
        var sql = new StringBuilder($"SELECT m.seq, m.tenant_id, m.user_id, m.agent_id, m.session_id, m.at, m.action, m.memory_ids, m.query_hash, m.detail, m.count FROM {_s}.audit m WHERE {Columns.Within}");
        var cmd = new NpgsqlCommand { Connection = c };
        Columns.AddScope(cmd.Parameters, query.Scope);
        if (query.From is { } from)
        {
            sql.Append(" AND m.at >= @from");
            Columns.AddTime(cmd.Parameters, "from", from);
        }

        if (query.To is { } to)
        {
            sql.Append(" AND m.at < @to");
            Columns.AddTime(cmd.Parameters, "to", to);
        }

        if (query.Actions is { } actions)
        {
            sql.Append(" AND m.action = ANY(@actions)");
            cmd.Parameters.AddWithValue("actions", actions.Select(a => (short)a).ToArray());
        }

        sql.Append(" ORDER BY m.seq LIMIT @limit");
        cmd.Parameters.AddWithValue("limit", Math.Max(0, query.Limit));
        cmd.CommandText = sql.ToString();
        return cmd;
    }

    private static AuditEntry ReadAuditEntry(NpgsqlDataReader reader) => new()
    {
        Sequence = reader.GetInt64(0),
        Scope = Columns.ReadScope(reader, 1),
        At = Columns.ReadTime(reader, 5),
        Action = (AuditAction)reader.GetInt16(6),
        MemoryIds = reader.GetFieldValue<Guid[]>(7),
        QueryHash = Columns.ReadNullableString(reader, 8),
        Detail = Columns.ReadNullableString(reader, 9),
        Count = reader.GetInt64(10),
    };
}
