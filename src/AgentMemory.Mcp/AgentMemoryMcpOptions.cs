namespace AgentMemory.Mcp;

/// <summary>
/// How the MCP memory tools bind their scope and shape their results. The scope is the server's decision, never the
/// model's: no tool takes a tenant, user or agent argument.
/// </summary>
public sealed class AgentMemoryMcpOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string SectionName = "AgentMemory:Mcp";

    /// <summary>The tenant every call works in. Default <c>local</c>.</summary>
    public string TenantId { get; set; } = "local";

    /// <summary>
    /// The user every call works for, when the caller does not name one through <see cref="UserIdClaimType"/>.
    /// At least one of this or <see cref="AgentId"/> is needed unless a claim supplies the user.
    /// </summary>
    public string? UserId { get; set; }

    /// <summary>The agent the memories belong to, if they are kept per agent.</summary>
    public string? AgentId { get; set; }

    /// <summary>
    /// When set, the user id is read from this claim of the authenticated caller (e.g. <c>sub</c> over streamable HTTP
    /// with authentication); a call whose caller lacks the claim is refused rather than served with a default user.
    /// </summary>
    public string? UserIdClaimType { get; set; }

    /// <summary>The most memories a search or list returns in one call. Default 20.</summary>
    public int MaxResults { get; set; } = 20;

    /// <summary>The most memories <c>memory_forget_topic</c> deletes in one call. Default 200.</summary>
    public int MaxForget { get; set; } = 200;
}
