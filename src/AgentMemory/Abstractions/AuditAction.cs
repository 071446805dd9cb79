namespace AgentMemory;

/// <summary>What an audit entry records.</summary>
public enum AuditAction
{
    /// <summary>A memory was created.</summary>
    Created = 0,

    /// <summary>Memories were returned by a recall.</summary>
    Retrieved = 1,

    /// <summary>A memory was updated.</summary>
    Updated = 2,

    /// <summary>A memory was superseded by a contradicting fact.</summary>
    Superseded = 3,

    /// <summary>A memory was deleted on request.</summary>
    Deleted = 4,

    /// <summary>A memory expired and was removed.</summary>
    Expired = 5,

    /// <summary>A memory was evicted to respect the scope's budget.</summary>
    Evicted = 6,

    /// <summary>A scope was erased.</summary>
    Erased = 7,

    /// <summary>A candidate memory was blocked by a guard and quarantined.</summary>
    Blocked = 8,

    /// <summary>A candidate memory had personal data redacted before storage.</summary>
    Redacted = 9,

    /// <summary>A memory was exported.</summary>
    Exported = 10,

    /// <summary>
    /// A consolidation pass ran over a scope (<see cref="AuditEntry.Count"/>: pairs compared; <see cref="AuditEntry.Detail"/>:
    /// merges and promotions). Each merge also writes its own <see cref="Superseded"/> and <see cref="Updated"/> entries.
    /// </summary>
    Consolidated = 11,
}
