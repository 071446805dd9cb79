using System.Security.Claims;
using Microsoft.Extensions.Options;

namespace AgentMemory.Mcp;

/// <summary>The default resolver: the configured tenant, user and agent, with the user optionally taken from a claim.</summary>
internal sealed class ConfiguredMcpMemoryScopeResolver : IMcpMemoryScopeResolver
{
    private readonly AgentMemoryMcpOptions _options;
    private readonly MemoryScope? _fixed;

    public ConfiguredMcpMemoryScopeResolver(IOptions<AgentMemoryMcpOptions> options)
    {
        _options = options.Value;
        if (_options.UserIdClaimType is null)
        {
            _fixed = new MemoryScope(_options.TenantId, _options.UserId, _options.AgentId);
        }
    }

    public MemoryScope Resolve(ClaimsPrincipal? caller)
    {
        if (_fixed is not null)
        {
            return _fixed;
        }

        var user = caller?.Identity?.IsAuthenticated == true ? caller.FindFirst(_options.UserIdClaimType!)?.Value : null;
        if (string.IsNullOrWhiteSpace(user))
        {
            throw new UnauthorizedAccessException($"The caller has no '{_options.UserIdClaimType}' claim, so no memory scope can be bound.");
        }

        return new MemoryScope(_options.TenantId, user, _options.AgentId);
    }
}
