using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AgentMemory.Mcp.Tests;

public sealed class AgentMemoryMcpOptionsValidatorTests
{
    [Fact]
    public void Validate_NoUserNoAgentAndBadLimits_ReportsEveryProblemAtOnce()
    {
        var result = new AgentMemoryMcpOptionsValidator().Validate(null, new AgentMemoryMcpOptions { UserId = null, MaxResults = 0, MaxForget = -1 });

        result.Failed.Should().BeTrue();
        result.Failures.Should().HaveCount(3);
    }

    [Fact]
    public void Validate_UserConfigured_Succeeds()
    {
        new AgentMemoryMcpOptionsValidator().Validate(null, new AgentMemoryMcpOptions { UserId = "me" }).Succeeded.Should().BeTrue();
    }

    [Fact]
    public void WithAgentMemoryTools_OneCall_RegistersOptionsValidatorAndResolver()
    {
        var services = new ServiceCollection();
        services.AddMcpServer().WithAgentMemoryTools(o => o.UserId = "me");
        using var provider = services.BuildServiceProvider();

        provider.GetRequiredService<IMcpMemoryScopeResolver>().Resolve(null).Should().Be(MemoryScope.ForUser("local", "me"));
        provider.GetRequiredService<IOptions<ModelContextProtocol.Server.McpServerOptions>>().Value.ToolCollection!.Select(t => t.ProtocolTool.Name)
            .Should().Contain(["memory_save", "memory_forget_topic"]);
    }
}
