namespace AgentMemory;

/// <summary>Which owner scopes a listing covers, relative to the scope it names.</summary>
public enum ScopeMatch
{
    /// <summary>What a reader at the scope may see: the scope and the broader scopes above it (see <see cref="MemoryScope.CanSee"/>).</summary>
    Visible = 0,

    /// <summary>Everything owned within the scope: a user scope covers all of that user's agents and sessions (see <see cref="MemoryScope.Contains"/>). Used for export, review and erasure.</summary>
    Within = 1,

    /// <summary>Only memories owned by exactly this scope.</summary>
    Exact = 2,
}
