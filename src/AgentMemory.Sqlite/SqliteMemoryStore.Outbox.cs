using System.Runtime.CompilerServices;

namespace AgentMemory.Sqlite;

public sealed partial class SqliteMemoryStore
{
    /// <inheritdoc />
    public Task EnqueueAsync(FormationJob job, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        OutboxArguments.CheckJob(job);

        return RunAsync("enqueue", Transaction.Write, c =>
        {
            var cmd = c.Command("INSERT INTO jobs(id, scope_id, payload, enqueued_at, attempts, not_before, last_error) VALUES ($id, $scope, $payload, $at, $attempts, $nb, $err) ON CONFLICT(id) DO NOTHING");
            cmd.Parameters.AddWithValue("$id", SqliteValues.ToBlob(job.Id));
            cmd.Parameters.AddWithValue("$scope", EnsureScope(c, job.Scope));
            cmd.Parameters.AddWithValue("$payload", job.Payload);
            cmd.Parameters.AddWithValue("$at", job.EnqueuedAt.UtcTicks);
            cmd.Parameters.AddWithValue("$attempts", job.Attempts);
            cmd.Parameters.AddWithValue("$nb", SqliteValues.ToDb(job.NotBefore));
            cmd.Parameters.AddWithValue("$err", SqliteValues.ToDb(job.LastError));
            return cmd.ExecuteNonQuery();
        }, cancellationToken);
    }

    /// <inheritdoc />
    /// <remarks>Claims in one <c>BEGIN IMMEDIATE</c> transaction, so workers in several processes never claim the same job.</remarks>
    public Task<IReadOnlyList<FormationJob>> ClaimAsync(string workerId, int maxJobs, TimeSpan lease, bool ignoreRetryTime = false, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        OutboxArguments.CheckClaim(workerId, maxJobs, lease);
        var now = _time.GetUtcNow();
        if (maxJobs == 0)
        {
            return Task.FromResult<IReadOnlyList<FormationJob>>([]);
        }

        return RunAsync<IReadOnlyList<FormationJob>>("claim", Transaction.Write, c =>
        {
            var busy = new HashSet<long>();
            var leased = c.Command("SELECT DISTINCT scope_id FROM jobs WHERE worker IS NOT NULL AND lease_until > $now");
            leased.Parameters.AddWithValue("$now", now.UtcTicks);
            using (var r = leased.ExecuteReader())
            {
                while (r.Read())
                {
                    busy.Add(r.GetInt64(0));
                }
            }

            var candidates = new List<(FormationJob Job, long ScopeId)>();
            var seen = new HashSet<long>();
            var cmd = c.Command("SELECT id, scope_id, payload, enqueued_at, attempts, not_before, last_error FROM jobs WHERE failed_at IS NULL AND (worker IS NULL OR lease_until <= $now) ORDER BY enqueued_at, id");
            cmd.Parameters.AddWithValue("$now", now.UtcTicks);
            using (var r = cmd.ExecuteReader())
            {
                while (candidates.Count < maxJobs && r.Read())
                {
                    var scopeId = r.GetInt64(1);
                    if (busy.Contains(scopeId) || !seen.Add(scopeId))
                    {
                        continue;
                    }

                    var notBefore = SqliteValues.ReadNullableTime(r, 5);
                    if (!ignoreRetryTime && notBefore is { } nb && nb > now)
                    {
                        continue;
                    }

                    candidates.Add((new FormationJob
                    {
                        Id = SqliteValues.ReadGuid(r, 0),
                        Scope = ScopeOf(c, scopeId),
                        Payload = r.GetString(2),
                        EnqueuedAt = SqliteValues.ReadTime(r, 3),
                        Attempts = r.GetInt32(4),
                        NotBefore = notBefore,
                        LastError = SqliteValues.ReadNullableString(r, 6),
                    }, scopeId));
                }
            }

            foreach (var (job, _) in candidates)
            {
                var claim = c.Command("UPDATE jobs SET worker = $w, lease_until = $until WHERE id = $id");
                claim.Parameters.AddWithValue("$w", workerId);
                claim.Parameters.AddWithValue("$until", (now + lease).UtcTicks);
                claim.Parameters.AddWithValue("$id", SqliteValues.ToBlob(job.Id));
                claim.ExecuteNonQuery();
            }

            return candidates.ConvertAll(x => x.Job);
        }, cancellationToken);
    }

    /// <inheritdoc />
    public Task<bool> CompleteAsync(Guid jobId, string workerId, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        ArgumentNullException.ThrowIfNull(workerId);
        return RunAsync("complete", Transaction.Write, c =>
        {
            var cmd = HeldJobCommand(c, "DELETE FROM jobs WHERE id = $id AND worker = $w", jobId, workerId);
            return cmd.ExecuteNonQuery() > 0;
        }, cancellationToken);
    }

    /// <inheritdoc />
    public Task ReleaseAsync(Guid jobId, string workerId, string failure, DateTimeOffset retryAt, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        ArgumentNullException.ThrowIfNull(workerId);
        return RunAsync("release", Transaction.Write, c =>
        {
            var cmd = HeldJobCommand(c, "UPDATE jobs SET attempts = attempts + 1, not_before = $nb, last_error = $err, worker = NULL, lease_until = NULL WHERE id = $id AND worker = $w", jobId, workerId);
            cmd.Parameters.AddWithValue("$nb", retryAt.UtcTicks);
            cmd.Parameters.AddWithValue("$err", SqliteValues.ToDb(failure));
            return cmd.ExecuteNonQuery();
        }, cancellationToken);
    }

    /// <inheritdoc />
    public Task ParkAsync(Guid jobId, string workerId, string failure, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        ArgumentNullException.ThrowIfNull(workerId);
        var now = _time.GetUtcNow();
        return RunAsync("park", Transaction.Write, c =>
        {
            var cmd = HeldJobCommand(c, "UPDATE jobs SET attempts = attempts + 1, not_before = NULL, last_error = $err, failed_at = $at, worker = NULL, lease_until = NULL WHERE id = $id AND worker = $w", jobId, workerId);
            cmd.Parameters.AddWithValue("$err", SqliteValues.ToDb(failure));
            cmd.Parameters.AddWithValue("$at", now.UtcTicks);
            return cmd.ExecuteNonQuery();
        }, cancellationToken);
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<FormationJob> ListFailedAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var job in ReadRowsAsync(
            "list-failed",
            c => c.Command("SELECT " + JobColumns + " FROM jobs WHERE failed_at IS NOT NULL ORDER BY enqueued_at, id"),
            ReadJob,
            int.MaxValue,
            cancellationToken).ConfigureAwait(false))
        {
            yield return job;
        }
    }

    /// <inheritdoc />
    public Task<FormationJob?> GetJobAsync(Guid jobId, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return RunAsync<FormationJob?>("get-job", Transaction.None, c =>
        {
            var cmd = c.Command("SELECT " + JobColumns + " FROM jobs WHERE id = $id");
            cmd.Parameters.AddWithValue("$id", SqliteValues.ToBlob(jobId));
            using var r = cmd.ExecuteReader();
            return r.Read() ? ReadJob(c, r) : null;
        }, cancellationToken);
    }

    private const string JobColumns = "id, scope_id, payload, enqueued_at, attempts, not_before, last_error, failed_at";

    private FormationJob ReadJob(PooledConnection c, SqliteDataReader r) => new()
    {
        Id = SqliteValues.ReadGuid(r, 0),
        Scope = ScopeOf(c, r.GetInt64(1)),
        Payload = r.GetString(2),
        EnqueuedAt = SqliteValues.ReadTime(r, 3),
        Attempts = r.GetInt32(4),
        NotBefore = SqliteValues.ReadNullableTime(r, 5),
        LastError = SqliteValues.ReadNullableString(r, 6),
        FailedAt = SqliteValues.ReadNullableTime(r, 7),
    };

    /// <inheritdoc />
    public Task<bool> RetryFailedAsync(Guid jobId, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return RunAsync("retry-failed", Transaction.Write, c =>
        {
            var cmd = c.Command("UPDATE jobs SET attempts = 0, not_before = NULL, failed_at = NULL WHERE id = $id AND failed_at IS NOT NULL");
            cmd.Parameters.AddWithValue("$id", SqliteValues.ToBlob(jobId));
            return cmd.ExecuteNonQuery() > 0;
        }, cancellationToken);
    }

    /// <inheritdoc />
    public Task<FormationQueueStats> GetStatsAsync(CancellationToken cancellationToken = default)
    {
        var now = _time.GetUtcNow();
        return RunAsync("queue-stats", Transaction.None, c =>
        {
            var cmd = c.Command("""
                SELECT coalesce(sum(CASE WHEN failed_at IS NULL AND NOT (worker IS NOT NULL AND lease_until > $now) THEN 1 ELSE 0 END), 0),
                       coalesce(sum(CASE WHEN failed_at IS NULL AND worker IS NOT NULL AND lease_until > $now THEN 1 ELSE 0 END), 0),
                       min(CASE WHEN failed_at IS NULL THEN enqueued_at END),
                       coalesce(sum(CASE WHEN failed_at IS NOT NULL THEN 1 ELSE 0 END), 0)
                FROM jobs
                """);
            cmd.Parameters.AddWithValue("$now", now.UtcTicks);
            using var r = cmd.ExecuteReader();
            r.Read();
            return new FormationQueueStats(r.GetInt64(0), r.GetInt64(1), SqliteValues.ReadNullableTime(r, 2)) { Failed = r.GetInt64(3) };
        }, cancellationToken);
    }

    /// <summary>A command on the job <paramref name="workerId"/> holds: binds <c>$id</c> and <c>$w</c>, which its SQL must match.</summary>
    private static SqliteCommand HeldJobCommand(PooledConnection c, string sql, Guid jobId, string workerId)
    {
        var cmd = c.Command(sql);
        cmd.Parameters.AddWithValue("$id", SqliteValues.ToBlob(jobId));
        cmd.Parameters.AddWithValue("$w", workerId);
        return cmd;
    }
}
