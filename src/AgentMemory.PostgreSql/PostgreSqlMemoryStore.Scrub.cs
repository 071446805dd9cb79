using System.Globalization;

namespace AgentMemory.PostgreSql;

public sealed partial class PostgreSqlMemoryStore
{
    private const string ScrubPendingKey = "scrub_pending";

    /// <summary>Every table of the schema that can hold a memory's text or an erased identifier, in the order they are rewritten.</summary>
    private static readonly string[] ScrubTables = ["memories", "memory_history", "quarantine", "formation_jobs", "audit", "scope_versions"];

    /// <summary>
    /// Whether an erasure committed since the last completed <see cref="ScrubAsync"/> (by any instance): erased content may
    /// still be readable in the relation files until the next scrub.
    /// </summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="MemoryStoreException">The server failed.</exception>
    public Task<bool> IsScrubPendingAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return ReadAsync("scrub-pending", async (c, ct) =>
        {
            await using var cmd = new NpgsqlCommand($"SELECT EXISTS (SELECT 1 FROM {_s}.settings WHERE key = '{ScrubPendingKey}')", c);
            return (bool)(await cmd.ExecuteScalarAsync(ct).ConfigureAwait(false))!;
        }, cancellationToken);
    }

    /// <summary>
    /// Removes erased content from the database's files: rewrites every table of the store's schema that can hold text
    /// or scope ids (memories with their TOAST tables and indexes, the full-text index included, history, quarantine, the
    /// outbox, the audit trail and the scope versions) with <c>VACUUM (FULL, ANALYZE)</c>, then runs <c>CHECKPOINT</c> when
    /// the role may. A <c>DELETE</c>, or a plain <c>VACUUM</c>, leaves deleted tuples' bytes in the pages; only a rewrite
    /// drops them. The planner's statistics never hold these columns' values (schema version 3 turns their sampling off).
    /// </summary>
    /// <remarks>
    /// <para>
    /// <b>Locking:</b> <c>VACUUM FULL</c> holds an <c>ACCESS EXCLUSIVE</c> lock on each table while it rewrites it, one table
    /// at a time: every read and write of that table, from every instance, waits until it is done (roughly the time to copy
    /// the table and rebuild its indexes). Run it off-peak (e.g. nightly while <see cref="IsScrubPendingAsync"/> is true).
    /// A scrub waits at most <see cref="PostgreSqlMemoryStoreOptions.ScrubLockTimeout"/> for each lock, so a long-running
    /// transaction makes it fail rather than stall the traffic queued behind it; a failed scrub can simply be run again.
    /// It runs outside any transaction (<c>VACUUM</c> cannot run inside one) and needs about the table's size in free disk.
    /// </para>
    /// <para>
    /// <b>Privileges:</b> the role must own the tables (it does when the store created them). <c>CHECKPOINT</c> needs a
    /// superuser or <c>pg_checkpoint</c>; without it that step is skipped and the report says so (the old files are already
    /// truncated when each rewrite commits; the checkpoint only forces everything to disk).
    /// </para>
    /// <para>
    /// <b>Not covered:</b> write-ahead log segments (and WAL archives, replicas and backups) keep the content until they are
    /// recycled, overwritten or expire; the operating system may keep freed blocks on disk.
    /// The pending flag (<see cref="IsScrubPendingAsync"/>) is cleared only when no erasure committed while the scrub ran.
    /// </para>
    /// </remarks>
    /// <param name="cancellationToken">Cancels the scrub (the table being rewritten keeps its old files; the flag stays set).</param>
    /// <returns>What was rewritten and how long it took.</returns>
    /// <exception cref="MemoryStoreException">The server failed, or a lock was not granted within the timeout.</exception>
    public async Task<PostgreSqlScrubReport> ScrubAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        await EnsureInitializedAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await ScrubCoreAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (System.Text.EncoderFallbackException)
        {
            throw Internal.TextGuard.Unencodable();
        }
        catch (Exception ex) when (Wrap(ex))
        {
            throw new MemoryStoreException(Name, "scrub", ex);
        }
    }

    /// <summary>Runs the scrub after an erasure committed; false (logged) when it did not complete.</summary>
    private async Task<bool> TryScrubAfterErasureAsync(CancellationToken cancellationToken)
    {
        try
        {
            await ScrubCoreAsync(cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The erasure has committed: its receipt is returned, saying the scrub is still pending.
            return false;
        }
        catch (Exception ex) when (Wrap(ex))
        {
            Log.ScrubAfterErasureFailed(_logger, Name, _s, ex);
            return false;
        }
    }

    private async Task<PostgreSqlScrubReport> ScrubCoreAsync(CancellationToken cancellationToken)
    {
        var started = _time.GetTimestamp();
        var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var pending = await ScalarAsync(connection, $"SELECT value FROM {_s}.settings WHERE key = '{ScrubPendingKey}'", cancellationToken).ConfigureAwait(false) as string;
            var lockTimeout = (long)_options.ScrubLockTimeout.TotalMilliseconds;
            await ScalarAsync(connection, string.Create(CultureInfo.InvariantCulture, $"SET lock_timeout = {lockTimeout}"), cancellationToken).ConfigureAwait(false);
            try
            {
                foreach (var table in ScrubTables)
                {
                    await ScalarAsync(connection, $"VACUUM (FULL, ANALYZE) {_s}.{table}", cancellationToken).ConfigureAwait(false);
                }

                var checkpointed = true;
                try
                {
                    await ScalarAsync(connection, "CHECKPOINT", cancellationToken).ConfigureAwait(false);
                }
                catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.InsufficientPrivilege)
                {
                    checkpointed = false;
                    Log.ScrubCheckpointSkipped(_logger, Name, _s);
                }

                if (pending is not null)
                {
                    await using var clear = new NpgsqlCommand($"DELETE FROM {_s}.settings WHERE key = '{ScrubPendingKey}' AND value = @v", connection);
                    clear.Parameters.AddWithValue("v", pending);
                    await clear.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }

                var report = new PostgreSqlScrubReport(ScrubTables, checkpointed, _time.GetElapsedTime(started));
                Log.Scrubbed(_logger, Name, _s, ScrubTables.Length, report.Duration.TotalMilliseconds);
                return report;
            }
            finally
            {
                if (connection.FullState == System.Data.ConnectionState.Open)
                {
                    await ScalarAsync(connection, "RESET lock_timeout", CancellationToken.None).ConfigureAwait(false);
                }
            }
        }
    }

    /// <summary>Runs one statement outside a transaction, with no command timeout (a rewrite takes as long as the table needs).</summary>
    private static async Task<object?> ScalarAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var cmd = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        return await cmd.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
    }
}
