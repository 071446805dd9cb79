namespace AgentMemory.Cli;

/// <summary>The options every memory command shares: the file and the scope.</summary>
internal sealed class CommonOptions
{
    public const string DefaultTenant = "local";
    public const string DefaultUser = "me";

    public Option<string?> Db { get; } = new("--db") { Description = "The SQLite memory file (default: $AGENTMEMORY_DB, else ~/.agentmemory/memory.db)." };

    public Option<string?> Tenant { get; } = new("--tenant") { Description = $"The tenant (default: $AGENTMEMORY_TENANT, else '{DefaultTenant}')." };

    public Option<string?> User { get; } = new("--user") { Description = $"The user (default: $AGENTMEMORY_USER, else '{DefaultUser}')." };

    public Option<string?> Agent { get; } = new("--agent") { Description = "The agent, when memories are kept per agent (default: $AGENTMEMORY_AGENT, else none)." };

    public void AddTo(Command command)
    {
        command.Add(Db);
        command.Add(Tenant);
        command.Add(User);
        command.Add(Agent);
    }

    /// <summary>The settings from the parsed options, falling back to environment variables and defaults.</summary>
    public CliSettings Read(ParseResult result, CliConsole console)
    {
        var env = console.Environment;
        var db = result.GetValue(Db) ?? env("AGENTMEMORY_DB")
            ?? Path.Combine(System.Environment.GetFolderPath(System.Environment.SpecialFolder.UserProfile), ".agentmemory", "memory.db");
        return new CliSettings(
            Path.GetFullPath(db),
            result.GetValue(Tenant) ?? env("AGENTMEMORY_TENANT") ?? DefaultTenant,
            result.GetValue(User) ?? env("AGENTMEMORY_USER") ?? DefaultUser,
            result.GetValue(Agent) ?? env("AGENTMEMORY_AGENT"),
            result.GetResult(User) is not null);
    }
}
