using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
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
    public void AddAgentMemory_DataAnnotationRangesViolated_FailAtStartNamingEachProperty()
    {
        var services = new ServiceCollection();
        services.AddAgentMemory(o =>
        {
            o.MaxTextLength = 5;
            o.Retrieval.TopK = 0;
            o.Retrieval.DuplicateThreshold = 2;
            o.Security.Pii.HashLength = 3;
            o.Security.Poisoning.SplitWindow = 1_000;
        });
        using var provider = services.BuildServiceProvider();

        var act = () => provider.GetRequiredService<IOptions<AgentMemoryOptions>>().Value;

        var error = act.Should().Throw<OptionsValidationException>().Which;
        error.Failures.Should().HaveCount(5);
        error.Message.Should().Contain("MaxTextLength").And.Contain("Retrieval.TopK").And.Contain("Retrieval.DuplicateThreshold")
            .And.Contain("Security.Pii.HashLength").And.Contain("Security.Poisoning.SplitWindow");
    }

    [Fact]
    public async Task AddAgentMemory_InvalidRetrievalOption_StopsTheHostAtStart()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddAgentMemory(o => o.Retrieval.CandidateLimit = -1);
        using var host = builder.Build();

        var start = () => host.StartAsync();

        (await start.Should().ThrowAsync<OptionsValidationException>()).Which.Message.Should().Contain("Retrieval.CandidateLimit");
    }

    [Fact]
    public void UseLlmExtraction_RangeViolated_FailsNamingTheProperty()
    {
        var services = new ServiceCollection();
        services.AddAgentMemory().UseChatClient(NSubstitute.Substitute.For<Microsoft.Extensions.AI.IChatClient>()).UseLlmExtraction(o => o.MaxExpandedQueries = 50);
        using var provider = services.BuildServiceProvider();

        var act = () => provider.GetRequiredService<IOptions<AgentMemory.Models.LlmMemoryOptions>>().Value;

        act.Should().Throw<OptionsValidationException>().Which.Message.Should().Contain("MaxExpandedQueries");
    }

    [Fact]
    public void UseInMemoryStore_DimensionOutOfRange_FailsNamingTheProperty()
    {
        var services = new ServiceCollection();
        services.AddAgentMemory().UseInMemoryStore(o => o.Dimension = 100_000);
        using var provider = services.BuildServiceProvider();

        var act = () => provider.GetRequiredService<IOptions<AgentMemory.Storage.InMemory.InMemoryStoreOptions>>().Value;

        act.Should().Throw<OptionsValidationException>().Which.Message.Should().Contain("Dimension");
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
