namespace AgentMemory.Storage;

/// <summary>One recall's access, queued by a <see cref="DeferredAccessRecorder"/> until the store writes it.</summary>
/// <param name="Scope">The reader's scope (the ids count only where it can see them).</param>
/// <param name="Ids">The memories returned, as passed to <see cref="IMemoryStore.RecordAccessAsync"/>.</param>
/// <param name="QueryHash">The query hash for the <see cref="AuditAction.Retrieved"/> entry.</param>
/// <param name="At">When the access happened (its last-accessed time and audit time).</param>
internal readonly record struct PendingAccess(MemoryScope Scope, IReadOnlyList<Guid> Ids, string? QueryHash, DateTimeOffset At);
