namespace AgentMemory;

/// <summary>Options for memory formation: extraction, guards, reconciliation and storage of new memories.</summary>
public sealed class FormationOptions
{
    /// <summary>Background (queue and return, the default) or inline.</summary>
    public FormationMode Mode { get; set; } = FormationMode.Background;

    /// <summary>
    /// Whether persistent memories formed in a session scope are stored at that session only. By default (false) they
    /// are stored at the scope without its session, so later sessions of the same user and agent recall them.
    /// </summary>
    public bool KeepSessionScope { get; set; }
}
