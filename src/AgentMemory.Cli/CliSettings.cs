namespace AgentMemory.Cli;

/// <summary>Which file and which scope a command works on.</summary>
/// <param name="DbPath">The SQLite file (full path).</param>
/// <param name="Tenant">The tenant.</param>
/// <param name="User">The user.</param>
/// <param name="Agent">The agent, if any.</param>
/// <param name="UserGiven">Whether --user was given explicitly.</param>
internal sealed record CliSettings(string DbPath, string Tenant, string User, string? Agent, bool UserGiven)
{
    /// <summary>The scope, or a clear error when an id is not valid.</summary>
    public MemoryScope Scope
    {
        get
        {
            try
            {
                return new MemoryScope(Tenant, User, Agent);
            }
            catch (ArgumentException ex)
            {
                throw new CliException("Not a valid scope: " + ex.Message);
            }
        }
    }

    /// <summary>Fails with a clear message (and creates nothing) when the file does not exist.</summary>
    public void RequireExistingFile()
    {
        if (!File.Exists(DbPath))
        {
            throw new CliException($"No memory file at '{DbPath}'. Pass --db PATH or set AGENTMEMORY_DB.");
        }
    }
}
