namespace AgentMemory.Sqlite;

public sealed partial class SqliteMemoryStore
{
    /// <inheritdoc />
    public Task QuarantineAsync(QuarantinedMemory item, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        Storage.MemoryRecordValidator.ValidateQuarantined(item, _options.MaxTextLength);
        return RunAsync("quarantine", Transaction.Write, c =>
        {
            var scopeId = EnsureScope(c, item.Scope);
            var cmd = c.Command("INSERT INTO quarantine(id, scope_id, text, source, speaker, reference, reason, score, at) VALUES ($id, $scope, $text, $src, $speaker, $ref, $reason, $score, $at) ON CONFLICT(id) DO NOTHING");
            cmd.Parameters.AddWithValue("$id", SqliteValues.ToBlob(item.Id));
            cmd.Parameters.AddWithValue("$scope", scopeId);
            cmd.Parameters.AddWithValue("$text", item.Text);
            cmd.Parameters.AddWithValue("$src", (int)item.Provenance.Source);
            cmd.Parameters.AddWithValue("$speaker", SqliteValues.ToDb(item.Provenance.Speaker));
            cmd.Parameters.AddWithValue("$ref", SqliteValues.ToDb(item.Provenance.Reference));
            cmd.Parameters.AddWithValue("$reason", item.Reason);
            cmd.Parameters.AddWithValue("$score", item.Score);
            cmd.Parameters.AddWithValue("$at", item.At.UtcTicks);
            if (cmd.ExecuteNonQuery() > 0)
            {
                InsertAudit(c, item.At, AuditAction.Blocked, scopeId, [item.Id], null, item.Reason, 1);
            }

            return true;
        }, cancellationToken);
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<QuarantinedMemory> ListQuarantineAsync(MemoryScope scope, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        await foreach (var item in ReadRowsAsync(
            "list-quarantine",
            c =>
            {
                var cmd = c.Command("SELECT id, scope_id, text, source, speaker, reference, reason, score, at FROM quarantine WHERE scope_id IN " + ScopeSql.Within + " ORDER BY at, id");
                ScopeSql.BindWithin(cmd, scope);
                return cmd;
            },
            (c, r) => new QuarantinedMemory
            {
                Id = SqliteValues.ReadGuid(r, 0),
                Scope = ScopeOf(c, r.GetInt64(1)),
                Text = r.GetString(2),
                Provenance = new MemoryProvenance((MemorySource)r.GetInt32(3), SqliteValues.ReadNullableString(r, 4), SqliteValues.ReadNullableString(r, 5)),
                Reason = r.GetString(6),
                Score = r.GetDouble(7),
                At = SqliteValues.ReadTime(r, 8),
            },
            int.MaxValue,
            cancellationToken).ConfigureAwait(false))
        {
            yield return item;
        }
    }
}
