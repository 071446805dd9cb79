namespace AgentMemory.Cli.Verify;

/// <summary>How many memories of one kind one owner scope holds.</summary>
internal sealed record ScopeCount(string Tenant, string? User, string? Agent, string? Session, MemoryKind Kind, long Count);
