namespace AgentMemory;

/// <summary>
/// The store contract: records, their history, scoped candidate search and erasure, declared here, composed with the
/// store's audit log (<see cref="IMemoryAuditLog"/>) and quarantine (<see cref="IMemoryQuarantine"/>), so a store is
/// registered once. The durable formation queue is a separate, optional part (<see cref="IFormationOutbox"/>). Every
/// method enforces the scope it is given in its own queries. Each write (record + history + lexical index + audit) is
/// atomic.
/// </summary>
/// <remarks>
/// Stores share one conformance suite (<c>MemoryStoreConformanceTests</c>), so every store behaves the same.
/// Writes validate their input first and throw <see cref="InvalidMemoryException"/> before anything is written.
/// Provider failures surface as <see cref="MemoryStoreException"/> with the provider's exception inside;
/// <see cref="OperationCanceledException"/> is never wrapped.
/// </remarks>
public interface IMemoryStore : IMemoryAuditLog, IMemoryQuarantine
{
    /// <summary>A short name for the store ("inmemory", "sqlite", …) used in errors and telemetry.</summary>
    string Name { get; }

    /// <summary>
    /// Stores a new memory with a <see cref="MemoryChangeKind.Created"/> history entry and audit entry. Idempotent by id:
    /// when a memory with the same id and scope exists, it is returned unchanged and nothing is written (so a retried
    /// formation job never duplicates).
    /// </summary>
    /// <returns>The stored record.</returns>
    /// <exception cref="InvalidMemoryException">The record is invalid (empty or oversized text, bad vector, wrong dimension).</exception>
    /// <exception cref="MemoryConcurrencyException">The id exists in another scope.</exception>
    Task<MemoryRecord> AddAsync(MemoryRecord record, CancellationToken cancellationToken = default);

    /// <summary>
    /// Replaces a memory's content. <paramref name="record"/>'s <see cref="MemoryRecord.Version"/> must equal the stored
    /// version; the stored record gets version + 1, and the history keeps the previous text.
    /// </summary>
    /// <param name="record">The new content, with the id, scope and version of the stored memory.</param>
    /// <param name="change"><see cref="MemoryChangeKind.Updated"/> or <see cref="MemoryChangeKind.Superseded"/>.</param>
    /// <param name="reason">Why (no user text).</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The stored record after the update.</returns>
    /// <exception cref="MemoryNotFoundException">No memory with that id is visible in the record's scope.</exception>
    /// <exception cref="MemoryConcurrencyException">The stored version differs.</exception>
    /// <exception cref="InvalidMemoryException">The record is invalid.</exception>
    Task<MemoryRecord> UpdateAsync(MemoryRecord record, MemoryChangeKind change = MemoryChangeKind.Updated, string? reason = null, CancellationToken cancellationToken = default);

    /// <summary>Removes a memory owned by exactly <paramref name="scope"/>'s visible scopes, keeping its history.</summary>
    /// <param name="scope">The caller's scope; the memory must be visible from it.</param>
    /// <param name="id">The memory.</param>
    /// <param name="change"><see cref="MemoryChangeKind.Deleted"/>, <see cref="MemoryChangeKind.Expired"/> or <see cref="MemoryChangeKind.Evicted"/>.</param>
    /// <param name="reason">Why (no user text).</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>Whether a memory was removed.</returns>
    Task<bool> DeleteAsync(MemoryScope scope, Guid id, MemoryChangeKind change = MemoryChangeKind.Deleted, string? reason = null, CancellationToken cancellationToken = default);

    /// <summary>Reads a memory visible from <paramref name="scope"/>, or null (also when it exists in a scope the caller cannot see, or has expired).</summary>
    Task<MemoryRecord?> GetAsync(MemoryScope scope, Guid id, CancellationToken cancellationToken = default);

    /// <summary>
    /// Lists memories in <see cref="MemoryListOptions.Order"/> (default: oldest first by creation time, then id), after
    /// <see cref="MemoryListOptions.Cursor"/> when one is given, and at most <see cref="MemoryListOptions.Limit"/> of them.
    /// </summary>
    /// <exception cref="ArgumentException">The cursor is malformed or belongs to another listing (thrown when enumeration starts).</exception>
    /// <exception cref="ArgumentOutOfRangeException">The order is unknown or the limit is not positive (thrown when enumeration starts).</exception>
    IAsyncEnumerable<MemoryRecord> ListAsync(MemoryScope scope, MemoryListOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>Counts the unexpired memories covered by <paramref name="scope"/> and <paramref name="match"/>.</summary>
    Task<long> CountAsync(MemoryScope scope, ScopeMatch match = ScopeMatch.Exact, CancellationToken cancellationToken = default);

    /// <summary>Finds candidates by vector and/or text among the unexpired memories the request's scope can see.</summary>
    /// <exception cref="InvalidMemoryException">The query vector has the wrong dimension or is not finite.</exception>
    Task<MemorySearchResult> SearchAsync(MemorySearchRequest request, CancellationToken cancellationToken = default);

    /// <summary>The history of a memory visible from <paramref name="scope"/> (also after deletion), oldest first; empty if none.</summary>
    Task<IReadOnlyList<MemoryHistoryEntry>> GetHistoryAsync(MemoryScope scope, Guid id, CancellationToken cancellationToken = default);

    /// <summary>Records that a recall returned these memories: bumps access count and time, and writes a <see cref="AuditAction.Retrieved"/> entry.</summary>
    /// <param name="scope">The reader's scope.</param>
    /// <param name="ids">The memories returned.</param>
    /// <param name="queryHash">A hash of the query (never the query).</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    Task RecordAccessAsync(MemoryScope scope, IReadOnlyList<Guid> ids, string? queryHash, CancellationToken cancellationToken = default);

    /// <summary>
    /// Erases everything within <paramref name="scope"/> (see <see cref="MemoryScope.Contains"/>): records, history,
    /// lexical index rows, cached vectors, quarantined items and queued formation jobs, as one operation, and writes one
    /// <see cref="AuditAction.Erased"/> entry (no text). Durable stores also make sure the erased text is not left in
    /// free pages or logs.
    /// </summary>
    Task<ErasureReceipt> EraseAsync(MemoryScope scope, CancellationToken cancellationToken = default);

    /// <summary>Removes up to <paramref name="maxCount"/> memories whose expiry is at or before <paramref name="now"/>, with history and audit.</summary>
    /// <returns>How many were removed.</returns>
    Task<int> RemoveExpiredAsync(DateTimeOffset now, int maxCount = 1000, CancellationToken cancellationToken = default);
}
