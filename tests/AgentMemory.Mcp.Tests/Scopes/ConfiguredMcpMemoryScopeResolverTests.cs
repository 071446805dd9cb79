using System.Security.Claims;
using Microsoft.Extensions.Options;

namespace AgentMemory.Mcp.Tests.Scopes;

public sealed class ConfiguredMcpMemoryScopeResolverTests
{
    [Fact]
    public void Resolve_ConfiguredUser_ReturnsConfiguredScopeWhoeverCalls()
    {
        var resolver = new ConfiguredMcpMemoryScopeResolver(Options.Create(new AgentMemoryMcpOptions { TenantId = "acme", UserId = "ann", AgentId = "desk" }));

        var caller = new ClaimsPrincipal(new ClaimsIdentity([new Claim("sub", "mallory")], "Bearer"));

        resolver.Resolve(caller).Should().Be(new MemoryScope("acme", "ann", "desk"));
        resolver.Resolve(null).Should().Be(new MemoryScope("acme", "ann", "desk"));
    }

    [Fact]
    public void Resolve_UserFromClaim_UsesTheAuthenticatedCallersClaim()
    {
        var resolver = new ConfiguredMcpMemoryScopeResolver(Options.Create(new AgentMemoryMcpOptions { TenantId = "acme", UserId = "fallback", UserIdClaimType = "sub" }));

        var caller = new ClaimsPrincipal(new ClaimsIdentity([new Claim("sub", "carol")], "Bearer"));

        resolver.Resolve(caller).Should().Be(MemoryScope.ForUser("acme", "carol"));
    }

    [Fact]
    public void Resolve_UserFromClaimButAnonymousCaller_Refuses()
    {
        var resolver = new ConfiguredMcpMemoryScopeResolver(Options.Create(new AgentMemoryMcpOptions { TenantId = "acme", UserId = "fallback", UserIdClaimType = "sub" }));

        var unauthenticated = new ClaimsPrincipal(new ClaimsIdentity([new Claim("sub", "carol")]));

        FluentActions.Invoking(() => resolver.Resolve(unauthenticated)).Should().Throw<UnauthorizedAccessException>();
        FluentActions.Invoking(() => resolver.Resolve(null)).Should().Throw<UnauthorizedAccessException>();
    }
}
