namespace AgentMemory.Storage;

/// <summary>The argument checks every store's <see cref="IFormationOutbox"/> applies the same way.</summary>
internal static class OutboxArguments
{
    /// <summary>Checks a job to enqueue: scope, payload and a non-empty id.</summary>
    /// <exception cref="ArgumentNullException">The job, its scope or its payload is null.</exception>
    /// <exception cref="ArgumentException">The job's id is empty.</exception>
    public static void CheckJob(FormationJob job)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(job.Scope, nameof(job));
        ArgumentNullException.ThrowIfNull(job.Payload, nameof(job));
        if (job.Id == Guid.Empty)
        {
            throw new ArgumentException("A formation job needs a non-empty id.", nameof(job));
        }
    }

    /// <summary>Checks a claim: a worker id, a non-negative count and a positive lease.</summary>
    public static void CheckClaim(string workerId, int maxJobs, TimeSpan lease)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(workerId);
        ArgumentOutOfRangeException.ThrowIfNegative(maxJobs);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(lease, TimeSpan.Zero);
    }
}
