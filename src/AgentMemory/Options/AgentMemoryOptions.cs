using System.ComponentModel.DataAnnotations;

namespace AgentMemory;

/// <summary>Options for AgentMemory, bound from configuration (<c>AddAgentMemory(configuration.GetSection("AgentMemory"))</c>) or set in <c>AddAgentMemory(o => …)</c>.</summary>
/// <remarks>
/// There is deliberately no default tenant: every read and write names its <see cref="MemoryScope"/>, tenant included,
/// so no call can fall back to another tenant's memories because a setting was left in place.
/// </remarks>
public sealed class AgentMemoryOptions
{
    /// <summary>The configuration section name conventionally used for these options.</summary>
    public const string SectionName = "AgentMemory";

    /// <summary>The longest memory text accepted, in characters.</summary>
    [Range(16, Storage.MemoryRecordValidator.MaxTextLengthLimit)]
    public int MaxTextLength { get; set; } = Storage.MemoryRecordValidator.DefaultMaxTextLength;

    /// <summary>How memories are formed (mode, queue, budgets, TTL).</summary>
    public FormationOptions Formation { get; set; } = new();

    /// <summary>How memories are recalled and ranked.</summary>
    [ValidateObjectMembers]
    public RetrievalOptions Retrieval { get; set; } = new();

    /// <summary>How recalled memories are rendered into the prompt.</summary>
    public ContextOptions Context { get; set; } = new();

    /// <summary>How candidates are reconciled with stored memories.</summary>
    public ReconciliationOptions Reconciliation { get; set; } = new();

    /// <summary>How the maintenance pass consolidates memories (near-duplicate merges, promotion of repeated facts, daily budget).</summary>
    [ValidateObjectMembers]
    public ConsolidationOptions Consolidation { get; set; } = new();

    /// <summary>The memory guards: poisoning detection, PII policy and the optional model judge.</summary>
    [ValidateObjectMembers]
    public Security.SecurityOptions Security { get; set; } = new();
}
