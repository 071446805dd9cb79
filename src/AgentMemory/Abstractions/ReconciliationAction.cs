namespace AgentMemory;

/// <summary>What to do with a candidate given the memories already stored.</summary>
public enum ReconciliationAction
{
    /// <summary>Store it as a new memory.</summary>
    Add = 0,

    /// <summary>Refine an existing memory with the candidate's information (history keeps the old text).</summary>
    Update = 1,

    /// <summary>The candidate contradicts an existing memory, which it replaces (history keeps the old text).</summary>
    Supersede = 2,

    /// <summary>The candidate says an existing memory is no longer true: delete it.</summary>
    Delete = 3,

    /// <summary>Nothing new: store nothing.</summary>
    None = 4,
}
