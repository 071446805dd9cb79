namespace AgentMemory;

/// <summary>What became of one candidate.</summary>
public enum FormationOutcomeKind
{
    /// <summary>Stored as a new memory.</summary>
    Added = 0,

    /// <summary>Merged into an existing memory.</summary>
    Updated = 1,

    /// <summary>Replaced a contradicted memory.</summary>
    Superseded = 2,

    /// <summary>Deleted an existing memory it said is no longer true.</summary>
    Deleted = 3,

    /// <summary>Nothing new; nothing stored.</summary>
    Unchanged = 4,

    /// <summary>Blocked by a guard and quarantined.</summary>
    Blocked = 5,
}
