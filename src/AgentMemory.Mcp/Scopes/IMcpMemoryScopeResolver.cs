using System.Security.Claims;

namespace AgentMemory.Mcp;

/// <summary>
/// Decides the memory scope of one MCP tool call from the server's configuration and the authenticated caller. Register
/// your own (before or after <c>WithAgentMemoryTools</c>) to map callers to scopes another way.
/// </summary>
public interface IMcpMemoryScopeResolver
{
    /// <summary>The scope for a call by <paramref name="caller"/> (null or unauthenticated over stdio).</summary>
    /// <exception cref="UnauthorizedAccessException">The caller may not use memory (e.g. it lacks the user claim).</exception>
    MemoryScope Resolve(ClaimsPrincipal? caller);
}
