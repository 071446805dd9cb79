using System.Runtime.CompilerServices;
using System.Text;

namespace AgentMemory.PostgreSql;

public sealed partial class PostgreSqlMemoryStore
{
    /// <inheritdoc />
    public async Task QuarantineAsync(QuarantinedMemory item, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        MemoryRecordValidator.ValidateQuarantined(item, _options.MaxTextLength);
        item = item with { Reason = TextGuard.Clean(item.Reason)!, Provenance = TextGuard.Clean(item.Provenance)! };
        TextGuard.Check(item.Text, nameof(item));
        TextGuard.Check(item.Reason, nameof(item));

        // Idempotent by id: the audit entry is written only with the row, so a retry never duplicates either.
        await WriteAsync("quarantine", Guid.NewGuid(), async (c, tx, ct) =>
        {
            var inserted = await ExecAsync(c, tx, $"""
                INSERT INTO {_s}.quarantine (tenant_id, user_id, agent_id, session_id, id, text, source, speaker, reference, reason, score, at)
                VALUES (@t, @u, @a, @s, @id, @text, @source, @speaker, @reference, @reason, @score, @at) ON CONFLICT (tenant_id, id) DO NOTHING
                """, p =>
            {
                Columns.AddScope(p, item.Scope);
                p.AddWithValue("id", item.Id);
                p.AddWithValue("text", item.Text);
                p.AddWithValue("source", (short)item.Provenance.Source);
                Columns.AddText(p, "speaker", item.Provenance.Speaker);
                Columns.AddText(p, "reference", item.Provenance.Reference);
                p.AddWithValue("reason", item.Reason);
                p.AddWithValue("score", item.Score);
                Columns.AddTime(p, "at", item.At);
            }, ct).ConfigureAwait(false);
            if (inserted > 0)
            {
                await ExecuteBatchAsync(c, tx, [AuditCommand(new AuditEntry { At = Columns.Micro(item.At), Action = AuditAction.Blocked, Scope = item.Scope, MemoryIds = [item.Id], Detail = item.Reason, Count = 1 }, null)], ct).ConfigureAwait(false);
            }

            return 0;
        }, applied: null, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<QuarantinedMemory> ListQuarantineAsync(MemoryScope scope, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        await foreach (var item in ReadRowsAsync(
            "quarantine-list",
            c =>
            {
                var cmd = new NpgsqlCommand($"SELECT m.tenant_id, m.user_id, m.agent_id, m.session_id, m.id, m.text, m.source, m.speaker, m.reference, m.reason, m.score, m.at FROM {_s}.quarantine m WHERE {Columns.Within} ORDER BY m.at, m.id", c);
                Columns.AddScope(cmd.Parameters, scope);
                return cmd;
            },
            reader => new QuarantinedMemory
            {
                Scope = Columns.ReadScope(reader, 0),
                Id = reader.GetGuid(4),
                Text = reader.GetString(5),
                Provenance = new MemoryProvenance((MemorySource)reader.GetInt16(6), Columns.ReadNullableString(reader, 7), Columns.ReadNullableString(reader, 8)),
                Reason = reader.GetString(9),
                Score = reader.GetDouble(10),
                At = Columns.ReadTime(reader, 11),
            },
            cancellationToken).ConfigureAwait(false))
        {
            yield return item;
        }
    }
}
