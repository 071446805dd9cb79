namespace AgentMemory;

/// <summary>
/// The facade a host uses: remember conversations, recall what matters, build the prompt context, and let users see,
/// change, export and erase what is kept about them. Every call names a scope; nothing reads across tenants or users.
/// </summary>
public interface IAgentMemory
{
    /// <summary>
    /// Forms memories from conversation messages. In the default background mode it returns once the work is durably
    /// queued; in inline mode it returns after the memories are stored.
    /// </summary>
    /// <exception cref="FormationQueueFullException">The queue is full and the options reject instead of waiting.</exception>
    Task<RememberReceipt> RememberAsync(MemoryScope scope, IEnumerable<ChatMessage> messages, RememberOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>Stores one memory written by the host or a tool, through the same guards and reconciliation as extracted ones.</summary>
    Task<FormationOutcome> SaveAsync(MemoryScope scope, MemoryCandidate candidate, CancellationToken cancellationToken = default);

    /// <summary>
    /// Stores several memories written by the host or a tool, as consecutive <see cref="SaveAsync(MemoryScope, MemoryCandidate, CancellationToken)"/>
    /// calls would, with one call to the embedding generator for all of them. Each candidate goes through the guards (a
    /// blocked one is quarantined and the others are still saved) and is reconciled against what is stored, including the
    /// candidates before it in the list, so two candidates that say the same thing leave one memory.
    /// </summary>
    /// <param name="scope">The scope the memories belong to.</param>
    /// <param name="candidates">The memories to store, in order.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>One outcome per candidate, in the order of <paramref name="candidates"/>.</returns>
    /// <exception cref="ArgumentException">The list holds a null candidate.</exception>
    /// <exception cref="InvalidMemoryException">
    /// A candidate is invalid (empty or oversized text, importance outside [0, 1], bad metadata). Every candidate is
    /// checked before any is guarded, embedded or stored, so an invalid one means nothing of the batch was stored.
    /// </exception>
    Task<IReadOnlyList<FormationOutcome>> SaveAsync(MemoryScope scope, IReadOnlyList<MemoryCandidate> candidates, CancellationToken cancellationToken = default);

    /// <summary>Returns the memories that matter for the request, best first, each with its score explained.</summary>
    Task<IReadOnlyList<MemoryHit>> RecallAsync(RecallRequest request, CancellationToken cancellationToken = default);

    /// <summary>Recalls and renders the hits into a fenced, token-budgeted block for the system prompt.</summary>
    /// <param name="request">The recall.</param>
    /// <param name="tokenBudget">The most tokens the block may use (null: the configured default).</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    Task<MemoryContext> BuildContextAsync(RecallRequest request, int? tokenBudget = null, CancellationToken cancellationToken = default);

    /// <summary>Reads one memory visible from the scope, or null.</summary>
    Task<MemoryRecord?> GetAsync(MemoryScope scope, Guid id, CancellationToken cancellationToken = default);

    /// <summary>
    /// Lists memories (by default: what the scope can see, oldest first, all of them; see <see cref="MemoryListOptions"/>
    /// for the order, a limit and a cursor).
    /// </summary>
    /// <exception cref="ArgumentException">The options' cursor is malformed or belongs to another listing.</exception>
    IAsyncEnumerable<MemoryRecord> ListAsync(MemoryScope scope, MemoryListOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Reads one page of a listing: up to <see cref="MemoryListOptions.Limit"/> memories (default 100, at most 10,000) in
    /// <see cref="MemoryListOptions.Order"/>, starting after <see cref="MemoryListOptions.Cursor"/>. Pass the page's
    /// <see cref="MemoryPage.NextCursor"/> back as the cursor to read the next page; it is null on the last page. Paging
    /// is by position (keyset), not offset, so memories added meanwhile never repeat or skip an older one.
    /// </summary>
    /// <exception cref="ArgumentException">The cursor is malformed or was issued for another scope, scope match or order.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The limit is not between 1 and 10,000, or the order is unknown.</exception>
    Task<MemoryPage> ListPageAsync(MemoryScope scope, MemoryListOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>Changes a memory the scope owns (re-embedding its text); the history keeps the old version.</summary>
    /// <exception cref="MemoryNotFoundException">No such memory is visible from the scope.</exception>
    Task<MemoryRecord> UpdateAsync(MemoryScope scope, Guid id, MemoryUpdate update, CancellationToken cancellationToken = default);

    /// <summary>Deletes a memory visible from the scope. Returns whether one was deleted.</summary>
    Task<bool> DeleteAsync(MemoryScope scope, Guid id, CancellationToken cancellationToken = default);

    /// <summary>Erases everything within the scope in the store, including history, indexes, cached vectors and queued work.</summary>
    Task<ErasureReceipt> ForgetAsync(MemoryScope scope, CancellationToken cancellationToken = default);

    /// <summary>
    /// The timeline of a memory visible from the scope, oldest first: its own history and, when it superseded or was
    /// superseded by other memories (<see cref="MemoryTimeline"/>), theirs, so every value the fact had is listed with
    /// when it changed. Each entry names the memory it belongs to.
    /// </summary>
    Task<IReadOnlyList<MemoryHistoryEntry>> GetHistoryAsync(MemoryScope scope, Guid id, CancellationToken cancellationToken = default);

    /// <summary>Writes everything within the scope (memories and their history) as UTF-8 JSON.</summary>
    Task ExportAsync(MemoryScope scope, Stream destination, CancellationToken cancellationToken = default);

    /// <summary>
    /// Processes the queued formation work in this call and returns when every job has either completed or been parked as
    /// failed. It never waits on a retry timer: a job backing off after a failure is retried at once, and a job that fails
    /// <see cref="FormationOptions.MaxAttempts"/> times in a row (e.g. an embedding generator returning NaN, or a model
    /// that is down) is parked instead of staying pending, so one poisoned job cannot hold a flush forever. Parked jobs
    /// are counted in <see cref="FormationQueueStats.Failed"/>, listed by <see cref="Formation.IFormationPump.ListFailedAsync"/> and
    /// queued again by <see cref="Formation.IFormationPump.RetryFailedAsync"/> / <see cref="Formation.IFormationPump.RetryAllFailedAsync"/>.
    /// Jobs leased by another worker are waited for, at most until its lease (<see cref="FormationOptions.LeaseDuration"/>)
    /// expires; jobs queued while the flush runs are processed too.
    /// </summary>
    /// <param name="cancellationToken">Stops waiting; a job being processed is left to its lease.</param>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    /// <exception cref="MemoryStoreException">The store's outbox failed.</exception>
    Task FlushAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Waits until the formation job <paramref name="jobId"/> (<see cref="RememberReceipt.JobId"/> of a queued remember)
    /// has finished: formed and completed, or parked as failed after <see cref="FormationOptions.MaxAttempts"/> attempts.
    /// When a hosted worker runs in this process it does the work and this call only waits; otherwise this call processes
    /// the queue itself as <see cref="FlushAsync"/> does (never waiting on a retry timer, so a job that keeps failing is
    /// parked and the wait ends). A job that is not queued (completed earlier, formed inline, erased with its scope, or
    /// never queued) reports <see cref="FormationJobStatus.Completed"/> at once.
    /// </summary>
    /// <param name="jobId">The job.</param>
    /// <param name="cancellationToken">Stops waiting; the job stays queued.</param>
    /// <returns>Whether the job completed or was parked, and the last failure of a parked one.</returns>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    /// <exception cref="MemoryStoreException">The store's outbox failed.</exception>
    Task<FormationJobResult> WaitForFormationAsync(Guid jobId, CancellationToken cancellationToken = default);
}
