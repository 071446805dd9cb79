using System.Runtime.CompilerServices;

namespace AgentMemory.PostgreSql;

public sealed partial class PostgreSqlMemoryStore
{
    private const string JobColumns = "j.id, j.tenant_id, j.user_id, j.agent_id, j.session_id, j.payload, j.enqueued_at, j.attempts, j.not_before, j.last_error, j.failed_at";

    /// <inheritdoc />
    public async Task EnqueueAsync(FormationJob job, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        OutboxArguments.CheckJob(job);
        job = job with { Payload = TextGuard.Clean(job.Payload)!, LastError = TextGuard.Clean(job.LastError) };
        TextGuard.Check(job.Payload, nameof(job));

        // Idempotent by id (ON CONFLICT DO NOTHING), so retried as is.
        await WriteAsync("enqueue", Guid.NewGuid(), async (c, tx, ct) => await ExecAsync(c, tx, $"""
            INSERT INTO {_s}.formation_jobs (id, tenant_id, user_id, agent_id, session_id, scope_key, payload, enqueued_at, attempts, not_before, last_error)
            VALUES (@id, @t, @u, @a, @s, @key, @payload, @enqueued, @attempts, @not_before, @error) ON CONFLICT (id) DO NOTHING
            """, p =>
        {
            p.AddWithValue("id", job.Id);
            Columns.AddScope(p, job.Scope);
            p.AddWithValue("key", job.Scope.Key);
            p.AddWithValue("payload", job.Payload);
            Columns.AddTime(p, "enqueued", job.EnqueuedAt);
            p.AddWithValue("attempts", job.Attempts);
            Columns.AddTime(p, "not_before", job.NotBefore);
            Columns.AddText(p, "error", job.LastError);
        }, ct).ConfigureAwait(false), applied: null, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    /// <remarks>
    /// One statement: each scope's oldest job is a candidate when it is ready, unleased, and no job of its scope is in
    /// flight; candidates are locked with <c>FOR UPDATE SKIP LOCKED</c>, so concurrent workers (on any instance) never
    /// claim the same job, and the row's own lease is re-checked after locking. A claim whose reply is lost is retried:
    /// the jobs it leased come back when their lease expires, so none is processed twice.
    /// </remarks>
    public Task<IReadOnlyList<FormationJob>> ClaimAsync(string workerId, int maxJobs, TimeSpan lease, bool ignoreRetryTime = false, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        OutboxArguments.CheckClaim(workerId, maxJobs, lease);
        if (maxJobs == 0)
        {
            return Task.FromResult<IReadOnlyList<FormationJob>>([]);
        }

        var now = _time.GetUtcNow();
        return WriteAsync<IReadOnlyList<FormationJob>>("claim", Guid.NewGuid(), async (c, tx, ct) =>
        {
            await using var cmd = new NpgsqlCommand($"""
                WITH heads AS (
                    SELECT DISTINCT ON (scope_key) id FROM {_s}.formation_jobs WHERE failed_at IS NULL ORDER BY scope_key, enqueued_at, id),
                picked AS (
                    SELECT f.id FROM {_s}.formation_jobs f
                    WHERE f.id IN (SELECT id FROM heads)
                      AND (@ignore_retry OR f.not_before IS NULL OR f.not_before <= @now)
                      AND (f.lease_until IS NULL OR f.lease_until <= @now)
                      AND NOT EXISTS (SELECT 1 FROM {_s}.formation_jobs b WHERE b.scope_key = f.scope_key AND b.id <> f.id AND b.lease_until > @now)
                    ORDER BY f.enqueued_at, f.id
                    LIMIT @max
                    FOR UPDATE SKIP LOCKED)
                UPDATE {_s}.formation_jobs j SET worker = @worker, lease_until = @until
                FROM picked WHERE j.id = picked.id AND (j.lease_until IS NULL OR j.lease_until <= @now)
                RETURNING {JobColumns}
                """, c, tx);
            Columns.AddTime(cmd.Parameters, "now", now);
            Columns.AddTime(cmd.Parameters, "until", now + lease);
            cmd.Parameters.AddWithValue("max", maxJobs);
            cmd.Parameters.AddWithValue("ignore_retry", ignoreRetryTime);
            cmd.Parameters.AddWithValue("worker", workerId);
            var jobs = new List<FormationJob>();
            await using var reader = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false);
            while (await reader.ReadAsync(ct).ConfigureAwait(false))
            {
                jobs.Add(ReadJob(reader));
            }

            jobs.Sort(static (a, b) => a.EnqueuedAt != b.EnqueuedAt ? a.EnqueuedAt.CompareTo(b.EnqueuedAt) : a.Id.CompareTo(b.Id));
            return jobs;
        }, applied: null, cancellationToken);
    }

    /// <inheritdoc />
    /// <remarks>When a retry follows a failure whose outcome is unknown and the job is gone, the earlier attempt removed it: true.</remarks>
    public Task<bool> CompleteAsync(Guid jobId, string workerId, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        ArgumentNullException.ThrowIfNull(workerId);
        return WriteJobAsync(
            "complete",
            jobId,
            $"DELETE FROM {_s}.formation_jobs WHERE id = @id AND worker = @worker",
            p => p.AddWithValue("worker", workerId),
            $"SELECT NOT EXISTS (SELECT 1 FROM {_s}.formation_jobs WHERE id = @id)",
            cancellationToken);
    }

    /// <inheritdoc />
    public Task ReleaseAsync(Guid jobId, string workerId, string failure, DateTimeOffset retryAt, CancellationToken cancellationToken = default)
        => EndLeaseAsync("release", jobId, workerId, failure, retryAt, failedAt: null, cancellationToken);

    /// <inheritdoc />
    public Task ParkAsync(Guid jobId, string workerId, string failure, CancellationToken cancellationToken = default)
        => EndLeaseAsync("park", jobId, workerId, failure, retryAt: null, failedAt: _time.GetUtcNow(), cancellationToken);

    /// <summary>
    /// Ends <paramref name="workerId"/>'s lease on a job after a failed attempt, counting the attempt and keeping the
    /// error: the job waits until <paramref name="retryAt"/> (release) or is parked as failed at
    /// <paramref name="failedAt"/> (park). Guarded by the lease owner: once applied, the worker no longer matches, so a
    /// retry changes nothing. A leased job is never a failed one, so a release leaves <c>failed_at</c> null as it was.
    /// </summary>
    private Task<int> EndLeaseAsync(string operation, Guid jobId, string workerId, string failure, DateTimeOffset? retryAt, DateTimeOffset? failedAt, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        ArgumentNullException.ThrowIfNull(workerId);
        failure = TextGuard.Clean(failure)!;
        return WriteAsync(operation, Guid.NewGuid(), (c, tx, ct) => ExecAsync(c, tx, $"""
            UPDATE {_s}.formation_jobs SET attempts = attempts + 1, not_before = @retry, last_error = @error, failed_at = @failed, worker = NULL, lease_until = NULL
            WHERE id = @id AND worker = @worker
            """, p =>
        {
            p.AddWithValue("id", jobId);
            p.AddWithValue("worker", workerId);
            Columns.AddTime(p, "retry", retryAt);
            Columns.AddTime(p, "failed", failedAt);
            Columns.AddText(p, "error", failure);
        }, ct), applied: null, cancellationToken);
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<FormationJob> ListFailedAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var job in ReadRowsAsync(
            "list-failed",
            c => new NpgsqlCommand($"SELECT {JobColumns} FROM {_s}.formation_jobs j WHERE j.failed_at IS NOT NULL ORDER BY j.enqueued_at, j.id", c),
            ReadJob,
            cancellationToken).ConfigureAwait(false))
        {
            yield return job;
        }
    }

    /// <inheritdoc />
    public Task<FormationJob?> GetJobAsync(Guid jobId, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return ReadAsync<FormationJob?>("get-job", async (c, ct) =>
        {
            await using var cmd = new NpgsqlCommand($"SELECT {JobColumns} FROM {_s}.formation_jobs j WHERE j.id = @id", c);
            cmd.Parameters.AddWithValue("id", jobId);
            await using var reader = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false);
            return await reader.ReadAsync(ct).ConfigureAwait(false) ? ReadJob(reader) : null;
        }, cancellationToken);
    }

    /// <inheritdoc />
    /// <remarks>When a retry follows a failure whose outcome is unknown and the job is no longer parked, the earlier attempt queued it: true.</remarks>
    public Task<bool> RetryFailedAsync(Guid jobId, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return WriteJobAsync(
            "retry-failed",
            jobId,
            $"UPDATE {_s}.formation_jobs SET attempts = 0, not_before = NULL, failed_at = NULL WHERE id = @id AND failed_at IS NOT NULL",
            parameters: null,
            $"SELECT EXISTS (SELECT 1 FROM {_s}.formation_jobs WHERE id = @id AND failed_at IS NULL)",
            cancellationToken);
    }

    /// <summary>
    /// Runs one conditional write on job <paramref name="jobId"/> (bound as <c>@id</c>) and reports whether it took effect.
    /// The first attempt answers by the rows changed; a retry after a failure whose outcome is unknown may find nothing
    /// left to change because the earlier attempt committed, so there <paramref name="appliedSql"/> (a boolean query on
    /// <c>@id</c>) tells whether the job is in the state the write leaves it in.
    /// </summary>
    private Task<bool> WriteJobAsync(string operation, Guid jobId, string sql, Action<NpgsqlParameterCollection>? parameters, string appliedSql, CancellationToken cancellationToken)
    {
        var attempted = false;
        return WriteAsync(operation, Guid.NewGuid(), async (c, tx, ct) =>
        {
            var changed = await ExecAsync(c, tx, sql, p =>
            {
                p.AddWithValue("id", jobId);
                parameters?.Invoke(p);
            }, ct).ConfigureAwait(false);
            if (changed == 0 && attempted)
            {
                await using var cmd = new NpgsqlCommand(appliedSql, c, tx);
                cmd.Parameters.AddWithValue("id", jobId);
                return (bool)(await cmd.ExecuteScalarAsync(ct).ConfigureAwait(false))!;
            }

            attempted = true;
            return changed > 0;
        }, applied: null, cancellationToken);
    }

    /// <inheritdoc />
    public Task<FormationQueueStats> GetStatsAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var now = _time.GetUtcNow();
        return ReadAsync("stats", async (c, ct) =>
        {
            await using var cmd = new NpgsqlCommand($"""
                SELECT count(*) FILTER (WHERE failed_at IS NULL AND (lease_until IS NULL OR lease_until <= @now)), count(*) FILTER (WHERE failed_at IS NULL AND lease_until > @now),
                       min(enqueued_at) FILTER (WHERE failed_at IS NULL), count(*) FILTER (WHERE failed_at IS NOT NULL)
                FROM {_s}.formation_jobs
                """, c);
            Columns.AddTime(cmd.Parameters, "now", now);
            await using var reader = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false);
            await reader.ReadAsync(ct).ConfigureAwait(false);
            return new FormationQueueStats(reader.GetInt64(0), reader.GetInt64(1), Columns.ReadNullableTime(reader, 2)) { Failed = reader.GetInt64(3) };
        }, cancellationToken);
    }

    private static FormationJob ReadJob(NpgsqlDataReader r)
    {
        var (t, u, a, s) = (r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4));
        return new FormationJob
        {
            Id = r.GetGuid(0),
            Scope = u.Length == 0 && a.Length == 0 ? MemoryScope.TenantShared(t) : new MemoryScope(t, Columns.Unpart(u), Columns.Unpart(a), Columns.Unpart(s)),
            Payload = r.GetString(5),
            EnqueuedAt = Columns.ReadTime(r, 6),
            Attempts = r.GetInt32(7),
            NotBefore = Columns.ReadNullableTime(r, 8),
            LastError = Columns.ReadNullableString(r, 9),
            FailedAt = Columns.ReadNullableTime(r, 10),
        };
    }
}
