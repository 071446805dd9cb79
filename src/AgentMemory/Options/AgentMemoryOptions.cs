using System.ComponentModel.DataAnnotations;

namespace AgentMemory;

/// <summary>Options for AgentMemory, bound from configuration or set in <c>AddAgentMemory(o => …)</c>.</summary>
public sealed class AgentMemoryOptions
{
    /// <summary>The configuration section name conventionally used for these options.</summary>
    public const string SectionName = "AgentMemory";

    /// <summary>The tenant used by helpers that build scopes when the host does not name one.</summary>
    public string? DefaultTenant { get; set; }

    /// <summary>The longest memory text accepted, in characters.</summary>
    [Range(16, 1_000_000)]
    public int MaxTextLength { get; set; } = Storage.MemoryRecordValidator.DefaultMaxTextLength;

    /// <summary>How memories are formed (mode, queue, budgets, TTL).</summary>
    public FormationOptions Formation { get; set; } = new();

    /// <summary>How memories are recalled and ranked.</summary>
    public RetrievalOptions Retrieval { get; set; } = new();

    /// <summary>How recalled memories are rendered into the prompt.</summary>
    public ContextOptions Context { get; set; } = new();

    /// <summary>How candidates are reconciled with stored memories.</summary>
    public ReconciliationOptions Reconciliation { get; set; } = new();

    /// <summary>The memory guards: poisoning detection, PII policy and the optional model judge.</summary>
    public Security.SecurityOptions Security { get; set; } = new();
}
