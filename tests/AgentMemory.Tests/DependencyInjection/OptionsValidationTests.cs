using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AgentMemory.Tests.DependencyInjection;

public sealed class OptionsValidationTests
{
    [Fact]
    public void AddAgentMemory_InvalidOptions_ReportsEveryFailureInOneMessage()
    {
        var services = new ServiceCollection();
        services.AddAgentMemory(o =>
        {
            o.Formation.QueueCapacity = 0;
            o.Formation.MemoryBudget = -5;
            o.Reconciliation.DuplicateThreshold = 1.5;
            o.Formation.TenantMemoryBudgets["acme"] = 0;
        });
        using var provider = services.BuildServiceProvider();

        var act = () => provider.GetRequiredService<IOptions<AgentMemoryOptions>>().Value;

        var error = act.Should().Throw<OptionsValidationException>().Which;
        error.Failures.Should().HaveCount(4);
        error.Message.Should().Contain("QueueCapacity").And.Contain("MemoryBudget").And.Contain("DuplicateThreshold").And.Contain("TenantMemoryBudgets:acme");
    }

    [Fact]
    public void AddAgentMemory_DefaultOptions_AreValid()
    {
        var services = new ServiceCollection();
        services.AddAgentMemory();
        using var provider = services.BuildServiceProvider();

        var options = provider.GetRequiredService<IOptions<AgentMemoryOptions>>().Value;

        options.Formation.MemoryBudget.Should().Be(1000);
        options.Formation.Mode.Should().Be(FormationMode.Background);
    }

    [Fact]
    public void GetMemoryBudget_TenantOverride_Wins()
    {
        var options = new FormationOptions { MemoryBudget = 10 };
        options.TenantMemoryBudgets["big"] = 500;

        options.GetMemoryBudget("big").Should().Be(500);
        options.GetMemoryBudget("small").Should().Be(10);
    }
}
