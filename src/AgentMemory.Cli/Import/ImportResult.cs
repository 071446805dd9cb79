namespace AgentMemory.Cli.Import;

/// <summary>What an import did: memories added, memories already present (same id), and memories the guards blocked.</summary>
/// <param name="Added">The memories written.</param>
/// <param name="Present">The memories skipped because one with the same id was already stored.</param>
/// <param name="Blocked">The memories the guard chain blocked, each with the guard's reason; none of them was written.</param>
internal sealed record ImportResult(int Added, int Present, IReadOnlyList<(MemoryRecord Record, string Reason)> Blocked);
