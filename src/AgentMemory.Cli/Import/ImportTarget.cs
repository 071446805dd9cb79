namespace AgentMemory.Cli.Import;

/// <summary>Where imported memories go: the tenant, and the user and agent when given on the command line.</summary>
/// <param name="Tenant">The tenant for formats that carry none (Mem0), or that --tenant overrides.</param>
/// <param name="User">The user given with --user: every memory goes to that user.</param>
/// <param name="Agent">The agent given with --agent.</param>
internal sealed record ImportTarget(string Tenant, string? User, string? Agent);
