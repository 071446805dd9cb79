namespace AgentMemory.AgentFramework;

/// <summary>What the provider keeps in an agent session's state bag: the session's memory id.</summary>
public sealed class MemorySessionState
{
    /// <summary>A stable id for the session's memory scope, created on first use and serialised with the session.</summary>
    public string SessionId { get; set; } = Guid.NewGuid().ToString("n");
}
